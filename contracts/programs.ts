import { z } from 'zod';
import { Cursor, DateOnly, Id, LIMITS, page, text } from './common.ts';
import { CheckinWeeks } from './checkins.ts';
import { PersonRef } from './people.ts';

/** Limits of programs, shared by server validation and web forms. */
export const PROGRAM_LIMITS = { title: 120, description: 2000, goals: 8000, sessions: 50, planPeople: 5000 } as const;

/** draft (facilitators only) → open (enrolment open) → running → closed. */
export const ProgramStatus = z.enum(['draft', 'open', 'running', 'closed']);
/** Who enrols people: themselves, facilitators, or both. */
export const EnrollmentMode = z.enum(['self', 'assigned', 'both']);
/** A calendar date, YYYY-MM-DD. */

/** One scheduled session of a program. */
export const ProgramSession = z.object({
  /** Session id (omit when creating). */
  id: Id.optional(),
  /** What happens in it. */
  title: text(120),
  /** Start time, ISO 8601 with offset. */
  startsAt: z.string().datetime({ offset: true }),
  /** Length in minutes. */
  durationMinutes: z.number().int().min(5).max(24 * 60).default(60),
});
export type ProgramSession = z.infer<typeof ProgramSession>;

/** Defaults for forming cohorts, rotations and partners. */
export const GroupingSettings = z.object({
  /** People per cohort. */
  cohortSize: z.number().int().min(2).max(500),
  /** People per breakout group (3–4 recommended). */
  groupSize: z.number().int().min(2).max(12),
  /** Breakout rounds to plan. */
  rounds: z.number().int().min(1).max(30),
  /** Working hours (9–17 local) every cohort or pair must share; 0 = no rule. */
  minSharedHours: z.number().int().min(0).max(8),
});
export type GroupingSettings = z.infer<typeof GroupingSettings>;

/** A program in lists. */
export const ProgramSummary = z.object({
  /** Program id. */
  id: Id,
  /** Title. */
  title: z.string(),
  /** What it is about. */
  description: z.string(),
  /** Lifecycle state. */
  status: ProgramStatus,
  /** Who enrols people. */
  enrollment: EnrollmentMode,
  /** Seats, or null when unlimited. */
  capacity: z.number().int().nullable(),
  /** People enrolled. */
  enrolledCount: z.number().int(),
  /** First and last day, or null. */
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  /** Facilitators. */
  facilitators: z.array(PersonRef),
  /** The viewer's enrolment: enrolled, or waitlisted with their place in line; null when not enrolled. */
  myEnrollment: z.object({ status: z.enum(['enrolled', 'waitlisted']), waitlistPosition: z.number().int().nullable() }).nullable(),
});
export type ProgramSummary = z.infer<typeof ProgramSummary>;

/** Where the viewer was placed by published plans. */
export const MyPlacement = z.object({
  /** The viewer's cohort and its space, or null. */
  cohort: z.object({ id: Id, name: z.string(), communitySlug: z.string().nullable(), members: z.array(PersonRef) }).nullable(),
  /** The viewer's breakout group in each round (people other than the viewer). */
  groups: z.array(z.object({ round: z.number().int(), members: z.array(PersonRef) })),
  /** The viewer's learning partner(s) for the whole program (two in a trio). */
  partners: z.array(PersonRef),
  /**
   * Published plans the viewer is enrolled for but not yet placed in: cohort = every cohort is full (a facilitator
   * places them); partner = waiting for another newcomer or for a facilitator to pair them.
   */
  waiting: z.object({ cohort: z.boolean(), partner: z.boolean() }),
});
export type MyPlacement = z.infer<typeof MyPlacement>;

