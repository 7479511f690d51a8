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

/** Body of `POST /:id/advance`: the segment the facilitator saw as current (null = main room); another → 409 STALE_STATE. */
export const AdvanceRequest = z.object({
  /** The current segment as the facilitator saw it, or null when in the main room. */
  fromSegmentId: Id.nullable(),
}).strict();
export type AdvanceRequest = z.infer<typeof AdvanceRequest>;

/** Body of `POST /:id/extend`. */
export const ExtendRequest = z.object({
  /** Minutes to add to the active segment's timer. */
  minutes: z.number().int().min(LIVE_LIMITS.extendMinutes.min).max(LIVE_LIMITS.extendMinutes.max),
}).strict();
export type ExtendRequest = z.infer<typeof ExtendRequest>;

/** Body of `POST /:id/broadcast`. */
export const BroadcastRequest = z.object({
  /** Text shown to everyone as a banner, plain text. */
  text: text(LIVE_LIMITS.broadcast),
}).strict();
export type BroadcastRequest = z.infer<typeof BroadcastRequest>;

/** A facilitator's broadcast. */
export const Broadcast = z.object({
  /** Broadcast id. */
  id: Id,
  /** Plain text. */
  text: z.string(),
  /** Who sent it. */
  author: LivePerson,
  /** When. */
  createdAt: z.string(),
});
export type Broadcast = z.infer<typeof Broadcast>;

/** Counted results of a poll; votes are anonymous. */
export const PollResults = z.object({
  /** Poll segment. */
  segmentId: Id,
  /** Poll type. */
  type: PollType,
  /** People who voted. */
  voters: z.number().int(),
  /** single/multiple: votes per option, in option order. */
  options: z.array(z.object({ label: z.string(), count: z.number().int() })),
  /** rating: votes per value 1..scale. */
  histogram: z.array(z.object({ value: z.number().int(), count: z.number().int() })),
  /** rating: mean, or null without votes. */
  mean: z.number().nullable(),
  /** wordcloud: words (lower-cased) by count, most frequent first (top 100). */
  words: z.array(z.object({ word: z.string(), count: z.number().int() })),
});
export type PollResults = z.infer<typeof PollResults>;

/** The viewer's vote. */
export const PollVote = z.object({
  /** Chosen option indexes (single/multiple). */
  choices: z.array(z.number().int()).optional(),
  /** Rating 1..scale. */
  rating: z.number().int().optional(),
  /** Up to 3 words. */
  words: z.array(z.string()).optional(),
});
export type PollVote = z.infer<typeof PollVote>;

/** Body of `POST /:id/segments/:segmentId/votes` (give the field of the poll's type). */
export const VoteRequest = z
  .object({
    /** single: one option index; multiple: one or more distinct indexes. */
    choices: z.array(z.number().int().min(0).max(LIVE_LIMITS.pollOptions.max - 1)).min(1).max(LIVE_LIMITS.pollOptions.max).optional(),
    /** rating: 1..scale. */
    rating: z.number().int().min(1).max(10).optional(),
    /** wordcloud: 1..3 words of at most 30 characters. */
    words: z.array(z.string().trim().min(1).max(LIVE_LIMITS.wordLength)).min(1).max(LIVE_LIMITS.words).optional(),
  })
  .strict();
export type VoteRequest = z.infer<typeof VoteRequest>;

/** A poll as the viewer sees it. */
export const PollView = z.object({
  /** Poll segment. */
  segmentId: Id,
  /** Question. */
  question: z.string(),
  /** Type. */
  type: PollType,
  /** Options (single/multiple), else empty. */
  options: z.array(z.string()),
  /** Top of the rating scale (rating), else null. */
  scale: z.number().int().nullable(),
  /** Whether the poll takes votes now (its segment is active). */
  open: z.boolean(),
  /** The viewer's vote, or null. */
  myVote: PollVote.nullable(),
  /** Results: for facilitators always; for participants after voting or once closed; else null. */
  results: PollResults.nullable(),
});
export type PollView = z.infer<typeof PollView>;

