// Shared by the live-sessions services: loading a session with the viewer's relation to it (404 for what one may
// not see), the group-membership gate of breakout content, the channel authorizers, and the realtime hints.
import type { LiveChange } from '../../../../contracts/index.ts';
import { GROUP_SEGMENT_KINDS, liveChannel, liveConsoleChannel, liveGroupChannel } from '../../../../contracts/index.ts';
import type { Actor } from '../../kernel/auth/sessions.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import type { DbOrTx } from '../../kernel/db/database.ts';
import { AppError, notFound } from '../../kernel/errors.ts';
import { toIso } from '../../kernel/time.ts';
import { loadCommunityAccess } from '../communities/index.ts';
import * as policy from './live-sessions.policy.ts';
import * as repo from './live-sessions.repo.ts';
import * as groupsRepo from './live-sessions.groups.repo.ts';

type SessionRow = repo.SessionRow;
type SegmentRow = repo.SegmentRow;

/** True for segment kinds that form groups or pairs. */
export const isGroupKind = (kind: string) => (GROUP_SEGMENT_KINDS as readonly string[]).includes(kind);
/** Pairs segments form pairs; icebreakers and small groups form groups. */
export const groupKindOf = (segmentKind: string): 'group' | 'pair' => (segmentKind === 'pairs' ? 'pair' : 'group');
/** ISO time or null. */
export const iso = (v: Date | string | null) => (v === null ? null : toIso(v));

// ---------- realtime ----------

/**
 * Publishes a `changed` hint. A failed publish (database gone, node shutting down) only delays a refetch, so it is
 * dropped rather than left as an unhandled rejection.
 */
export function publish(deps: AppDeps, channel: string, what: LiveChange, id: string) {
  void deps.hub.changed(channel, what, id);
}

/** Tells followers of a session what changed (ids only; they refetch over HTTP). */
export function sessionChanged(deps: AppDeps, sessionId: string, what: LiveChange, id = sessionId) {
  const channel = liveChannel(sessionId);
  publish(deps, channel, what, id);
}

/** Tells the session's facilitators (console) what changed. */
export function consoleChanged(deps: AppDeps, sessionId: string, what: LiveChange, id = sessionId) {
  const channel = liveConsoleChannel(sessionId);
  publish(deps, channel, what, id);
}

const throttles = new Map<string, ReturnType<typeof setTimeout>>();
/** Runs `fn` once at the end of a `ms` window however often it is asked within it (per key, on this node). */
export function throttled(key: string, ms: number, fn: () => void) {
  if (throttles.has(key)) return;
  const timer = setTimeout(() => {
    throttles.delete(key);
    fn();
  }, ms);
  timer.unref?.();
  throttles.set(key, timer);
}

/** Activity in many groups refreshes the console's overview at most every 2 s. */
export const groupActivity = (deps: AppDeps, sessionId: string) => throttled(`groups:${sessionId}`, 2000, () => consoleChanged(deps, sessionId, 'groups'));

/** Tells the members of a group what changed. */
export function groupChanged(deps: AppDeps, groupId: string, what: LiveChange, id = groupId) {
  const channel = liveGroupChannel(groupId);
  publish(deps, channel, what, id);
}

// ---------- loading and authorization ----------

/** The viewer's relation to a session: facilitator, audience, participant, present. */
export async function relationOf(db: DbOrTx, actor: Actor, s: SessionRow): Promise<policy.Relation> {
  const r = await repo.selectViewerRelation(db, s, actor.personId);
  let audience = true;
  if (s.programId) audience = r.enrolled;
  else if (s.communityId) audience = await loadCommunityAccess(db, actor, s.communityId).then((a) => a.canRead, () => false);
  return { facilitator: r.facilitator, audience, participant: r.participant !== null, present: r.participant !== null && r.participant.leftAt === null };
}

/** A session loaded for a viewer, with their relation and whether they facilitate it. */
export interface Loaded {
  s: SessionRow;
  rel: policy.Relation;
  facilitate: boolean;
}

