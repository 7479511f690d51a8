import { z } from 'zod';
import { DateOnly, Id } from './common.ts';
import { PersonRef } from './people.ts';

/** Limits of check-ins, shared by server validation and web forms. */
export const CHECKIN_LIMITS = { weeks: 52, note: 4000, nextStep: 1000 } as const;

/** Program setting: check-in this many weeks after the last day (null: no check-ins). */
export const CheckinWeeks = z.number().int().min(1).max(CHECKIN_LIMITS.weeks).nullable();

/** due: not held yet, less than 7 days past due; overdue: 7 days or more; held: the manager recorded it. */
export const CheckinState = z.enum(['due', 'overdue', 'held']);
export type CheckinState = z.infer<typeof CheckinState>;

/** One manager check-in after a program. */
export const Checkin = z.object({
  /** Check-in id. */
  id: Id,
  /** The program it follows. */
  program: z.object({ id: Id, title: z.string() }),
  /** The learner and their manager. */
  learner: PersonRef,
  manager: PersonRef,
  /** The day it fell due (YYYY-MM-DD). */
  dueOn: z.string(),
  /** Where it stands. */
  state: CheckinState,
  /** The outcome, once the manager recorded it; its note and next step only for the learner and the manager (null for facilitators and admins). */
  outcome: z.object({ heldOn: z.string(), note: z.string().nullable(), nextStep: z.string().nullable() }).nullable(),
  /** What the viewer may do. */
  abilities: z.object({ canRecord: z.boolean() }),
});
export type Checkin = z.infer<typeof Checkin>;

/** `GET /api/checkins`: the viewer's check-ins as a learner and as a manager (newest due first). */
export const MyCheckinsResponse = z.object({
  /** Check-ins with one's manager. */
  asLearner: z.array(Checkin),
  /** Check-ins with one's reports. */
  asManager: z.array(Checkin),
});
export type MyCheckinsResponse = z.infer<typeof MyCheckinsResponse>;

/** `GET /api/programs/:id/checkins` (the program's facilitators and org admins). */
export const ProgramCheckinsResponse = z.object({ items: z.array(Checkin) });
export type ProgramCheckinsResponse = z.infer<typeof ProgramCheckinsResponse>;

/** Body of `POST /api/checkins/:id/outcome` (only the learner's manager). */
export const RecordCheckinRequest = z
  .object({
    /** The day they met; not before the program's last day nor in the future. */
    heldOn: DateOnly,
    /** What was discussed. */
    note: z.string().trim().max(CHECKIN_LIMITS.note).default(''),
    /** The agreed next step. */
    nextStep: z.string().trim().min(1).max(CHECKIN_LIMITS.nextStep),
  })
  .strict();
export type RecordCheckinRequest = z.input<typeof RecordCheckinRequest>;