/** The viewer's group or partner in the current (or most recent) group segment. */
export const MyGroup = z.object({
  /** Group id (channel `live-group:<id>`). */
  id: Id,
  /** group (3–4) or pair (learning partners; a trio when odd). */
  kind: z.enum(['group', 'pair']),
  /** Segment that formed it. */
  segmentId: Id,
  /** Whether that segment is active (chat, notes and calls are open). */
  active: z.boolean(),
  /** Everyone in it, the viewer included. */
  members: z.array(LivePerson),
  /** When the viewer became a member: they read the chat from then on, never what was written before. */
  memberSince: z.string(),
  /** True when the viewer joined after the group was formed (a late joiner or a facilitator's placement). */
  joinedLate: z.boolean(),
  /** Whether the viewer reads the shared notes: false when the group started them before the viewer joined (they stay with the people who wrote them). */
  notesVisible: z.boolean(),
  /** The segment's prompt. */
  prompt: z.string(),
  /** Pairs: whether the viewer chose to keep the pair's chat and notes after the session, and whether all partners did. */
  keep: z.object({ mine: z.boolean(), all: z.boolean() }).nullable(),
  /** Groups during a debrief: consent of the viewer, how many consented, and whether the notes are shared. */
  debrief: z.object({ mine: z.boolean().nullable(), consented: z.number().int(), members: z.number().int(), shared: z.boolean() }).nullable(),
});
export type MyGroup = z.infer<typeof MyGroup>;

/** A facilitator's view of one group: never content. */
export const GroupOverview = z.object({
  /** Group id. */
  id: Id,
  /** group or pair. */
  kind: z.enum(['group', 'pair']),
  /** Members present in it. */
  memberCount: z.number().int(),
  /** Members' names. */
  members: z.array(z.object({ id: Id, name: z.string() })),
  /** Chat messages posted in it (a count). */
  messageCount: z.number().int(),
  /** Time of the last message or notes edit, or null. */
  lastActivityAt: z.string().nullable(),
});
export type GroupOverview = z.infer<typeof GroupOverview>;

/** The current segment with its timer. */
export const CurrentSegment = Segment.extend({
  /** When the timer runs out (may be past: facilitators advance by hand). */
  timerEndsAt: z.string().nullable(),
});
export type CurrentSegment = z.infer<typeof CurrentSegment>;

/** `GET /:id/state`: everything a participant or facilitator screen shows; refetch on `changed`. */
export const LiveState = z.object({
  /** The session with agenda and abilities. */
  session: LiveSession,
  /** The viewer's role: facilitator, participant (joined), or audience (may join, not joined or left). */
  role: z.enum(['facilitator', 'participant', 'audience']),
  /** Whether the viewer is present as a participant. */
  present: z.boolean(),
  /** The active segment, or null in the main room. */
  segment: CurrentSegment.nullable(),
  /** The viewer's group or partner (participants), or null. */
  myGroup: MyGroup.nullable(),
  /** The viewer is present in a running breakout without a group: a late joiner waiting for a partner or for the facilitator to place them. */
  waiting: z.boolean(),
  /** Facilitators only, during a breakout: people present without a group (waiting), the longest waiting first; else null. */
  waitingPeople: z.array(LivePerson).nullable(),
  /** The poll of the active poll segment, or null. */
  poll: PollView.nullable(),
  /** The last 5 broadcasts, newest first. */
  broadcasts: z.array(Broadcast),
  /** Facilitators only: the groups of the current (or most recent) group segment, without content; else null. */
  groups: z.array(GroupOverview).nullable(),
  /** Session version (same as session.version). */
  version: z.number().int(),
});
export type LiveState = z.infer<typeof LiveState>;

/**
 * Body of `POST /:id/placements` (facilitators, during a breakout): places a waiting person into a group or pair of
 * the running segment; a pair becomes a trio at most (only by this explicit choice), a group five at most. The placed
 * person reads the group's chat from then on, never what was written before, nor notes started before. Someone who is
 * not waiting, a full group or a group of an ended segment → 409 PLACEMENT_REFUSED. (Two people never wait at once:
 * an arrival is paired with whoever waits.)
 */
export const PlaceParticipantRequest = z
  .object({
    /** The waiting person. */
    personId: Id,
    /** A group or pair of the running segment to add them to. */
    groupId: Id,
  })
  .strict();
export type PlaceParticipantRequest = z.infer<typeof PlaceParticipantRequest>;

