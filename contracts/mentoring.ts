import { z } from 'zod';
import { Id, text } from './common.ts';
import { PersonRef } from './people.ts';

/** Limits of mentoring profiles, shared by server validation and web forms. */
export const MENTORING_LIMITS = {
  skills: 20,
  topics: 20,
  goals: 20,
  capacity: 10,
  hoursPerWeek: 40,
  /** Open requests one mentee may have at once. */
  openRequestsPerMentee: 3,
  /** Suggestions shown to one mentee. */
  suggestionsPerMentee: 5,
  /** A mentor with c free seats is suggested to at most exposurePerSeat × c mentees at a time. */
  exposurePerSeat: 3,
  /** Edits in one PATCH of a matching run. */
  runEdits: 100,
  /** Characters of a request or response message. */
  message: 1000,
  /** Characters of a note, agenda, feedback or answer. */
  longText: 10000,
  /** Goals per relationship. */
  relationshipGoals: 30,
  /** Longest meeting in minutes. */
  meetingMinutes: 480,
  /** People an expert question is routed to per round. */
  expertsPerRound: 3,
  /** Routing rounds before the question is posted in a community. */
  expertRounds: 2,
} as const;

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
  /** Whether expert questions may be routed to me (false = marked unavailable). */
  expertAvailable: z.boolean(),
});
export type MentoringProfileResponse = z.infer<typeof MentoringProfileResponse>;

/** Replaces the signed-in person's profiles; null removes one, an omitted side stays as it is. */
export const UpdateMentoringProfileRequest = z
  .object({
    /** Mentor profile, or null to remove it. */
    mentor: MentorProfile.nullable().optional(),
    /** Mentee profile, or null to remove it. */
    mentee: MenteeProfile.nullable().optional(),
    /** Whether expert questions may be routed to me; omitted = unchanged. */
    expertAvailable: z.boolean().optional(),
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
  /** True when an admin placed this pair by editing the preview (score and explanation recomputed). */
  edited: z.boolean(),
});
export type MatchRunAssignment = z.infer<typeof MatchRunAssignment>;

/** A mentee the run left without a mentor. */
export const MatchRunUnmatched = z.object({
  /** The mentee. */
  person: PersonRef,
  /** NO_FEASIBLE_MENTOR | NO_CAPACITY | NOT_BENEFICIAL | INVALID_PROFILE | UNASSIGNED (an admin took the mentee out of the preview) */
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
  /** Who made the run (null when that person was removed). */
  createdBy: PersonRef.nullable(),
  /** What the caller may do with it. */
  abilities: z.object({
    /** The preview can still be edited (PATCH). */
    canEdit: z.boolean(),
    /** The preview can be published. */
    canPublish: z.boolean(),
  }),
});
export type MatchRun = z.infer<typeof MatchRun>;

/** One run in the list of runs. */
export const MatchRunSummary = z.object({
  /** Run id. */
  id: Id,
  /** Objective used. */
  mode: MentoringMatchMode,
  /** preview | published */
  status: z.enum(['preview', 'published']),
  /** Number of proposed pairs. */
  pairs: z.number().int(),
  /** Number of mentees left without a mentor. */
  unmatched: z.number().int(),
  /** Sum of the pair scores. */
  total: z.number(),
  /** Lowest pair score (null when nobody is matched). */
  worstOffScore: z.number().nullable(),
  /** Who made the run. */
  createdBy: PersonRef.nullable(),
  /** When the run was made. */
  createdAt: z.string(),
  /** When it was published. */
  publishedAt: z.string().nullable(),
});
export type MatchRunSummary = z.infer<typeof MatchRunSummary>;

/** The organization's matching runs, newest first (at most 50). */
export const MatchRunList = z.object({
  /** The runs. */
  items: z.array(MatchRunSummary),
});
export type MatchRunList = z.infer<typeof MatchRunList>;

/** One edit of a preview: give the mentee this mentor (move or assign), or none (unassign). */
export const MatchRunEdit = z
  .object({
    /** A mentee of the run (matched or unmatched). */
    menteeId: Id,
    /** The mentor to assign (must have a free seat, be allowed and share the minimum working hours), or null to unassign. */
    mentorId: Id.nullable(),
  })
  .strict();
export type MatchRunEdit = z.infer<typeof MatchRunEdit>;

