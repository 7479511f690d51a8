import { z } from 'zod';
import { DateOnly, Id } from './common.ts';
import { BulkSelection } from './programs-bulk.ts';
import { PersonRef } from './people.ts';

/** Days before the due date when the one reminder goes out. */
export const ASSIGNMENT_REMINDER_DAYS = 3;

/** Body of `POST /api/pathways/:id/assignments/preview` and `POST /api/pathways/:id/assignments`. */
export const AssignPathwayRequest = z.object({ selection: BulkSelection, dueOn: DateOnly }).strict();
export type AssignPathwayRequest = z.infer<typeof AssignPathwayRequest>;

/** assigned (new), reassigned (had it; the due date becomes this one), or a problem that stops apply. */
export const AssignOutcome = z.enum(['assigned', 'reassigned', 'unknown_email', 'duplicate', 'deactivated']);
export type AssignOutcome = z.infer<typeof AssignOutcome>;

/** The line-by-line report of an assignment preview or apply. */
export const AssignPathwayResult = z.object({
  /** True for a preview (nothing changed). */
  dryRun: z.boolean(),
  /** List lines in order, then filter matches by name. */
  lines: z.array(z.object({ line: z.number().int().nullable(), input: z.string(), personId: Id.nullable(), name: z.string().nullable(), outcome: AssignOutcome })),
  /** How many lines have each outcome. */
  counts: z.record(AssignOutcome, z.number().int()),
});
export type AssignPathwayResult = z.infer<typeof AssignPathwayResult>;

/** Where an assignee is: completed, overdue (past the due date, not completed), started (a step done) or assigned. */
export const AssignmentStatus = z.enum(['assigned', 'started', 'completed', 'overdue']);
export type AssignmentStatus = z.infer<typeof AssignmentStatus>;

/** `GET /api/pathways/:id/assignments`: the assigner's completion view. */
export const PathwayAssignments = z.object({
  items: z.array(
    z.object({
      /** The assignee. */
      person: PersonRef,
      /** Due date. */
      dueOn: DateOnly,
      /** Where they are. */
      status: AssignmentStatus,
      /** Steps done of the pathway's steps. */
      stepsDone: z.number().int(),
      stepsTotal: z.number().int(),
    }),
  ),
  /** People per status. */
  counts: z.record(AssignmentStatus, z.number().int()),
});
export type PathwayAssignments = z.infer<typeof PathwayAssignments>;
