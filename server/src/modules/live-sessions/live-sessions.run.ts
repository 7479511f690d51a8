// Running a session (start, advance, extend, broadcast, recall, end; a segment's groups or pairs are formed as it
// starts) and taking part in it (join, a facilitator's placement, leave). Each answers the caller's /state.
import type { LiveState, PlaceParticipantRequest, SegmentConfig } from '../../../../contracts/index.ts';
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../kernel/auth/sessions.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import type { DbOrTx } from '../../kernel/db/database.ts';
import { AppError } from '../../kernel/errors.ts';
import { publishedPartners } from '../programs/index.ts';
import { assertLive, consoleChanged, groupKindOf, isGroupKind, load, loadForFacilitator, sessionChanged } from './live-sessions.access.ts';
import { formBreakoutGroups, formPairs } from './live-sessions.groups.ts';
import { announcePlacement, placeLateJoiner, placeWaitingPerson } from './live-sessions.placement.ts';
import { getState } from './live-sessions.state.ts';
import * as policy from './live-sessions.policy.ts';
import * as repo from './live-sessions.repo.ts';
import * as groupsRepo from './live-sessions.groups.repo.ts';

type SessionRow = repo.SessionRow;
type SegmentRow = repo.SegmentRow;

// ---------- run state ----------

/**
 * Each person's learning partners: the program's published partners plan first; for people it does not pair, the
 * first pair they had in the program's live sessions (or this session's, without a program). Partners the plan gave
 * someone else are not claimed from live history, so plan pairs stay whole.
 */
async function learningPartners(tx: DbOrTx, s: SessionRow): Promise<Map<string, string[]>> {
  const plan = s.programId ? await publishedPartners(tx, s.programId) : new Map<string, string[]>();
  const out = new Map(plan);
  for (const r of await groupsRepo.selectFirstPartners(tx, s)) {
    if (plan.has(r.personId)) continue;
    out.set(r.personId, r.members.filter((id) => id !== r.personId && !plan.has(id)));
  }
  return out;
}

/** Starts a segment: marks it active and forms its groups or pairs among the people present. */
async function activate(tx: DbOrTx, s: SessionRow, seg: SegmentRow, now: Date) {
  await repo.updateSegment(tx, seg.id, { status: 'active', startedAt: now });
  if (isGroupKind(seg.kind)) {
    const present = await repo.selectPresentPeople(tx, s.id);
    const known = (await groupsRepo.selectKnownPairs(tx, s, present.map((p) => p.id))).map((k) => ({ a: k.a, b: k.b, weight: k.n }));
    const seed = seg.position + 1;
    let groups: string[][];
    if (seg.kind === 'pairs') {
      groups = formPairs(present, await learningPartners(tx, s), known, seed);
    } else {
      groups = formBreakoutGroups(present, (seg.config as SegmentConfig).groupSize ?? (seg.kind === 'icebreaker' ? 3 : 4), known, seed);
    }
    await groupsRepo.insertGroups(tx, s, seg.id, groupKindOf(seg.kind), groups);
  }
  return new Date(now.getTime() + seg.durationMinutes * 60_000);
}

async function endCurrent(tx: DbOrTx, s: SessionRow, now: Date) {
  if (s.currentSegmentId) await repo.updateSegment(tx, s.currentSegmentId, { status: 'done', endedAt: now });
}

/** Starts the session and its first segment. */
export async function start(deps: AppDeps, actor: Actor, id: string): Promise<LiveState> {
  await deps.events.transaction(deps.db, async (tx, emit) => {
    const { s } = await loadForFacilitator(tx, actor, id, true);
    if (s.status === 'ended') throw new AppError('SESSION_ENDED', 'This session has ended.');
    if (s.status === 'live') throw new AppError('CONFLICT', 'This session is already running.');
    const now = new Date();
    const first = (await repo.selectSegments(tx, s.id)).find((g) => g.status === 'pending');
    const endsAt = first ? await activate(tx, s, first, now) : null;
    await repo.updateSession(tx, s.id, { status: 'live', startedAt: now, currentSegmentId: first?.id ?? null, segmentEndsAt: endsAt });
    emit({ type: 'live_sessions.started', orgId: s.orgId, payload: { sessionId: s.id } });
  });
  sessionChanged(deps, id, 'segment');
  return getState(deps.db, actor, id);
}

/**
 * Ends the current segment and starts the next one. `fromSegmentId` is what the facilitator saw as current: when
 * another facilitator advanced first it differs → 409 STALE_STATE, so two clicks advance once (the row lock orders them).
 */
export async function advance(deps: AppDeps, actor: Actor, id: string, fromSegmentId: string | null): Promise<LiveState> {
  await deps.events.transaction(deps.db, async (tx) => {
    const { s } = await loadForFacilitator(tx, actor, id, true);
    assertLive(s);
    if ((s.currentSegmentId ?? null) !== fromSegmentId) throw new AppError('STALE_STATE', 'The session moved on already (another facilitator advanced it). Refresh to see where it is.');
    const next = (await repo.selectSegments(tx, s.id)).find((g) => g.status === 'pending');
    if (!next && !s.currentSegmentId) throw new AppError('CONFLICT', 'There is no next segment. Add one to the agenda or end the session.');
    const now = new Date();
    await endCurrent(tx, s, now);
    const endsAt = next ? await activate(tx, s, next, now) : null;
    await repo.updateSession(tx, s.id, { currentSegmentId: next?.id ?? null, segmentEndsAt: endsAt });
  });
  sessionChanged(deps, id, 'segment');
  return getState(deps.db, actor, id);
}

