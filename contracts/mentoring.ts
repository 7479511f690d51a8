import { z } from 'zod';
import { Id, text } from './common.ts';
import { PersonRef } from './people.ts';

/** Limits of mentoring profiles, shared by server validation and web forms. */
export const MENTORING_LIMITS = { skills: 20, topics: 20, goals: 20, capacity: 10, hoursPerWeek: 40 } as const;

/** A skill with a level 1 (basic) … 5 (expert); for a mentee, the level aimed for. */
export const MentoringSkill = z.object({
  /** Skill name. */
  skill: text(60),
  /** Level 1–5. */
  level: z.number().int().min(1).max(5),
});
export type MentoringSkill = z.infer<typeof MentoringSkill>;

/** Matching preferences of a mentor or mentee. */
export const MentoringPreferences = z
  .object({
    /** Prefer a partner from another department (mentee: scored; mentor: only mentees of other departments). */
    otherDepartment: z.boolean().optional(),
    /** Only partners at the same location (hard, when both locations are known). */
    sameLocation: z.boolean().optional(),
    /** Seniority gap [min, max] in levels between mentor and mentee (mentee: scored; mentor: hard, when both levels are known). */
    seniorityGap: z.tuple([z.number().int().min(0).max(7), z.number().int().min(0).max(7)]).refine(([a, b]) => a <= b, 'min must not exceed max').optional(),
  })
  .strict();
export type MentoringPreferences = z.infer<typeof MentoringPreferences>;

/** What a person offers as a mentor. */
export const MentorProfile = z.object({
  /** Skills offered, with level. */
  skills: z.array(MentoringSkill).max(MENTORING_LIMITS.skills),
  /** Topics the mentor can support, e.g. "leadership". */
  topics: z.array(text(60)).max(MENTORING_LIMITS.topics),
  /** Most mentees at once; active matches count against it. */
  capacity: z.number().int().min(0).max(MENTORING_LIMITS.capacity),
  /** Hours per week available for mentoring. */
  availabilityHours: z.number().int().min(0).max(MENTORING_LIMITS.hoursPerWeek),
  /** Seniority level 1 (junior) … 8 (executive), if stated. */
  seniority: z.number().int().min(1).max(8).nullable(),
  /** Preferences. */
  preferences: MentoringPreferences,
  /** Whether the person takes part in matching now. */
  active: z.boolean(),
});
export type MentorProfile = z.infer<typeof MentorProfile>;

/** What a person wants as a mentee. */
export const MenteeProfile = z.object({
  /** Goals, e.g. "career-change". */
  goals: z.array(text(60)).max(MENTORING_LIMITS.goals),
  /** Skills wanted, with the level aimed for. */
  skills: z.array(MentoringSkill).max(MENTORING_LIMITS.skills),
  /** Seniority level 1 (junior) … 8 (executive), if stated. */
  seniority: z.number().int().min(1).max(8).nullable(),
  /** Preferences. */
  preferences: MentoringPreferences,
  /** Whether the person takes part in matching now. */
  active: z.boolean(),
});
export type MenteeProfile = z.infer<typeof MenteeProfile>;

/** The signed-in person's mentoring profiles (null = none). */
export const MentoringProfileResponse = z.object({
  /** Mentor profile. */
  mentor: MentorProfile.nullable(),
  /** Mentee profile. */
  mentee: MenteeProfile.nullable(),
});
export type MentoringProfileResponse = z.infer<typeof MentoringProfileResponse>;

/** Replaces the signed-in person's profiles; null removes one, an omitted side stays as it is. */
export const UpdateMentoringProfileRequest = z
  .object({
    /** Mentor profile, or null to remove it. */
    mentor: MentorProfile.nullable().optional(),
    /** Mentee profile, or null to remove it. */
    mentee: MenteeProfile.nullable().optional(),
  })
  .strict();
export type UpdateMentoringProfileRequest = z.infer<typeof UpdateMentoringProfileRequest>;

/** Objective of a matching run. */
export const MentoringMatchMode = z.enum(['optimal', 'fair', 'participation']);
export type MentoringMatchMode = z.infer<typeof MentoringMatchMode>;

/** Starts a matching run over the organization's active profiles. */
export const CreateMatchRunRequest = z
  .object({
    /** optimal = best total; fair = best worst-off score first; participation = most people matched. */
    mode: MentoringMatchMode.default('optimal'),
  })
  .strict();
export type CreateMatchRunRequest = z.infer<typeof CreateMatchRunRequest>;

/** One factor's contribution to a pair's score. */
export const MatchFactor = z.object({
  /** skills | goals | department | seniority | timezone | availability */
  factor: z.string(),
  /** Points on the 0–1000 score scale. */
  points: z.number(),
  /** Human-readable reason. */
  reason: z.string(),
});
export type MatchFactor = z.infer<typeof MatchFactor>;

/** One proposed pair of a run. */
export const MatchRunAssignment = z.object({
  /** The mentor. */
  mentor: PersonRef,
  /** The mentee. */
  mentee: PersonRef,
  /** Compatibility 0–1000. */
  score: z.number(),
  /** Top contributing factors, best first. */
  explanation: z.array(MatchFactor),
});
export type MatchRunAssignment = z.infer<typeof MatchRunAssignment>;

/** A mentee the run left without a mentor. */
export const MatchRunUnmatched = z.object({
  /** The mentee. */
  person: PersonRef,
  /** NO_FEASIBLE_MENTOR | NO_CAPACITY | NOT_BENEFICIAL | INVALID_PROFILE */
  reason: z.string(),
  /** Which constraints excluded the mentors, when known. */
  detail: z.string().nullable(),
});
export type MatchRunUnmatched = z.infer<typeof MatchRunUnmatched>;

/** A matching run: its preview, published as is. */
export const MatchRun = z.object({
  /** Run id. */
  id: Id,
  /** Objective used. */
  mode: MentoringMatchMode,
  /** preview | published */
  status: z.enum(['preview', 'published']),
  /** Proposed pairs. */
  assignments: z.array(MatchRunAssignment),
  /** Mentees left without a mentor, with the reason. */
  unmatched: z.array(MatchRunUnmatched),
  /** Sum of the pair scores. */
  total: z.number(),
  /** Lowest pair score (null when nobody is matched). */
  worstOffScore: z.number().nullable(),
  /** When the run was made. */
  createdAt: z.string(),
  /** When it was published. */
  publishedAt: z.string().nullable(),
});
export type MatchRun = z.infer<typeof MatchRun>;

/** One of my mentoring relationships. */
export const MentoringMatch = z.object({
  /** Match id. */
  id: Id,
  /** My side of it. */
  role: z.enum(['mentor', 'mentee']),
  /** The mentor. */
  mentor: PersonRef,
  /** The mentee. */
  mentee: PersonRef,
  /** Compatibility 0–1000. */
  score: z.number(),
  /** Why this pair: top contributing factors. */
  explanation: z.array(MatchFactor),
  /** proposed | active | ended */
  status: z.enum(['proposed', 'active', 'ended']),
  /** program (a matching run) | request */
  source: z.enum(['program', 'request']),
  /** When it was made. */
  createdAt: z.string(),
});
export type MentoringMatch = z.infer<typeof MentoringMatch>;

/** My mentoring relationships, newest first. */
export const MentoringMatchList = z.object({
  /** The matches. */
  items: z.array(MentoringMatch),
});
export type MentoringMatchList = z.infer<typeof MentoringMatchList>;