/** A STUN or TURN server for breakout calls, as the browser's RTCIceServer. */
export const IceServer = z
  .object({
    urls: z.union([z.string().regex(/^(stun|stuns|turn|turns):/i, 'must start with stun:, stuns:, turn: or turns:'), z.array(z.string().regex(/^(stun|stuns|turn|turns):/i, 'must start with stun:, stuns:, turn: or turns:')).min(1)]),
    username: z.string().optional(),
    credential: z.string().optional(),
  })
  .strict();
export type IceServer = z.infer<typeof IceServer>;

/** `GET /api/live-sessions/ice-servers`: the STUN/TURN servers breakout calls use (empty = same network only). */
export const IceServers = z.object({ iceServers: z.array(IceServer) });
export type IceServers = z.infer<typeof IceServers>;

/** A chat message (plain text; render escaped). */
export const LiveMessage = z.object({
  /** Message id; stable, used as `after` cursor. */
  id: Id,
  /** Segment it was posted in. */
  segmentId: Id.nullable(),
  /** Group or pair, or null for plenary chat. */
  groupId: Id.nullable(),
  /** Author. */
  author: LivePerson,
  /** Text. */
  body: z.string(),
  /** The client's id for this message (retries return the same message). */
  clientId: Id,
  /** When. */
  createdAt: z.string(),
});
export type LiveMessage = z.infer<typeof LiveMessage>;

/** `GET /:id/messages` query. */
export const LiveMessagesQuery = z.object({
  /** A group or pair the viewer is in; omit for plenary chat. */
  groupId: Id.optional(),
  /** Only messages after this one (reconnect catch-up); omit for the latest. */
  after: Id.optional(),
  /** At most this many (oldest first after `after`, else the newest). */
  limit: z.coerce.number().int().min(1).max(LIVE_LIMITS.messagesPage).default(100),
});
export type LiveMessagesQuery = z.infer<typeof LiveMessagesQuery>;

/** `GET /:id/messages` answer: oldest first. */
export const LiveMessageList = z.object({
  /** Messages, oldest first. */
  items: z.array(LiveMessage),
});
export type LiveMessageList = z.infer<typeof LiveMessageList>;

/** Body of `POST /:id/messages`. */
export const PostLiveMessageRequest = z
  .object({
    /** A group or pair the poster is in; omit for plenary chat (chat/plenary segments). */
    groupId: Id.nullable().optional(),
    /** Plain text. */
    body: text(LIVE_LIMITS.message),
    /** A uuid the client makes per message; a retry with the same one returns the first message. */
    clientId: Id,
  })
  .strict();
export type PostLiveMessageRequest = z.infer<typeof PostLiveMessageRequest>;

/** A group's (or pair's) shared notes. */
export const GroupNotes = z.object({
  /** Group id. */
  groupId: Id,
  /** Plain text. */
  body: z.string(),
  /** Version to send back with an edit (0 before the first edit). */
  version: z.number().int(),
  /** Last editor, or null. */
  updatedBy: LivePerson.nullable(),
  /** Last edit, or null. */
  updatedAt: z.string().nullable(),
});
export type GroupNotes = z.infer<typeof GroupNotes>;

/** Body of `PUT /:id/groups/:groupId/notes`; a stale version → 409 NOTES_CONFLICT. */
export const PutGroupNotesRequest = z
  .object({
    /** Plain text. */
    body: z.string().max(LIVE_LIMITS.notes),
    /** The version the edit is based on. */
    version: z.number().int().min(0),
  })
  .strict();
export type PutGroupNotesRequest = z.infer<typeof PutGroupNotesRequest>;

/** Body of `PUT /:id/groups/:groupId/debrief-consent` (groups only; a pair → 409 PAIR_PRIVATE). */
export const DebriefConsentRequest = z.object({
  /** Share the group's notes with the session (only when every member agrees). */
  share: z.boolean(),
}).strict();
export type DebriefConsentRequest = z.infer<typeof DebriefConsentRequest>;

/** A group's debrief consent. */
export const DebriefConsent = z.object({
  /** Group id. */
  groupId: Id,
  /** The viewer's choice. */
  mine: z.boolean(),
  /** Members who agreed. */
  consented: z.number().int(),
  /** Members. */
  members: z.number().int(),
  /** True when every member agreed: the notes are visible to the session. */
  shared: z.boolean(),
});
export type DebriefConsent = z.infer<typeof DebriefConsent>;