/** Adds minutes to the running segment's timer (counting from now when it already ran out). */
export async function extend(deps: AppDeps, actor: Actor, id: string, addMinutes: number): Promise<LiveState> {
  await deps.events.transaction(deps.db, async (tx) => {
    const { s } = await loadForFacilitator(tx, actor, id, true);
    assertLive(s);
    if (!s.currentSegmentId) throw new AppError('CONFLICT', 'No segment is running.');
    const base = Math.max(Date.now(), s.segmentEndsAt ? new Date(s.segmentEndsAt).getTime() : 0);
    await repo.updateSession(tx, s.id, { segmentEndsAt: new Date(base + addMinutes * 60_000) });
  });
  sessionChanged(deps, id, 'segment');
  return getState(deps.db, actor, id);
}

/** Sends a banner to everyone in the session. */
export async function broadcast(deps: AppDeps, actor: Actor, id: string, text: string): Promise<LiveState> {
  const b = await deps.events.transaction(deps.db, async (tx) => {
    const { s } = await loadForFacilitator(tx, actor, id);
    if (s.status === 'ended') throw new AppError('SESSION_ENDED', 'This session has ended.');
    // The version moves so screens (and the shared /state view) pick the banner up at once.
    await repo.updateSession(tx, s.id, {});
    return repo.insertBroadcast(tx, { sessionId: s.id, orgId: s.orgId, authorId: actor.personId, text });
  });
  sessionChanged(deps, id, 'broadcast', b.id);
  return getState(deps.db, actor, id);
}

/** Ends the running breakout (groups or pairs) and brings everyone back to the main room. */
export async function recall(deps: AppDeps, actor: Actor, id: string): Promise<LiveState> {
  await deps.events.transaction(deps.db, async (tx) => {
    const { s } = await loadForFacilitator(tx, actor, id, true);
    assertLive(s);
    const cur = s.currentSegmentId ? await repo.selectSegment(tx, s.id, s.currentSegmentId) : undefined;
    if (!cur || !isGroupKind(cur.kind)) throw new AppError('CONFLICT', 'No breakout is running.');
    await endCurrent(tx, s, new Date());
    await repo.updateSession(tx, s.id, { currentSegmentId: null, segmentEndsAt: null });
  });
  sessionChanged(deps, id, 'segment');
  return getState(deps.db, actor, id);
}

/**
 * Ends the session for everyone: closes attendance, and deletes each pair's chat and notes unless every partner chose
 * to keep them.
 */
export async function end(deps: AppDeps, actor: Actor, id: string): Promise<LiveState> {
  await deps.events.transaction(deps.db, async (tx, emit) => {
    const { s } = await loadForFacilitator(tx, actor, id, true);
    if (s.status === 'ended') throw new AppError('SESSION_ENDED', 'This session has ended already.');
    const now = new Date();
    await endCurrent(tx, s, now);
    await repo.updateSession(tx, s.id, { status: 'ended', endedAt: now, currentSegmentId: null, segmentEndsAt: null });
    await repo.closeAllAttendance(tx, s.id);
    await groupsRepo.purgeUnkeptPairs(tx, s.id);
    emit({ type: 'live_sessions.ended', orgId: s.orgId, payload: { sessionId: s.id } });
  });
  sessionChanged(deps, id, 'session');
  return getState(deps.db, actor, id);
}

// ---------- participants ----------

/**
 * Joins as a participant (idempotent). Capacity counts people present (never facilitators); a full session → 409
 * SESSION_FULL, an ended one → 409 SESSION_ENDED. Joining during a breakout places the person at once.
 */
export async function join(deps: AppDeps, actor: Actor, id: string): Promise<LiveState> {
  const placed = await deps.events.transaction(deps.db, async (tx) => {
    const { s, rel, facilitate } = await load(tx, actor, id, true);
    if (s.status === 'ended') throw new AppError('SESSION_ENDED', 'This session has ended.');
    if (facilitate) throw new AppError('FORBIDDEN', 'Facilitators run the session; they do not join it as participants.');
    if (!policy.canJoin(actor, s, rel)) throw new AppError('FORBIDDEN', 'This session is for its program’s or community’s members.');
    if (rel.present) return null;
    if (s.capacity !== null && (await repo.countPresent(tx, s.id)) >= s.capacity) throw new AppError('SESSION_FULL', 'This session is full.');
    await repo.markPresent(tx, s.orgId, s.id, actor.personId);
    if (s.status !== 'live' || !s.currentSegmentId) return null;
    const seg = await repo.selectSegment(tx, s.id, s.currentSegmentId);
    if (!seg || !isGroupKind(seg.kind)) return null;
    return placeLateJoiner(tx, s, seg, actor.personId);
  });
  consoleChanged(deps, id, 'session');
  if (placed) announcePlacement(deps, id, placed);
  return getState(deps.db, actor, id);
}

/** A facilitator places a waiting person (see placeWaitingPerson); answers the facilitator's state. */
export async function placeParticipant(deps: AppDeps, actor: Actor, id: string, body: PlaceParticipantRequest, request: FastifyRequest | null): Promise<LiveState> {
  const groupId = await deps.events.transaction(deps.db, (tx) => placeWaitingPerson(tx, actor, id, body, request));
  announcePlacement(deps, id, groupId);
  return getState(deps.db, actor, id);
}

/** Leaves the session (their group keeps their place). A facilitator leaving changes nothing for anyone. */
export async function leave(deps: AppDeps, actor: Actor, id: string) {
  const left = await deps.events.transaction(deps.db, async (tx) => {
    const { s, rel } = await load(tx, actor, id);
    if (!rel.present) return false;
    await repo.markLeft(tx, s.id, actor.personId);
    return true;
  });
  if (left) consoleChanged(deps, id, 'session');
}
