import { z } from 'zod';

/** A figure for the program's groups and what random groups of the same sizes would have given (their mean). */
export const AgainstRandom = z.object({ program: z.number(), random: z.number() });

/** Before and after for a program's members: who became connected, against random grouping, and how they took part. */
export const ProgramImpact = z.object({
  program: z.object({ id: z.string(), title: z.string(), startsOn: z.string().nullable(), endsOn: z.string().nullable() }),
  /** The program's days: its start or first published plan, whichever is first, to its end (or today, while it runs). */
  from: z.string(),
  to: z.string(),
  /** Enrolled people, and the departments they come from. */
  members: z.number().int(),
  departments: z.number().int(),
  /** The interaction network among members: before `from`, and new in the program's days (from any interaction). */
  observed: z.object({
    /** Pairs of members tied before the program. */
    tiesBefore: z.number().int(),
    /** Pairs of members tied for the first time during the program. */
    newTies: z.number().int(),
    /** Of those, pairs from different departments. */
    newCrossDepartmentTies: z.number().int(),
    /** Pairs of members' departments with no tie anywhere in the organization before the program. */
    silosBefore: z.number().int(),
    /** Of those, pairs a member tie connected during the program. */
    silosBridged: z.number().int(),
  }),
  /**
   * What each published plan arranged (people meeting in a cohort, group or pair), against random groups of the same
   * people in the same sizes within the same cohorts (a rotation or pairs inside cohorts are compared with random ones
   * inside those cohorts); empty without a published plan.
   */
  plans: z.array(
    z.object({
      kind: z.enum(['cohorts', 'rotation', 'partners']),
      /** Pairs of members who meet in the plan. */
      pairsMet: z.number().int(),
      /** Pairs meeting who had no tie before. */
      newPairs: AgainstRandom,
      /** Of those, pairs from different departments. */
      newCrossDepartmentPairs: AgainstRandom,
      /** Silos (as in `observed`) that its meetings connect. */
      silosBridged: AgainstRandom,
    }),
  ),
  /** Random groupings drawn for each comparison. */
  draws: z.number().int(),
  /**
   * Feedback: the program's surveys (to it, its cohorts or its live sessions) whose results the reader may see, with
   * the same thresholds as the results page (nothing below 5 responses), their Likert averages and NPS.
   */
  surveys: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      kind: z.string(),
      /** True below 5 responses: no figure is given. */
      withheld: z.boolean(),
      responses: z.number().int().nullable(),
      questions: z.array(z.object({ prompt: z.string(), type: z.string(), average: z.number().nullable(), nps: z.number().nullable() })),
    }),
  ),
  /** How members took part. */
  engagement: z.object({
    /** Program sessions scheduled, and members who marked every one done. */
    sessions: z.number().int(),
    completed: z.number().int(),
    /** Sessions marked done, as a share of members × sessions (null without sessions). */
    progress: z.number().nullable(),
    /** Live sessions of the program, members who attended at least one, and their minutes in the room (sum and median). */
    liveSessions: z.number().int(),
    attended: z.number().int(),
    liveMinutes: z.number(),
    medianLiveMinutes: z.number().nullable(),
  }),
});
export type ProgramImpact = z.infer<typeof ProgramImpact>;