/** `GET /:id/debriefs`: notes of groups whose every member agreed to share. */
export const DebriefList = z.object({
  /** Shared group notes. */
  items: z.array(z.object({ groupId: Id, segmentTitle: z.string(), members: z.array(LivePerson), notes: z.string(), updatedAt: z.string().nullable() })),
});
export type DebriefList = z.infer<typeof DebriefList>;

/** Body of `PUT /:id/groups/:groupId/keep` (pairs only): keep the pair's chat and notes after the session. */
export const KeepPairRequest = z.object({
  /** Keep (true) or let them be deleted at the end (false, the default). */
  keep: z.boolean(),
}).strict();
export type KeepPairRequest = z.infer<typeof KeepPairRequest>;

/** A pair's keep choice. */
export const KeepPair = z.object({
  /** Pair id. */
  groupId: Id,
  /** The viewer's choice. */
  mine: z.boolean(),
  /** True when every partner chose to keep. */
  all: z.boolean(),
});
export type KeepPair = z.infer<typeof KeepPair>;

/** Talk-time and participation figures of one person (counts and minutes, never content). */
export const TalkTimeFigures = z.object({
  /** Minutes present during plenary-like segments (plenary, poll, chat, reflection, debrief); time in the main room between segments is not counted. */
  plenaryMinutes: z.number(),
  /** Minutes present in a small group (icebreaker, groups). */
  groupMinutes: z.number(),
  /** Minutes present with a learning partner. */
  pairMinutes: z.number(),
  /** Chat messages posted (plenary, group and pair; a count). */
  chatMessages: z.number().int(),
  /** Polls voted in. */
  pollVotes: z.number().int(),
  /** People first met in a group or pair of this session (not met in earlier live groups). */
  newPeopleMet: z.number().int(),
});
export type TalkTimeFigures = z.infer<typeof TalkTimeFigures>;

/** One participant's row in session analytics. */
export const AnalyticsRow = TalkTimeFigures.extend({
  /** Person id. */
  personId: Id,
  /** Display name. */
  name: z.string(),
});
export type AnalyticsRow = z.infer<typeof AnalyticsRow>;

/** `GET /:id/analytics` (facilitators). */
export const SessionAnalytics = z.object({
  /** Session id. */
  sessionId: Id,
  /** One row per participant who ever joined, by name. */
  rows: z.array(AnalyticsRow),
  /** Sums over rows, and participants counted. */
  totals: TalkTimeFigures.extend({ participants: z.number().int() }),
  /** Minutes each segment was active, in agenda order. */
  segments: z.array(z.object({ id: Id, kind: SegmentKind, title: z.string(), minutes: z.number() })),
});
export type SessionAnalytics = z.infer<typeof SessionAnalytics>;

/** `GET /api/live-sessions/me/talk-time`: the viewer's figures per session joined, and in total. */
export const MyTalkTime = z.object({
  /** Sessions the viewer joined, newest first. */
  sessions: z.array(TalkTimeFigures.extend({ sessionId: Id, title: z.string(), startsAt: z.string(), status: LiveSessionStatus })),
  /** Sums over sessions. */
  totals: TalkTimeFigures,
});
export type MyTalkTime = z.infer<typeof MyTalkTime>;

/** What changed, in `changed` messages on `live:<id>` and `live-group:<id>` (ids only; refetch over HTTP). */
export const LiveChange = z.enum(['session', 'segment', 'groups', 'poll', 'broadcast', 'chat', 'notes', 'debrief']);
export type LiveChange = z.infer<typeof LiveChange>;

/** Realtime channel of a session (participants and facilitators). */
export const liveChannel = (sessionId: string) => `live:${sessionId}`;
/** Realtime channel of a session's console (its facilitators only): joins/leaves, group activity counts, each vote. */
export const liveConsoleChannel = (sessionId: string) => `live-console:${sessionId}`;
/** Realtime channel of a group or pair (its members only; never facilitators). */
export const liveGroupChannel = (groupId: string) => `live-group:${groupId}`;
/** Realtime channel of a session's waiting room (people who can see the session; only waiting screens follow it): a placement. */
export const liveWaitingChannel = (sessionId: string) => `live-waiting:${sessionId}`;
