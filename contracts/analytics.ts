import { z } from 'zod';
import { DateOnly } from './common.ts';

/** The fewest people a figure of a manager's team may cover; a team figure over fewer is withheld. */
export const ANALYTICS_MIN_GROUP = 5;
/** The longest range the analytics answer, in days (a year and a day: 53 weeks, 13 months at most). */
export const ANALYTICS_MAX_RANGE_DAYS = 366;
/** The default range, in days (the last 90 days, today included). */
export const ANALYTICS_DEFAULT_DAYS = 90;

/** What a set of engagement figures is about. */
export const AnalyticsScopeKind = z.enum(['organization', 'community', 'program', 'department', 'team']);
export type AnalyticsScopeKind = z.infer<typeof AnalyticsScopeKind>;

/** Query of every `GET /api/analytics/*` figure route: a scope and a range of days (default: the last 90). */
export const AnalyticsQuery = z
  .object({
    /** organization | community | program | department | team (a manager's reports, direct and indirect). */
    scope: AnalyticsScopeKind,
    /** The community or program id, the department's name, or the manager's person id (team; default: me). Not for organization. */
    id: z.string().min(1).max(200).optional(),
    /** First day counted (YYYY-MM-DD), default 89 days before `to`. */
    from: DateOnly.optional(),
    /** Last day counted (YYYY-MM-DD), default today (UTC). */
    to: DateOnly.optional(),
  })
  .strict()
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'The first day comes before the last.', path: ['from'] })
  .refine((q) => !q.from || !q.to || Date.parse(q.to) - Date.parse(q.from) < ANALYTICS_MAX_RANGE_DAYS * 86_400_000, {
    message: 'Choose a range of at most a year.',
    path: ['from'],
  })
  .refine((q) => (q.scope === 'organization' ? q.id === undefined : q.scope === 'team' || q.id !== undefined), {
    message: 'Name the community, program or department (and nothing for the organization).',
    path: ['id'],
  });
export type AnalyticsQuery = z.input<typeof AnalyticsQuery>;

/** One scope the viewer may read figures of. */
export const AnalyticsScope = z.object({
  /** Its kind. */
  kind: AnalyticsScopeKind,
  /** What `id` to send for it (null for the organization). */
  id: z.string().nullable(),
  /** Its name as the picker shows it. */
  name: z.string(),
});
export type AnalyticsScope = z.infer<typeof AnalyticsScope>;

/** `GET /api/analytics/scopes`: every scope the viewer may see (empty: no Insights for them). */
export const AnalyticsScopes = z.object({ scopes: z.array(AnalyticsScope) });
export type AnalyticsScopes = z.infer<typeof AnalyticsScopes>;

/** What every figure answer starts with: the scope, the range, and whether a small team's figures are withheld. */
const AnalyticsHead = {
  /** The scope the figures are about. */
  scope: AnalyticsScope,
  /** First and last day counted. */
  from: z.string(),
  to: z.string(),
  /** People the scope covers now (members, enrolled, department, team; everyone for the organization). */
  people: z.number().int(),
  /**
   * True when team figures are left out for covering fewer than ANALYTICS_MIN_GROUP people: all of them for a team
   * under 5, a figure whose people are under 5, and (popular, funnels) always for teams, whose lists leave out items
   * fewer than 5 of its people took part in.
   */
  withheld: z.boolean(),
};

/** `GET /api/analytics/activity`: active people per day, week and month, posts and replies per week. */
export const AnalyticsActivity = z.object({
  ...AnalyticsHead,
  /** Active people (used Hearth that day, UTC) per day of the range, every day listed. */
  daily: z.array(z.object({ day: z.string(), active: z.number().int() })),
  /** Per ISO week (its Monday, clipped to the range): active people, threads + replies posted, replies posted. */
  weekly: z.array(z.object({ week: z.string(), active: z.number().int(), posts: z.number().int(), replies: z.number().int() })),
  /** Active people per calendar month (YYYY-MM) of the range. */
  monthly: z.array(z.object({ month: z.string(), active: z.number().int() })),
  /** Headline figures over the whole range. */
  totals: z.object({
    /** People active at least once in the range. */
    active: z.number().int(),
    /** Mean daily active people. */
    averageDaily: z.number(),
    /** Threads started and replies posted. */
    posts: z.number().int(),
    /** Replies posted. */
    replies: z.number().int(),
  }),
});
export type AnalyticsActivity = z.infer<typeof AnalyticsActivity>;

