// Live sessions (issue 5): an agenda of segments run by facilitators; groups and learning partners formed by the
// grouping engine; group and pair chat and notes that only members read; polls, broadcasts, opt-in debriefs and
// talk-time analytics (counts only).
// Refinements of the shared design (routes, channels and semantics unchanged):
// - `POST /:id/advance {fromSegmentId}`: `fromSegmentId` is null when advancing from the main room (no current segment).
// - `POST /:id/join` answers the participant's `LiveState`; `POST /:id/leave` answers 204.
// - Run actions (start/advance/extend/broadcast/recall/end) answer the `LiveState` of the facilitator.
// - `PATCH /:id` edits title, description, start time and capacity until the end (not in the design; small extra).
// - A third channel, `live-console:<id>` (facilitators only), carries what only the console needs: joins and leaves
//   (`session`), late placements and group activity (`groups`, at most every 2 s) and each vote (`poll`). On `live:<id>`
//   joins and leaves are not announced (500 arrivals would make 500 screens refetch 500 times) and `poll` is sent at
//   most every 2 s per poll; participant screens refetch /state on every `changed` there.
// - Late joiners (issue 13): members read a group's chat from when they joined; a pair never takes a late joiner (they
//   wait, `LiveState.waiting`, until another arrives or a facilitator uses `POST /:id/placements`); a fourth channel,
//   `live-waiting:<id>`, wakes waiting screens on a placement.
import { z } from 'zod';
import { Id, text } from './common.ts';

/** Limits of live sessions, shared by server validation and web forms. */
export const LIVE_LIMITS = {
  title: 120,
  description: 2000,
  segmentTitle: 120,
  prompt: 1000,
  segments: 30,
  message: 2000,
  notes: 10_000,
  broadcast: 500,
  pollOptions: { min: 2, max: 8 },
  pollOption: 120,
  pollQuestion: 300,
  words: 3,
  wordLength: 30,
  extendMinutes: { min: 1, max: 30 },
  durationMinutes: { min: 1, max: 240 },
  capacity: 10_000,
  messagesPage: 200,
} as const;

/** scheduled → live → ended. */
export const LiveSessionStatus = z.enum(['scheduled', 'live', 'ended']);
export type LiveSessionStatus = z.infer<typeof LiveSessionStatus>;

/** What a segment is: plenary (everyone), icebreaker/groups (small groups), poll, chat (plenary chat), pairs (learning partners), reflection (alone), debrief (opt-in sharing of group notes). */
export const SegmentKind = z.enum(['plenary', 'icebreaker', 'poll', 'chat', 'groups', 'pairs', 'reflection', 'debrief']);
export type SegmentKind = z.infer<typeof SegmentKind>;

/** pending (future) → active (now) → done. */
export const SegmentStatus = z.enum(['pending', 'active', 'done']);
export type SegmentStatus = z.infer<typeof SegmentStatus>;

/** Poll types: one choice, several choices, a 1..scale rating, or up to 3 words. */
export const PollType = z.enum(['single', 'multiple', 'rating', 'wordcloud']);
export type PollType = z.infer<typeof PollType>;

/** Agenda templates: the recommended graduated sequence, or a single plenary to build from. */
export const AgendaTemplate = z.enum(['graduated', 'blank']);
export type AgendaTemplate = z.infer<typeof AgendaTemplate>;

/** Segment kinds that form groups (kind `group`) or pairs (kind `pair`) when they start. */
export const GROUP_SEGMENT_KINDS = ['icebreaker', 'groups', 'pairs'] as const;

/** Per-kind settings of a segment; which fields apply depends on the kind (checked by the server). */
export const SegmentConfig = z
  .object({
    /** plenary: an external meeting link (https) instead of the built-in room. */
    meetingUrl: z.string().url().max(500).refine((u) => u.startsWith('https://'), 'Use an https:// link').optional(),
    /** icebreaker/groups: people per group (3 or 4). */
    groupSize: z.union([z.literal(3), z.literal(4)]).optional(),
    /** poll: the question. */
    question: z.string().trim().min(1).max(LIVE_LIMITS.pollQuestion).optional(),
    /** poll: the type. */
    type: PollType.optional(),
    /** poll (single/multiple): 2..8 options. */
    options: z.array(z.string().trim().min(1).max(LIVE_LIMITS.pollOption)).max(LIVE_LIMITS.pollOptions.max).optional(),
    /** poll (rating): the top of the scale (default 5). */
    scale: z.number().int().min(2).max(10).optional(),
  })
  .strict();
