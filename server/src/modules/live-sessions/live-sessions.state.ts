// /state: everything a participant or facilitator screen shows now (the shared part cached per session version), the
// viewer's own group and the facilitators' overview of the groups (no content).
import type { GroupOverview, LivePerson, LiveSession, LiveState, MyGroup } from '../../../../contracts/index.ts';
import type { Actor } from '../../kernel/auth/sessions.ts';
import type { DbOrTx } from '../../kernel/db/database.ts';
import { toIso } from '../../kernel/time.ts';
import { debriefSegment, groupSegmentInView, isGroupKind, iso, load } from './live-sessions.access.ts';
import { pollView } from './live-sessions.polls.ts';
import { type Context, runState, summaryOf, toSegment } from './live-sessions.service.ts';
import * as policy from './live-sessions.policy.ts';
import * as repo from './live-sessions.repo.ts';
import * as groupsRepo from './live-sessions.groups.repo.ts';

type SessionRow = repo.SessionRow;
type SegmentRow = repo.SegmentRow;

/** What every viewer of a session shares in /state (agenda, facilitators, context, head-count, broadcasts). */
interface SharedView {
  segments: SegmentRow[];
  facilitators: LivePerson[];
  ctx?: Context;
  broadcasts: Awaited<ReturnType<typeof repo.selectBroadcasts>>;
}

const SHARED_TTL_MS = 1000;
const sharedViews = new Map<string, { expires: number; value: Promise<SharedView> }>();

/**
 * The shared part of /state, cached per session version for a second on this node: after an advance 500 screens
 * refetch at once, and each then costs only its own queries (relation, group, vote, head-count). Run-state changes and
 * broadcasts bump the version, so the cache never shows an old segment. The head-count is not cached: joins do not
 * bump the version, and a console refetching right after a join must see it.
 */
function sharedView(db: DbOrTx, s: SessionRow): Promise<SharedView> {
  const key = `${s.id}:${s.version}`;
  const now = Date.now();
  const hit = sharedViews.get(key);
  if (hit && hit.expires > now) return hit.value;
  const value = (async () => {
    const [segments, facilitators, contexts, broadcasts] = [
      await repo.selectSegments(db, s.id),
      await repo.selectFacilitators(db, [s.id]),
      await repo.selectContexts(db, [s.id]),
      await repo.selectBroadcasts(db, s.id, 5),
    ];
    return { segments, facilitators: facilitators.map(({ id, name, department }) => ({ id, name, department })), ctx: contexts[0], broadcasts };
  })();
  value.catch(() => sharedViews.delete(key));
  if (sharedViews.size > 500) for (const [k, v] of sharedViews) if (v.expires <= now) sharedViews.delete(k);
  sharedViews.set(key, { expires: now + SHARED_TTL_MS, value });
  return value;
}

async function myGroupView(db: DbOrTx, actor: Actor, s: SessionRow, segments: SegmentRow[]): Promise<MyGroup | null> {
  const current = segments.find((g) => g.id === s.currentSegmentId);
  // During a debrief, the group that may debrief; otherwise the running (or last) breakout.
  const seg = current?.kind === 'debrief' ? (debriefSegment(segments) ?? groupSegmentInView(segments, s.currentSegmentId)) : groupSegmentInView(segments, s.currentSegmentId);
  if (!seg) return null;
  const g = await groupsRepo.selectMyGroupInSegment(db, seg.id, actor.personId);
  if (!g) return null;
  const [members, membership] = [await groupsRepo.selectGroupMembers(db, g.id), await groupsRepo.selectMembership(db, g.id, actor.personId)];
  const me = members.find((m) => m.id === actor.personId);
  return {
    id: g.id,
    kind: g.kind as MyGroup['kind'],
    segmentId: seg.id,
    active: s.status === 'live' && s.currentSegmentId === seg.id,
    members: members.map(({ id, name, department }) => ({ id, name, department })),
    memberSince: toIso(membership?.joinedAt ?? g.createdAt),
    joinedLate: Boolean(membership?.late),
    notesVisible: Boolean(membership?.notesVisible),
    prompt: seg.prompt,
    keep: g.kind === 'pair' ? { mine: Boolean(me?.keep), all: members.every((m) => m.keep) } : null,
    debrief:
      g.kind === 'group'
        ? { mine: me?.debriefConsent ?? null, consented: members.filter((m) => m.debriefConsent === true).length, members: members.length, shared: members.every((m) => m.debriefConsent === true) }
        : null,
  };
}

async function groupsOverview(db: DbOrTx, s: SessionRow, segments: SegmentRow[]): Promise<GroupOverview[]> {
  const seg = groupSegmentInView(segments, s.currentSegmentId);
  if (!seg) return [];
  const [groups, counts] = await Promise.all([groupsRepo.selectSegmentGroups(db, s.id, seg.id), groupsRepo.selectGroupMessageCounts(db, s.id, seg.id)]);
  const n = new Map(counts.map((c) => [c.groupId, c.n]));
  return groups.map((g) => ({
    id: g.id,
    kind: g.kind,
    memberCount: g.members.filter((m) => m.present).length,
    members: g.members.map(({ id, name }) => ({ id, name })),
    messageCount: n.get(g.id) ?? 0,
    lastActivityAt: iso(g.lastActivityAt),
  }));
}

/** Everything a participant or facilitator screen shows now; facilitators also get the group overview (no content). */
export async function getState(db: DbOrTx, actor: Actor, id: string): Promise<LiveState> {
  const l = await load(db, actor, id);
  const shared = await sharedView(db, l.s);
  const present = await repo.countPresent(db, l.s.id);
  const segments = shared.segments;
  const mine = l.rel.participant ? (l.rel.present ? 'present' : 'left') : null;
  const session: LiveSession = {
    ...summaryOf(actor, l.s, l.rel, { facilitators: shared.facilitators, ctx: shared.ctx, present, mine }),
    ...runState(l.s, segments),
  };
  const current = segments.find((g) => g.id === l.s.currentSegmentId && g.status === 'active');
  const content = policy.canReadSessionContent(actor, l.s, l.rel);
  const broadcasts = content ? shared.broadcasts : [];
  const myGroup = !l.facilitate && l.rel.participant ? await myGroupView(db, actor, l.s, segments) : null;
  const breakout = l.s.status === 'live' && current && isGroupKind(current.kind) ? current : undefined;
  return {
    session,
    role: l.facilitate ? 'facilitator' : l.rel.present ? 'participant' : 'audience',
    present: l.rel.present,
    segment: current ? { ...toSegment(current), timerEndsAt: iso(l.s.segmentEndsAt) } : null,
    myGroup,
    waiting: Boolean(breakout && !l.facilitate && l.rel.present && myGroup?.segmentId !== breakout.id),
    waitingPeople: l.facilitate ? (breakout ? await groupsRepo.selectWaiting(db, l.s.id, breakout.id) : []) : null,
    poll: current?.kind === 'poll' && content ? await pollView(db, actor, current, l.facilitate) : null,
    broadcasts: broadcasts.map((b) => ({ id: b.id, text: b.text, author: b.author ?? { id: actor.personId, name: 'Former facilitator', department: null }, createdAt: toIso(b.createdAt) })),
    groups: l.facilitate ? await groupsOverview(db, l.s, segments) : null,
    version: l.s.version,
  };
}