/** A program page. */
export const Program = ProgramSummary.extend({
  /** Goals as Markdown and as sanitized HTML. */
  goals: z.string(),
  goalsHtml: z.string(),
  /** The schedule. */
  sessions: z.array(ProgramSession.extend({ id: Id })),
  /** Grouping defaults. */
  settings: GroupingSettings,
  /** Waitlisted people. */
  waitlistCount: z.number().int(),
  /** Manager check-ins this many weeks after the last day, or null. */
  checkinWeeks: CheckinWeeks,
  /** Where the viewer was placed (empty until plans are published). */
  myPlacement: MyPlacement,
  /** What the viewer may do. */
  abilities: z.object({ canEdit: z.boolean(), canEnroll: z.boolean(), canFacilitate: z.boolean() }),
});
export type Program = z.infer<typeof Program>;

/** Body of `POST /api/programs` (facilitators and org admins). */
export const CreateProgramRequest = z
  .object({
    /** Title. */
    title: text(PROGRAM_LIMITS.title),
    /** Short description. */
    description: z.string().trim().max(PROGRAM_LIMITS.description).default(''),
    /** Goals, Markdown. */
    goals: z.string().trim().max(PROGRAM_LIMITS.goals).default(''),
    /** Who enrols people. */
    enrollment: EnrollmentMode.default('both'),
    /** Seats; omit for unlimited. */
    capacity: z.number().int().min(1).max(100_000).nullable().default(null),
    /** First and last day. */
    startsOn: DateOnly.nullable().default(null),
    endsOn: DateOnly.nullable().default(null),
    /** Manager check-ins this many weeks after the last day; null for none. */
    checkinWeeks: CheckinWeeks.default(null),
    /** Schedule. */
    sessions: z.array(ProgramSession).max(PROGRAM_LIMITS.sessions).default([]),
    /** Facilitators besides the creator. */
    facilitatorIds: z.array(Id).max(20).default([]),
    /** Grouping defaults. */
    settings: GroupingSettings.partial().default({}),
  })
  .strict();
export type CreateProgramRequest = z.input<typeof CreateProgramRequest>;

/** Body of `PATCH /api/programs/:id` (facilitators). */
export const UpdateProgramRequest = z
  .object({
    title: text(PROGRAM_LIMITS.title),
    description: z.string().trim().max(PROGRAM_LIMITS.description),
    goals: z.string().trim().max(PROGRAM_LIMITS.goals),
    status: ProgramStatus,
    enrollment: EnrollmentMode,
    capacity: z.number().int().min(1).max(100_000).nullable(),
    startsOn: DateOnly.nullable(),
    endsOn: DateOnly.nullable(),
    checkinWeeks: CheckinWeeks,
    sessions: z.array(ProgramSession).max(PROGRAM_LIMITS.sessions),
    settings: GroupingSettings.partial(),
  })
  .partial()
  .strict();
export type UpdateProgramRequest = z.input<typeof UpdateProgramRequest>;

/** Query of `GET /api/programs`. */
export const FindProgramsQuery = z
  .object({
    /** mine = enrolled or facilitating; open = open for enrolment; all (default). */
    filter: z.enum(['all', 'mine', 'open']).default('all'),
    limit: z.coerce.number().int().min(1).max(LIMITS.pageSize.max).default(30),
    cursor: Cursor.optional(),
  })
  .strict();
export type FindProgramsQuery = z.infer<typeof FindProgramsQuery>;

/** A page of programs, newest first. */
export const ProgramPage = page(ProgramSummary);
export type ProgramPage = z.infer<typeof ProgramPage>;

/** Body of `PUT /api/programs/:id/enrollment` (self-enrolment or leaving). */
export const SelfEnrollRequest = z.object({ enrolled: z.boolean() }).strict();

/** Body of `POST /api/programs/:id/enrollments` (facilitators assign people; over capacity they are waitlisted). */
export const AssignPeopleRequest = z.object({ personIds: z.array(Id).min(1).max(1000) }).strict();

