// Live sessions, continued: running one — advance, extend, broadcast, polls and votes, my group, the facilitator's
// overview, the whole state a screen shows, and placing someone waiting. Split from live-sessions.ts.
import { z } from 'zod';
import { Id, text } from './common.ts';
import { LIVE_LIMITS, LivePerson, LiveSession, PollType, Segment } from './live-sessions.ts';

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
