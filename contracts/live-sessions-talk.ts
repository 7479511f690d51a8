// Live sessions, continued: what is said and kept in them — breakout calls (ICE servers), chat, shared notes,
// debriefs, the pair's keep choice, talk-time analytics and the realtime channels. Split from live-sessions.ts.
import { z } from 'zod';
import { Id, text } from './common.ts';
import { LIVE_LIMITS, LivePerson, LiveSessionStatus, SegmentKind } from './live-sessions.ts';

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