/** One enrolled or waitlisted person, for facilitators. */
export const ProgramEnrollee = PersonRef.extend({
  department: z.string().nullable(),
  location: z.string().nullable(),
  timeZone: z.string().nullable(),
  status: z.enum(['enrolled', 'waitlisted']),
  source: z.enum(['self', 'assigned']),
  enrolledAt: z.string(),
});
export type ProgramEnrollee = z.infer<typeof ProgramEnrollee>;

/** `GET /api/programs/:id/enrollments` (facilitators): enrolled first, then the waitlist in order. */
export const ProgramEnrollees = z.object({ items: z.array(ProgramEnrollee) });
export type ProgramEnrollees = z.infer<typeof ProgramEnrollees>;

/** cohorts = split the enrolled into cohorts; rotation = breakout groups per round; partners = learning pairs. */
export const PlanKind = z.enum(['cohorts', 'rotation', 'partners']);
export type PlanKind = z.infer<typeof PlanKind>;

/** Body of `POST /api/programs/:id/plans`: form a plan (preview) with the program's defaults unless overridden. */
export const FormPlanRequest = z
  .object({
    kind: PlanKind,
    /** Cohort size (cohorts) or group size (rotation). */
    size: z.number().int().min(2).max(500).optional(),
    /** Rounds (rotation). */
    rounds: z.number().int().min(1).max(30).optional(),
    /** Shared working hours rule (cohorts, partners). */
    minSharedHours: z.number().int().min(0).max(8).optional(),
    /** Seed for a different but reproducible result. */
    seed: z.number().int().min(1).max(1_000_000).optional(),
  })
  .strict();
export type FormPlanRequest = z.infer<typeof FormPlanRequest>;

/** One person in a plan, with what the preview explains. */
export const PlanMember = z.object({ id: Id, name: z.string(), department: z.string().nullable(), location: z.string().nullable(), timeZone: z.string().nullable() });
export type PlanMember = z.infer<typeof PlanMember>;

/** Quality figures of a plan (and of a random assignment of the same people). */
export const PlanMetrics = z.object({
  /** Mean distinct departments per group (cohort, breakout group or pair). */
  avgDepartments: z.number(),
  /** Lowest distinct departments in any group. */
  minDepartments: z.number().int(),
  /** Pairs of people meeting for the first time (not sharing a manager, team or reporting line). */
  newTies: z.number().int(),
  /** Meetings of people who already work closely. */
  knownPairMeetings: z.number().int(),
  /** Pairs meeting more than once (rotation). */
  repeats: z.number().int(),
  /** Broken hard rules (time zones, sizes). */
  hardViolations: z.number().int(),
});
export type PlanMetrics = z.infer<typeof PlanMetrics>;

/** Two departments, by name. */
export const DepartmentPair = z.object({ a: z.string(), b: z.string() });
export type DepartmentPair = z.infer<typeof DepartmentPair>;

/** A plan: rounds of labelled groups (cohorts: one round of cohorts; partners: one round of pairs). */
export const Plan = z.object({
  id: Id,
  kind: PlanKind,
  status: z.enum(['draft', 'published', 'superseded']),
  /** What it was formed with. */
  params: z.object({ size: z.number().int(), rounds: z.number().int(), minSharedHours: z.number().int(), seed: z.number().int() }),
  /** Rounds of groups; a published cohort carries its id (facilitators move people with it). */
  rounds: z.array(z.object({ label: z.string(), groups: z.array(z.object({ label: z.string(), cohortId: Id.optional(), members: z.array(PlanMember) })) })),
  /** Published cohorts: enrolled people in no cohort (all were full); published partners: people waiting for a partner. */
  waiting: z.array(PlanMember),
  /** Published cohorts: most people a cohort takes (half again the program's cohort size); null otherwise. */
  maxGroupSize: z.number().int().nullable(),
  /** Figures of this plan and of random assignment. */
  metrics: PlanMetrics,
  baseline: PlanMetrics,
  /** Pairs of departments whose people had no tie in the interaction graph over the last year and meet in this plan,
   *  as of forming (or the last adjustment); only departments of at least 5 active people are named. */
  firstTimeDepartmentPairs: z.array(DepartmentPair),
  /** How many such pairs a random assignment of the same people brings together (null for plans formed before). */
  firstTimeDepartmentPairsRandom: z.number().int().nullable(),
  /** Sentences explaining the result, e.g. "Each group mixes 3.8 departments on average (random: 2.9)". */
  explanation: z.array(z.string()),
  /** Notes from the engine (e.g. more rounds than possible without repeats). */
  warnings: z.array(z.string()),
  /** How it was made. */
  method: z.string(),
  createdAt: z.string(),
  publishedAt: z.string().nullable(),
});
export type Plan = z.infer<typeof Plan>;