/**
 * Edits a run's preview before publishing; applied in order, all or nothing. Unknown ids → 400 naming
 * `edits.<i>.menteeId` / `edits.<i>.mentorId`; a pair breaking capacity, a forbidden pair or the time-zone minimum →
 * 422 naming the item and the rule. Answer: the edited MatchRun.
 */
export const EditMatchRunRequest = z
  .object({
    /** The edits, applied in order. */
    edits: z.array(MatchRunEdit).min(1).max(MENTORING_LIMITS.runEdits),
  })
  .strict();
export type EditMatchRunRequest = z.infer<typeof EditMatchRunRequest>;

/** mentoring (a mentor and a mentee) | coaching (a coach and a coachee); same tools either way. */
export const RelationshipKind = z.enum(['mentoring', 'coaching']);
export type RelationshipKind = z.infer<typeof RelationshipKind>;

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
  /** mentoring | coaching */
  kind: RelationshipKind,
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

// ---------------------------------------------------------------------------------------------------------------
// Self-serve: suggestions and requests

/** A mentor suggested to the signed-in mentee. */
export const MentorSuggestion = z.object({
  /** The mentor. */
  mentor: PersonRef,
  /** Compatibility 0–1000 from the matching engine. */
  score: z.number(),
  /** Why: top contributing factors, best first. */
  explanation: z.array(MatchFactor),
  /** Seats the mentor has free now. */
  freeSeats: z.number().int(),
  /** Whether I already have an open request to this mentor. */
  requested: z.boolean(),
});
export type MentorSuggestion = z.infer<typeof MentorSuggestion>;

/**
 * `GET /api/mentoring/suggestions`: mentors for the signed-in mentee, best first, limited by capacity: a mentor with c
 * free seats is shown to at most exposurePerSeat × c mentees at a time, those for whom the pair scores best.
 */
export const MentorSuggestionList = z.object({
  /** Suggestions, best first (at most suggestionsPerMentee). */
  items: z.array(MentorSuggestion),
  /** False when I have no active mentee profile (then items is empty). */
  hasMenteeProfile: z.boolean(),
  /** My open requests now. */
  openRequests: z.number().int(),
  /** Most open requests allowed at once. */
  maxOpenRequests: z.number().int(),
});
export type MentorSuggestionList = z.infer<typeof MentorSuggestionList>;

/** `POST /api/mentoring/requests`: asks a mentor. 409 MENTOR_FULL when they have no free seat, 409 CONFLICT for a duplicate open request or more than 3 open. */
export const CreateMentorRequestRequest = z
  .object({
    /** The mentor asked. */
    mentorId: Id,
    /** A note to the mentor (plain text). */
    message: z.string().trim().max(MENTORING_LIMITS.message).default(''),
    /** mentoring (default) or coaching. */
    kind: RelationshipKind.default('mentoring'),
  })
  .strict();
export type CreateMentorRequestRequest = z.infer<typeof CreateMentorRequestRequest>;

/** `POST /api/mentoring/requests/:id/accept|decline`. */
export const RespondToMentorRequestRequest = z
  .object({
    /** An optional note back to the mentee (plain text). */
    message: z.string().trim().max(MENTORING_LIMITS.message).optional(),
  })
  .strict();
export type RespondToMentorRequestRequest = z.infer<typeof RespondToMentorRequestRequest>;

/** A mentee's request to a mentor. */
export const MentorRequest = z.object({
  /** Request id. */
  id: Id,
  /** My side: mentee (I asked) or mentor (I was asked). */
  role: z.enum(['mentor', 'mentee']),
  /** The mentor asked. */
  mentor: PersonRef,
  /** The mentee asking. */
  mentee: PersonRef,
  /** mentoring | coaching */
  kind: RelationshipKind,
  /** The mentee's note. */
  message: z.string(),
  /** open | accepted | declined | withdrawn */
  status: z.enum(['open', 'accepted', 'declined', 'withdrawn']),
  /** The mentor's note when answering. */
  responseMessage: z.string().nullable(),
  /** The relationship an accepted request created. */
  relationshipId: Id.nullable(),
  /** When it was sent. */
  createdAt: z.string(),
  /** When it was answered or withdrawn. */
  respondedAt: z.string().nullable(),
  /** What I may do. */
  abilities: z.object({
    /** Mentor, while open. */
    canAccept: z.boolean(),
    /** Mentor, while open. */
    canDecline: z.boolean(),
    /** Mentee, while open. */
    canWithdraw: z.boolean(),
  }),
});
export type MentorRequest = z.infer<typeof MentorRequest>;

