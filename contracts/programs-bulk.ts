import { z } from 'zod';
import { Id } from './common.ts';

/** Limits of bulk enrolment: people a selection may reach and characters of a pasted list. */
export const BULK_LIMITS = { people: 5000, listChars: 400_000, filterValues: 50 } as const;

const values = z.array(z.string().trim().min(1).max(200)).max(BULK_LIMITS.filterValues).default([]);

/** Who to enrol: everyone matching any filter, plus every line of the pasted list (union). */
export const BulkSelection = z
  .object({
    /** Everyone in these departments (exact names). */
    departments: values,
    /** Everyone in these teams. */
    teams: values,
    /** Everyone at these locations. */
    locations: values,
    /** Everyone reporting to these managers, directly or indirectly. */
    managerIds: z.array(Id).max(BULK_LIMITS.filterValues).default([]),
    /** The same, naming the managers by email (an email nobody in the organization has is a 400). */
    managerEmails: z.array(z.string().trim().toLowerCase().min(3).max(320)).max(BULK_LIMITS.filterValues).default([]),
    /** A pasted list or CSV: one email per line; the first comma-separated cell that holds an @ is the email. */
    emails: z.string().max(BULK_LIMITS.listChars).default(''),
  })
  .strict();
export type BulkSelection = z.infer<typeof BulkSelection>;

/** Body of `POST /api/programs/:id/enrollments/bulk/preview` and `POST /api/programs/:id/enrollments/bulk`. */
export const BulkEnrollRequest = z.object({ selection: BulkSelection }).strict();
export type BulkEnrollRequest = z.infer<typeof BulkEnrollRequest>;

/**
 * What happens to one line: enrolled or waitlisted (added), already in the program, or a problem that stops apply:
 * unknown email, a duplicate of an earlier line, a deactivated person.
 */
export const BulkOutcome = z.enum(['enrolled', 'waitlisted', 'already_in', 'unknown_email', 'duplicate', 'deactivated']);
export type BulkOutcome = z.infer<typeof BulkOutcome>;

/** Outcomes that make apply refuse the whole list (400, nothing applied). */
export const BULK_PROBLEMS: readonly BulkOutcome[] = ['unknown_email', 'duplicate', 'deactivated'];

/** One line of the report. */
export const BulkLine = z.object({
  /** 1-based line of the pasted list, or null for people chosen by a filter. */
  line: z.number().int().nullable(),
  /** The email as written, or the person's email for filter matches. */
  input: z.string(),
  /** The person, when known. */
  personId: Id.nullable(),
  /** Their name, when known. */
  name: z.string().nullable(),
  /** What happens (preview) or happened (apply). */
  outcome: BulkOutcome,
});
export type BulkLine = z.infer<typeof BulkLine>;

/** The line-by-line report of a preview or an apply, with counts per outcome. */
export const BulkEnrollResult = z.object({
  /** True for a preview (nothing changed). */
  dryRun: z.boolean(),
  /** List lines in order, then filter matches by name. */
  lines: z.array(BulkLine),
  /** How many lines have each outcome. */
  counts: z.record(BulkOutcome, z.number().int()),
});
export type BulkEnrollResult = z.infer<typeof BulkEnrollResult>;