/** Body of `PATCH /api/programs/:id/plans/:planId`: the adjusted assignment (ids), same people, same round count. */
export const AdjustPlanRequest = z.object({ rounds: z.array(z.array(z.array(Id))) }).strict();
export type AdjustPlanRequest = z.infer<typeof AdjustPlanRequest>;

/** `GET /api/programs/:id/plans`: the latest draft and the published plan of each kind. */
export const ProgramPlans = z.object({ items: z.array(Plan) });
export type ProgramPlans = z.infer<typeof ProgramPlans>;

/** Body of `PUT /api/programs/:id/sessions/:sessionId/done` (enrolled people mark a session done for themselves). */
export const MarkSessionDoneRequest = z.object({ /** Done (true) or not done (false). */ done: z.boolean() }).strict();
export type MarkSessionDoneRequest = z.infer<typeof MarkSessionDoneRequest>;

/** Body of `PUT /api/programs/:id/progress-visibility` (enrolled people hide their progress from peers). */
export const ProgressVisibilityRequest = z.object({ /** Hide my progress from other members. */ hidden: z.boolean() }).strict();
export type ProgressVisibilityRequest = z.infer<typeof ProgressVisibilityRequest>;

/** `GET /api/communities/:id/program`: the program panel of a cohort space. */
export const CohortProgram = z.object({
  /** The program the cohort belongs to. */
  program: z.object({ id: Id, title: z.string(), /** Goals as sanitized HTML. */ goalsHtml: z.string() }),
  /** The cohort's name, e.g. "Cohort 1". */
  cohortName: z.string(),
  /** The schedule (deadlines), in order, with whether the viewer marked each one done. */
  sessions: z.array(z.object({ id: Id, title: z.string(), startsAt: z.string(), durationMinutes: z.number().int(), isDone: z.boolean() })),
  /** Cohort members by name with sessions done out of total; done is null when the person hides it (never for the viewer). */
  members: z.array(PersonRef.extend({ done: z.number().int().nullable(), total: z.number().int() })),
  /** Whether the viewer hides their progress; null when the viewer is not enrolled (e.g. a facilitator). */
  hideMyProgress: z.boolean().nullable(),
});
export type CohortProgram = z.infer<typeof CohortProgram>;

/** Body of `PUT /api/programs/:id/cohort-members/:personId` (facilitators): move an enrolled person to a published cohort. */
export const MoveToCohortRequest = z.object({ /** The published cohort to move them to. */ cohortId: Id }).strict();
export type MoveToCohortRequest = z.infer<typeof MoveToCohortRequest>;

/**
 * Body of `POST /api/programs/:id/partners` (facilitators): pair someone waiting for a learning partner with another
 * waiting person (a new pair), or add them to an existing pair (a trio).
 */
export const JoinPartnersRequest = z
  .object({
    /** The person waiting for a partner. */
    personId: Id,
    /** Another waiting person, or a member of the pair to join. */
    withId: Id,
  })
  .strict()
  .refine((b) => b.personId !== b.withId, { message: 'Choose someone else', path: ['withId'] });
export type JoinPartnersRequest = z.infer<typeof JoinPartnersRequest>;