/** `GET /api/mentoring/requests`: requests I sent and received, newest first. */
export const MentorRequestList = z.object({
  /** Requests I sent (as mentee). */
  sent: z.array(MentorRequest),
  /** Requests I received (as mentor). */
  received: z.array(MentorRequest),
});
export type MentorRequestList = z.infer<typeof MentorRequestList>;

// ---------------------------------------------------------------------------------------------------------------
// Relationships

/** open | in_progress | done | dropped */
export const GoalStatus = z.enum(['open', 'in_progress', 'done', 'dropped']);
export type GoalStatus = z.infer<typeof GoalStatus>;

/** An agreed goal of a relationship. */
export const RelationshipGoal = z.object({
  /** Goal id. */
  id: Id,
  /** What the pair agreed on. */
  title: z.string(),
  /** Progress 0–100. */
  progress: z.number().int(),
  /** Status. */
  status: GoalStatus,
  /** Last change (ISO). */
  updatedAt: z.string(),
});
export type RelationshipGoal = z.infer<typeof RelationshipGoal>;

/** `POST /api/mentoring/relationships/:id/goals`. */
export const CreateGoalRequest = z
  .object({
    /** What the pair agreed on. */
    title: text(200),
    /** Progress 0–100 (default 0). */
    progress: z.number().int().min(0).max(100).default(0),
    /** Status (default open). */
    status: GoalStatus.default('open'),
  })
  .strict();
export type CreateGoalRequest = z.infer<typeof CreateGoalRequest>;

/** `PATCH /api/mentoring/relationships/:id/goals/:goalId`: changes the given fields. */
export const UpdateGoalRequest = z
  .object({
    /** New title. */
    title: text(200).optional(),
    /** Progress 0–100. */
    progress: z.number().int().min(0).max(100).optional(),
    /** Status. */
    status: GoalStatus.optional(),
  })
  .strict();
export type UpdateGoalRequest = z.infer<typeof UpdateGoalRequest>;

/** A meeting of the pair. */
export const RelationshipMeeting = z.object({
  /** Meeting id. */
  id: Id,
  /** Start (ISO). */
  startsAt: z.string(),
  /** Length in minutes. */
  durationMinutes: z.number().int(),
  /** Agenda (plain text). */
  agenda: z.string(),
  /** Who booked it. */
  createdBy: PersonRef.nullable(),
  /** Download path of the calendar invite (.ics). */
  icsUrl: z.string(),
});
export type RelationshipMeeting = z.infer<typeof RelationshipMeeting>;

/** `POST /api/mentoring/relationships/:id/meetings`: logs a meeting; the invite is mailed to both unless emailInvite is false. */
export const CreateMeetingRequest = z
  .object({
    /** Start (ISO 8601 with offset). */
    startsAt: z.string().datetime({ offset: true }),
    /** Length in minutes. */
    durationMinutes: z.number().int().min(5).max(MENTORING_LIMITS.meetingMinutes),
    /** Agenda (plain text). */
    agenda: z.string().trim().max(MENTORING_LIMITS.longText).default(''),
    /** Mail the calendar invite to both partners (default true). */
    emailInvite: z.boolean().default(true),
  })
  .strict();
export type CreateMeetingRequest = z.infer<typeof CreateMeetingRequest>;

/** A pair-private note: only the two partners ever read it (everyone else gets 404). */
export const RelationshipNote = z.object({
  /** Note id. */
  id: Id,
  /** Who wrote it. */
  author: PersonRef.nullable(),
  /** Markdown source. */
  body: z.string(),
  /** Sanitized HTML. */
  html: z.string(),
  /** When (ISO). */
  createdAt: z.string(),
  /** Author only. */
  canDelete: z.boolean(),
});
export type RelationshipNote = z.infer<typeof RelationshipNote>;

/** `GET /api/mentoring/relationships/:id/notes` (partners only), oldest first. */
export const RelationshipNoteList = z.object({
  /** The notes. */
  items: z.array(RelationshipNote),
});
export type RelationshipNoteList = z.infer<typeof RelationshipNoteList>;

/** `POST /api/mentoring/relationships/:id/notes`. */
export const CreateNoteRequest = z
  .object({
    /** Markdown. */
    body: text(MENTORING_LIMITS.longText),
  })
  .strict();