export type SegmentConfig = z.infer<typeof SegmentConfig>;

/** One segment as the facilitator writes it in the agenda editor. */
export const SegmentInput = z
  .object({
    /** Id of an existing segment to keep (omit for a new one). */
    id: Id.optional(),
    /** What happens. */
    kind: SegmentKind,
    /** Short title shown to everyone. */
    title: text(LIVE_LIMITS.segmentTitle),
    /** Prompt or instructions, plain text. */
    prompt: z.string().trim().max(LIVE_LIMITS.prompt).default(''),
    /** Planned length; the timer runs from the segment's start. */
    durationMinutes: z.number().int().min(LIVE_LIMITS.durationMinutes.min).max(LIVE_LIMITS.durationMinutes.max),
    /** Per-kind settings. */
    config: SegmentConfig.default({}),
  })
  .strict()
  .superRefine((s, ctx) => {
    const c = s.config;
    const bad = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: ['config', path], message });
    if (c.meetingUrl !== undefined && s.kind !== 'plenary') bad('meetingUrl', 'Only a plenary has a meeting link');
    if (c.groupSize !== undefined && s.kind !== 'icebreaker' && s.kind !== 'groups') bad('groupSize', 'Only icebreakers and group discussions have a group size');
    if (s.kind !== 'poll') {
      for (const k of ['question', 'type', 'options', 'scale'] as const) if (c[k] !== undefined) bad(k, 'Only a poll has this');
      return;
    }
    if (!c.question) bad('question', 'A poll needs a question');
    if (!c.type) bad('type', 'A poll needs a type');
    if (c.type === 'single' || c.type === 'multiple') {
      const n = c.options?.length ?? 0;
      if (n < LIVE_LIMITS.pollOptions.min) bad('options', `Give ${LIVE_LIMITS.pollOptions.min} to ${LIVE_LIMITS.pollOptions.max} options`);
    } else if (c.options?.length) bad('options', 'Only choice polls have options');
    if (c.scale !== undefined && c.type !== 'rating') bad('scale', 'Only rating polls have a scale');
  });
export type SegmentInput = z.input<typeof SegmentInput>;

/** One segment of a session's agenda. */
export const Segment = z.object({
  /** Segment id. */
  id: Id,
  /** Order in the agenda, from 0. */
  position: z.number().int(),
  /** What happens. */
  kind: SegmentKind,
  /** Title. */
  title: z.string(),
  /** Prompt, plain text. */
  prompt: z.string(),
  /** Planned minutes. */
  durationMinutes: z.number().int(),
  /** Per-kind settings. */
  config: SegmentConfig,
  /** pending, active or done. */
  status: SegmentStatus,
  /** When it started and ended (null until then). */
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
});
export type Segment = z.infer<typeof Segment>;

/** A facilitator or member as shown in live sessions. */
export const LivePerson = z.object({
  /** Person id. */
  id: Id,
  /** Display name. */
  name: z.string(),
  /** Department, or null. */
  department: z.string().nullable(),
});
export type LivePerson = z.infer<typeof LivePerson>;

/** What the viewer may do with a session. */
export const LiveSessionAbilities = z.object({
  /** Run it: start, advance, extend, broadcast, recall, end; see the group overview, analytics and export. */
  facilitate: z.boolean(),
  /** Join it as a participant now (in the audience, not ended, not a facilitator). */
  join: z.boolean(),
  /** Edit the agenda and details (facilitators, while not ended). */
  edit: z.boolean(),
});
export type LiveSessionAbilities = z.infer<typeof LiveSessionAbilities>;

/** A session in lists. */
export const LiveSessionSummary = z.object({
  /** Session id. */
  id: Id,
  /** Title. */
  title: z.string(),
  /** Description, plain text. */
  description: z.string(),
  /** scheduled, live or ended. */
  status: LiveSessionStatus,
  /** Planned start, ISO 8601. */
  startsAt: z.string(),
  /** Most present participants, or null when unlimited (facilitators never count). */
  capacity: z.number().int().nullable(),
  /** The program it belongs to (audience: enrollees and program facilitators), or null. */
  program: z.object({ id: Id, title: z.string() }).nullable(),
  /** The community it belongs to (audience: readers), or null. */
  community: z.object({ id: Id, name: z.string(), slug: z.string() }).nullable(),
  /** Facilitators (creator, named ones, and the program's). */
  facilitators: z.array(LivePerson),
  /** Participants present now. */
  presentCount: z.number().int(),
  /** The viewer as a participant: present, left, or null when never joined. */
  myParticipation: z.enum(['present', 'left']).nullable(),
  /** What the viewer may do. */
  abilities: LiveSessionAbilities,
});
export type LiveSessionSummary = z.infer<typeof LiveSessionSummary>;