/** A session the actor may see (404 otherwise, also for other organizations); `lock` serializes run-state changes. */
export async function load(db: DbOrTx, actor: Actor, id: string, lock = false): Promise<Loaded> {
  const s = await repo.selectSession(db, actor.orgId, id, lock);
  if (!s) throw notFound('That live session');
  const rel = await relationOf(db, actor, s);
  if (!policy.canView(actor, s, rel)) throw notFound('That live session');
  return { s, rel, facilitate: policy.canFacilitate(actor, s, rel) };
}

/** A session the actor facilitates (403 for other viewers, 404 for those who may not see it). */
export async function loadForFacilitator(db: DbOrTx, actor: Actor, id: string, lock = false) {
  const l = await load(db, actor, id, lock);
  if (!l.facilitate) throw new AppError('FORBIDDEN', 'Only the session’s facilitators can do that.');
  return l;
}

/** 409 unless the session is running. */
export function assertLive(s: SessionRow) {
  if (s.status === 'ended') throw new AppError('SESSION_ENDED', 'This session has ended.');
  if (s.status !== 'live') throw new AppError('CONFLICT', 'This session has not started yet.');
}

/** 403 unless the actor may read the session's plenary content (facilitators and people who joined). */
export function assertSessionContent(actor: Actor, l: Loaded) {
  if (!policy.canReadSessionContent(actor, l.s, l.rel)) throw new AppError('FORBIDDEN', 'Join the session to see this.');
}

/**
 * A group or pair the actor is a member of. Everyone else gets 404 — facilitators and org admins included: what is
 * said in a breakout stays in it.
 */
export async function loadMemberGroup(db: DbOrTx, actor: Actor, s: SessionRow, groupId: string) {
  const g = await groupsRepo.selectGroupForMember(db, s.id, groupId, actor.personId);
  if (!g || !policy.canReadGroup(g.isMember)) throw notFound('That group');
  return g;
}

/** Who may follow `live:<id>`: people who can see the session (messages carry ids only). */
export async function canFollowSession(db: DbOrTx, actor: Actor, id: string) {
  await load(db, actor, id);
  return true;
}

/** Who may follow `live-console:<id>`: the session's facilitators (and org admins). */
export async function canFollowConsole(db: DbOrTx, actor: Actor, id: string) {
  return (await load(db, actor, id)).facilitate;
}

/** Who may follow `live-group:<id>`: the group's members only (never facilitators or admins). */
export async function canFollowGroup(db: DbOrTx, actor: Actor, groupId: string) {
  const g = await groupsRepo.selectGroupInOrg(db, actor.orgId, groupId);
  return Boolean(g) && (await groupsRepo.isGroupMember(db, groupId, actor.personId));
}

/** Who may send a call signal in `live-group:<id>`: both people are members and the group's segment is running. */
export async function canSignalInGroup(db: DbOrTx, actor: Actor, groupId: string, toPersonId: string) {
  const g = await groupsRepo.selectGroupInOrg(db, actor.orgId, groupId);
  if (!g || toPersonId === actor.personId) return false;
  const s = await repo.selectSession(db, actor.orgId, g.sessionId);
  if (!s || s.status !== 'live' || s.currentSegmentId !== g.segmentId) return false;
  return (await groupsRepo.isGroupMember(db, g.id, actor.personId)) && (await groupsRepo.isGroupMember(db, g.id, toPersonId));
}

// ---------- segments in view ----------

/** The group segment whose groups the screens show: the running one, else the most recent that ran. */
export function groupSegmentInView(segments: SegmentRow[], currentId: string | null): SegmentRow | undefined {
  const cur = segments.find((g) => g.id === currentId);
  if (cur && isGroupKind(cur.kind)) return cur;
  return segments.filter((g) => isGroupKind(g.kind) && g.status !== 'pending').sort((a, b) => b.position - a.position)[0];
}

/** The segment whose groups may debrief: the latest icebreaker or group discussion that ran. */
export function debriefSegment(segments: SegmentRow[]): SegmentRow | undefined {
  return segments.filter((g) => (g.kind === 'groups' || g.kind === 'icebreaker') && g.status !== 'pending').sort((a, b) => b.position - a.position)[0];
}