export type CreateNoteRequest = z.infer<typeof CreateNoteRequest>;

/** `POST /api/mentoring/relationships/:id/check-ins`: how is it going. */
export const CreateCheckInRequest = z
  .object({
    /** 1 (badly) … 5 (very well). */
    rating: z.number().int().min(1).max(5),
    /** Private text: only its author ever reads it. */
    text: z.string().trim().max(MENTORING_LIMITS.longText).optional(),
  })
  .strict();
export type CreateCheckInRequest = z.infer<typeof CreateCheckInRequest>;

/** One of my own check-ins, with my private text. */
export const CheckIn = z.object({
  /** Check-in id. */
  id: Id,
  /** 1–5. */
  rating: z.number().int(),
  /** My private text. */
  text: z.string().nullable(),
  /** When (ISO). */
  createdAt: z.string(),
});
export type CheckIn = z.infer<typeof CheckIn>;

/** `GET /api/mentoring/relationships/:id/check-ins` (partners only): my own check-ins, newest first. */
export const CheckInList = z.object({
  /** My check-ins. */
  items: z.array(CheckIn),
});
export type CheckInList = z.infer<typeof CheckInList>;

/** A rating without text: what the trend shows everyone who may see the relationship. */
export const RatingPoint = z.object({
  /** mentor | mentee: whose rating. */
  by: z.enum(['mentor', 'mentee']),
  /** 1–5. */
  rating: z.number().int(),
  /** When (ISO). */
  at: z.string(),
});
export type RatingPoint = z.infer<typeof RatingPoint>;

/** `POST /api/mentoring/relationships/:id/close`: the first close ends the relationship; the other partner is asked and answers the same way. */
export const CloseRelationshipRequest = z
  .object({
    /** 1 (poor) … 5 (excellent). */
    rating: z.number().int().min(1).max(5),
    /** Feedback for the partner (plain text). */
    text: z.string().trim().max(MENTORING_LIMITS.longText).default(''),
  })
  .strict();
export type CloseRelationshipRequest = z.infer<typeof CloseRelationshipRequest>;

/** One partner's closing feedback; text is null for program admins (they see ratings only). */
export const ClosingFeedback = z.object({
  /** mentor | mentee */
  by: z.enum(['mentor', 'mentee']),
  /** 1–5. */
  rating: z.number().int(),
  /** The feedback text (partners only; null for admins). */
  text: z.string().nullable(),
  /** When (ISO). */
  at: z.string(),
});
export type ClosingFeedback = z.infer<typeof ClosingFeedback>;

/** A relationship in a list. */
export const RelationshipSummary = z.object({
  /** Relationship id. */
  id: Id,
  /** mentoring | coaching */
  kind: RelationshipKind,
  /** My side; admin when I see it as a program admin/facilitator. */
  role: z.enum(['mentor', 'mentee', 'admin']),
  /** The mentor or coach. */
  mentor: PersonRef,
  /** The mentee or coachee. */
  mentee: PersonRef,
  /** active | ended */
  status: z.enum(['proposed', 'active', 'ended']),
  /** program | request */
  source: z.enum(['program', 'request']),
  /** Compatibility 0–1000. */
  score: z.number(),
  /** Why this pair: top factors (visible to both partners and program admins). */
  explanation: z.array(MatchFactor),
  /** Average goal progress 0–100 (null without goals). */
  goalProgress: z.number().int().nullable(),
  /** When it started (ISO). */
  createdAt: z.string(),
  /** When it was closed (ISO). */
  endedAt: z.string().nullable(),
});
export type RelationshipSummary = z.infer<typeof RelationshipSummary>;

/** `GET /api/mentoring/relationships?scope=mine|program`: mine (default), or all of the organization for admins/facilitators. */
export const FindRelationshipsQuery = z
  .object({
    /** mine | program */
    scope: z.enum(['mine', 'program']).default('mine'),
  })
  .strict();
export type FindRelationshipsQuery = z.infer<typeof FindRelationshipsQuery>;

/** A list of relationships, newest first. */
export const RelationshipList = z.object({
  /** The relationships. */
  items: z.array(RelationshipSummary),
});
export type RelationshipList = z.infer<typeof RelationshipList>;