/** `GET /api/analytics/questions`: Q&A questions asked in the range and how they were answered. */
export const AnalyticsQuestions = z.object({
  ...AnalyticsHead,
  /** Questions asked in the range (null when withheld). */
  questions: z.number().int().nullable(),
  /** Of those, answered by someone other than the asker by the end of the range. */
  answered: z.number().int().nullable(),
  /** Share of the questions without such an answer (0–1; null without questions or when withheld). */
  unansweredShare: z.number().nullable(),
  /** Median hours from a question to its first answer, over the answered ones (null without any or when withheld). */
  medianHoursToFirstAnswer: z.number().nullable(),
});
export type AnalyticsQuestions = z.infer<typeof AnalyticsQuestions>;

/** `GET /api/analytics/popular`: the top tags, threads and resources of the range (at most 10 each). */
export const AnalyticsPopular = z.object({
  ...AnalyticsHead,
  /** Tags of what people did (threads, replies, resources shared, joins), by how many actions carried them. */
  tags: z.array(z.object({ tag: z.string(), count: z.number().int() })),
  /** Threads by replies and reactions in the range; only threads the viewer may read are named. */
  threads: z.array(z.object({ id: z.string(), title: z.string(), communityId: z.string(), replies: z.number().int(), reactions: z.number().int() })),
  /** Resources by ratings given in the range; only resources the viewer may read are named. */
  resources: z.array(z.object({ id: z.string(), title: z.string(), ratings: z.number().int(), averageRating: z.number() })),
});
export type AnalyticsPopular = z.infer<typeof AnalyticsPopular>;

/** A pathway's funnel over enrolments made in the range: enrolled, then each step done, then completed. */
export const PathwayFunnel = z.object({
  id: z.string(),
  title: z.string(),
  /** Enrolments in the range. */
  enrolled: z.number().int(),
  /** Of those, how many had done each step by the end of the range, in step order. */
  steps: z.array(z.object({ id: z.string(), title: z.string(), done: z.number().int() })),
  /** Of those, how many had completed the pathway by the end of the range. */
  completed: z.number().int(),
});

/** A program's funnel over enrolments made in the range: enrolled, attended (a live session joined or a session done), completed (every session done). */
export const ProgramFunnel = z.object({
  id: z.string(),
  title: z.string(),
  enrolled: z.number().int(),
  attended: z.number().int(),
  completed: z.number().int(),
});

/** `GET /api/analytics/funnels`: pathway and program funnels (the 10 with the most enrolments each). */
export const AnalyticsFunnels = z.object({
  ...AnalyticsHead,
  pathways: z.array(PathwayFunnel),
  programs: z.array(ProgramFunnel),
});
export type AnalyticsFunnels = z.infer<typeof AnalyticsFunnels>;

/** `GET /api/analytics/live`: live-session talk time and mentoring activity in the range. */
export const AnalyticsLive = z.object({
  ...AnalyticsHead,
  /** Live sessions that started in the range, people who attended them, and their minutes by where they talked (null when withheld). */
  live: z
    .object({
      sessions: z.number().int(),
      participants: z.number().int(),
      plenaryMinutes: z.number(),
      groupMinutes: z.number(),
      pairMinutes: z.number(),
    })
    .nullable(),
  /** Mentoring and coaching relationships (null when withheld). */
  mentoring: z
    .object({
      /** Relationships active at some point in the range. */
      active: z.number().int(),
      /** Started (created) in the range. */
      started: z.number().int(),
      /** Ended in the range. */
      ended: z.number().int(),
      /** Meetings held in the range. */
      meetings: z.number().int(),
      /** Check-ins in the range and their mean rating (1–5; null without any). */
      checkIns: z.number().int(),
      averageRating: z.number().nullable(),
    })
    .nullable(),
});
export type AnalyticsLive = z.infer<typeof AnalyticsLive>;