/** `GET /api/live-sessions/:id`: a session with its agenda and run state. */
export const LiveSession = LiveSessionSummary.extend({
  /** The agenda in order. */
  segments: z.array(Segment),
  /** The active segment, or null (before start, in the main room between segments, after the end). */
  currentSegmentId: Id.nullable(),
  /** When the active segment's timer runs out, or null. */
  segmentEndsAt: z.string().nullable(),
  /** Run times. */
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  /** Bumped on every run-state change. */
  version: z.number().int(),
});
export type LiveSession = z.infer<typeof LiveSession>;

/** `GET /api/live-sessions` query. */
export const FindLiveSessionsQuery = z.object({
  /** Only this program's sessions. */
  programId: Id.optional(),
  /** Only this community's sessions. */
  communityId: Id.optional(),
  /** Only sessions in this state; default: all. */
  status: LiveSessionStatus.optional(),
});
export type FindLiveSessionsQuery = z.infer<typeof FindLiveSessionsQuery>;

/** `GET /api/live-sessions` answer: visible sessions, live first, then upcoming by start, then ended (newest 50). */
export const LiveSessionList = z.object({
  /** The sessions. */
  items: z.array(LiveSessionSummary),
});
export type LiveSessionList = z.infer<typeof LiveSessionList>;

/** Body of `POST /api/live-sessions`. */
export const CreateLiveSessionRequest = z
  .object({
    /** Title. */
    title: text(LIVE_LIMITS.title),
    /** Description, plain text. */
    description: z.string().trim().max(LIVE_LIMITS.description).default(''),
    /** Planned start, ISO 8601 with offset. */
    startsAt: z.string().datetime({ offset: true }),
    /** A program's session (creator must facilitate the program or be an org admin). */
    programId: Id.nullable().default(null),
    /** A community's session (creator must own/moderate it or be an org admin). */
    communityId: Id.nullable().default(null),
    /** Seats for participants; omit for unlimited. */
    capacity: z.number().int().min(1).max(LIVE_LIMITS.capacity).nullable().default(null),
    /** Start from the graduated sequence or a single plenary. */
    template: AgendaTemplate.default('graduated'),
    /** Co-facilitators besides the creator. */
    facilitatorIds: z.array(Id).max(10).default([]),
  })
  .strict()
  .refine((b) => !(b.programId && b.communityId), { message: 'Choose a program or a community, not both', path: ['communityId'] });
export type CreateLiveSessionRequest = z.input<typeof CreateLiveSessionRequest>;

/** Body of `PATCH /api/live-sessions/:id` (facilitators, until the session ends). */
export const UpdateLiveSessionRequest = z
  .object({
    /** Title. */
    title: text(LIVE_LIMITS.title).optional(),
    /** Description. */
    description: z.string().trim().max(LIVE_LIMITS.description).optional(),
    /** Planned start. */
    startsAt: z.string().datetime({ offset: true }).optional(),
    /** Seats, null for unlimited. */
    capacity: z.number().int().min(1).max(LIVE_LIMITS.capacity).nullable().optional(),
  })
  .strict();
export type UpdateLiveSessionRequest = z.infer<typeof UpdateLiveSessionRequest>;

/** Body of `PUT /api/live-sessions/:id/segments`: the whole agenda in order. While live, done and active segments must be listed unchanged at the start. */
export const UpdateAgendaRequest = z
  .object({
    /** Segments in order. */
    segments: z.array(SegmentInput).min(1).max(LIVE_LIMITS.segments),
  })
  .strict();
export type UpdateAgendaRequest = z.input<typeof UpdateAgendaRequest>;

/** Answer of `PUT /api/live-sessions/:id/segments`. */
export const Agenda = z.object({
  /** Segments in order. */
  segments: z.array(Segment),
  /** Session version after the change. */
  version: z.number().int(),
});
export type Agenda = z.infer<typeof Agenda>;