/** `GET /api/mentoring/relationships/:id`: partners see everything but notes (own route); admins see goals, meeting count, rating trend and closing ratings. */
export const RelationshipDetail = RelationshipSummary.extend({
  /** Agreed goals. */
  goals: z.array(RelationshipGoal),
  /** Meetings, soonest first (empty for admins). */
  meetings: z.array(RelationshipMeeting),
  /** Number of meetings logged. */
  meetingCount: z.number().int(),
  /** Check-in ratings over time, oldest first (never the text). */
  ratingTrend: z.array(RatingPoint),
  /** Closing feedback given so far. */
  closing: z.array(ClosingFeedback),
  /** What I may do. */
  abilities: z.object({
    /** Partner and active: goals, meetings, check-ins. */
    canEdit: z.boolean(),
    /** Partner: read and write notes. */
    canSeeNotes: z.boolean(),
    /** Partner who has not given closing feedback yet. */
    canClose: z.boolean(),
    /** The other partner closed and my feedback is still asked for. */
    closingAsked: z.boolean(),
  }),
});
export type RelationshipDetail = z.infer<typeof RelationshipDetail>;

// ---------------------------------------------------------------------------------------------------------------
// Ask an expert

/** `POST /api/mentoring/expert-questions`: routed to up to 3 proven helpers with the skill. 400 naming `skill` when no one in the organization has that skill. */
export const CreateExpertQuestionRequest = z
  .object({
    /** A skill name known in the organization (case-insensitive). */
    skill: text(60),
    /** The question (plain text). */
    question: text(MENTORING_LIMITS.longText),
  })
  .strict();
export type CreateExpertQuestionRequest = z.infer<typeof CreateExpertQuestionRequest>;

/** routed → seen → answered | declined; expired when the window passed without an answer. */
export const ExpertRouteStatus = z.enum(['routed', 'seen', 'answered', 'declined', 'expired']);
export type ExpertRouteStatus = z.infer<typeof ExpertRouteStatus>;

/** One person a question was routed to. */
export const ExpertRoute = z.object({
  /** The expert. */
  person: PersonRef,
  /** 1 = first round, 2 = fallback round. */
  round: z.number().int(),
  /** Where it stands. */
  status: ExpertRouteStatus,
  /** Their answer (when answered). */
  answer: z.string().nullable(),
  /** Why they were picked, e.g. "4 accepted answers, mentored 1, level 5". */
  why: z.string(),
  /** When it was routed (ISO). */
  routedAt: z.string(),
  /** When they answered or declined (ISO). */
  respondedAt: z.string().nullable(),
});
export type ExpertRoute = z.infer<typeof ExpertRoute>;

/** An expert question. */
export const ExpertQuestion = z.object({
  /** Question id. */
  id: Id,
  /** asker | expert: my side. */
  role: z.enum(['asker', 'expert']),
  /** Who asked. */
  asker: PersonRef,
  /** The skill, as the organization spells it. */
  skill: z.string(),
  /** The question. */
  question: z.string(),
  /** open (waiting for experts) | answered | posted (to a community as a Q&A question) | unanswered (nobody found). */
  status: z.enum(['open', 'answered', 'posted', 'unanswered']),
  /** Current routing round. */
  round: z.number().int(),
  /** When the current round falls back if nobody answers (ISO). */
  windowEndsAt: z.string().nullable(),
  /** The Q&A thread it was posted as (status posted). */
  threadUrl: z.string().nullable(),
  /** Routes: all for the asker; only my own for an expert. */
  routes: z.array(ExpertRoute),
  /** When asked (ISO). */
  createdAt: z.string(),
  /** What I may do. */
  abilities: z.object({
    /** Expert whose route is routed/seen. */
    canAnswer: z.boolean(),
    /** Same. */
    canDecline: z.boolean(),
  }),
});
export type ExpertQuestion = z.infer<typeof ExpertQuestion>;

/** `GET /api/mentoring/expert-questions`: questions I asked and questions routed to me, newest first. */
export const ExpertQuestionList = z.object({
  /** Asked by me. */
  asked: z.array(ExpertQuestion),
  /** Routed to me. */
  routedToMe: z.array(ExpertQuestion),
});
export type ExpertQuestionList = z.infer<typeof ExpertQuestionList>;

/** `POST /api/mentoring/expert-questions/:id/answer`. */
export const AnswerExpertQuestionRequest = z
  .object({
    /** The answer (plain text). */
    answer: text(MENTORING_LIMITS.longText),
  })
  .strict();
export type AnswerExpertQuestionRequest = z.infer<typeof AnswerExpertQuestionRequest>;
