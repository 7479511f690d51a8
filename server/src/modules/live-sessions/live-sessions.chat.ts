// Breakout and plenary talk: chat (plenary, group, pair), a group's shared notes, the opt-in debrief and a pair's
// keep choice. Everything of a group or pair passes through its membership (see live-sessions.access.ts).
import type { DebriefConsent, DebriefList, GroupNotes, KeepPair, LiveMessage, LiveMessageList, LiveMessagesQuery, PostLiveMessageRequest } from '../../../../contracts/index.ts';
import type { FailureLimiter } from '../../kernel/auth/failure-limiter.ts';
import type { Actor } from '../../kernel/auth/sessions.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import type { DbOrTx } from '../../kernel/db/database.ts';
import { AppError, notFound } from '../../kernel/errors.ts';
import { toIso } from '../../kernel/time.ts';
import { assertSessionContent, debriefSegment, groupActivity, groupChanged, iso, load, loadMemberGroup, sessionChanged } from './live-sessions.access.ts';
import * as policy from './live-sessions.policy.ts';
import * as repo from './live-sessions.repo.ts';
import * as chatRepo from './live-sessions.chat.repo.ts';
import * as groupsRepo from './live-sessions.groups.repo.ts';

// ---------- messages ----------

function toMessage(r: chatRepo.MessageRow): LiveMessage {
  return { id: r.id, segmentId: r.segmentId, groupId: r.groupId, author: r.author, body: r.body, clientId: r.clientId, createdAt: toIso(r.createdAt) };
}

/**
 * Chat of the plenary (participants and facilitators) or of a group/pair: its members only, and each member only
 * what was written after they became one (a late joiner never reads the talk before them).
 */
export async function findMessages(db: DbOrTx, actor: Actor, id: string, q: LiveMessagesQuery): Promise<LiveMessageList> {
  const l = await load(db, actor, id);
  const groupId = q.groupId ?? null;
  if (groupId) await loadMemberGroup(db, actor, l.s, groupId);
  else assertSessionContent(actor, l);
  const room: chatRepo.Room = groupId ? { groupId, viewerId: actor.personId } : null;
  if (q.after && !(await chatRepo.messageInRoom(db, l.s.id, room, q.after))) {
    throw new AppError('VALIDATION_FAILED', 'That message is not in this chat.', { errors: [{ field: 'after', message: 'Unknown message' }] });
  }
  return { items: (await chatRepo.selectMessages(db, l.s.id, room, q.after, q.limit)).map(toMessage) };
}

/**
 * Posts a chat message while its segment runs (else 409 SEGMENT_CLOSED). A retry with the same clientId returns the
 * first message (created = false), even when the segment closed or the sender hit the rate limit meanwhile. The
 * common path takes four round trips: session, relation, group membership, and one statement that inserts the
 * message and marks the group active.
 */
export async function postMessage(deps: AppDeps, actor: Actor, id: string, input: PostLiveMessageRequest, limiter: FailureLimiter): Promise<{ message: LiveMessage; created: boolean }> {
  const l = await load(deps.db, actor, id);
  const s = l.s;
  const groupId = input.groupId ?? null;
  let segmentId: string | null = null;
  let refusal: AppError | null = null;
  if (groupId) {
    const g = await groupsRepo.selectGroupForMember(deps.db, s.id, groupId, actor.personId);
    if (!g || !policy.canReadGroup(g.isMember)) refusal = notFound('That group');
    else if (s.status !== 'live' || s.currentSegmentId !== g.segmentId) refusal = new AppError('SEGMENT_CLOSED', 'This breakout has ended; its chat is read-only.');
    else segmentId = g.segmentId;
  } else if (!l.facilitate && !l.rel.present) {
    refusal = new AppError('FORBIDDEN', 'Join the session to chat.');
  } else {
    const cur = s.status === 'live' && s.currentSegmentId ? await repo.selectSegment(deps.db, s.id, s.currentSegmentId) : undefined;
    if (!cur || (cur.kind !== 'plenary' && cur.kind !== 'chat')) refusal = new AppError('SEGMENT_CLOSED', 'The session chat is open during plenary and chat segments only.');
    else segmentId = cur.id;
  }
  const wait = refusal ? 0 : limiter.retryAfter(actor.personId);
  if (wait > 0) refusal = new AppError('RATE_LIMITED', `You are sending messages quickly. Try again in ${wait} seconds.`, { retryAfterSeconds: wait });
  if (refusal || !segmentId) {
    // Only a refused request looks for the message it may be a retry of.
    const again = await chatRepo.selectMessageByClientId(deps.db, s.id, actor.personId, input.clientId);
    if (again) return { message: toMessage(again), created: false };
    throw refusal ?? notFound('That chat');
  }
  const result = await chatRepo.insertMessage(deps.db, { sessionId: s.id, orgId: s.orgId, segmentId, groupId, authorId: actor.personId, body: input.body, clientId: input.clientId });
  if (result.created) {
    limiter.fail(actor.personId);
    if (groupId) {
      groupChanged(deps, groupId, 'chat', result.row.id);
      groupActivity(deps, s.id);
    } else sessionChanged(deps, s.id, 'chat', result.row.id);
  }
  return { message: toMessage(result.row), created: result.created };
}

// ---------- notes, debrief, keep ----------

async function notesOf(db: DbOrTx, orgId: string, groupId: string): Promise<GroupNotes> {
  const n = await chatRepo.selectNotes(db, groupId);
  const by = n?.updatedBy ? (await repo.selectPeople(db, orgId, [n.updatedBy]))[0] : undefined;
  return { groupId, body: n?.body ?? '', version: n?.version ?? 0, updatedBy: by ?? null, updatedAt: n ? toIso(n.updatedAt) : null };
}

/**
 * A group's notes: its members who were in it when the notes were started (a member who joined after holds no part
 * of them and does not read them: they may carry everything said before); after a unanimous debrief also the
 * session's participants and facilitators.
 */
export async function getNotes(db: DbOrTx, actor: Actor, id: string, groupId: string): Promise<GroupNotes> {
  const l = await load(db, actor, id);
  const g = await groupsRepo.selectGroup(db, l.s.id, groupId);
  if (!g) throw notFound('That group');
  const mine = await groupsRepo.selectMembership(db, g.id, actor.personId);
  if (!mine?.notesVisible) {
    const members = g.kind === 'group' ? await groupsRepo.selectGroupMembers(db, g.id) : [];
    const shared = members.length > 0 && members.every((m) => m.debriefConsent === true);
    if (!shared || !policy.canReadSessionContent(actor, l.s, l.rel)) throw notFound(mine ? 'Those notes' : 'That group');
  }
  return notesOf(db, l.s.orgId, g.id);
}

/**
 * Saves a group's notes (members who read them) when `version` is current; else 409 NOTES_CONFLICT. A member who
 * joined after the notes were started gets 404, as for reading them.
 */
export async function putNotes(deps: AppDeps, actor: Actor, id: string, groupId: string, body: string, version: number): Promise<GroupNotes> {
  const notes = await deps.events.transaction(deps.db, async (tx) => {
    const l = await load(tx, actor, id);
    const g = await loadMemberGroup(tx, actor, l.s, groupId);
    if (l.s.status === 'ended') throw new AppError('SESSION_ENDED', 'This session has ended; its notes are read-only.');
    // After the lock, a placement into the group has either committed (and is seen here) or waits for this save.
    await chatRepo.lockGroupForWriting(tx, g.id);
    if (!(await groupsRepo.selectMembership(tx, g.id, actor.personId))?.notesVisible) throw notFound('Those notes');
    if (!(await chatRepo.writeNotes(tx, l.s.orgId, g.id, body, version, actor.personId))) {
      throw new AppError('NOTES_CONFLICT', 'Someone in your group changed the notes meanwhile. Reload them, then apply your edit again.');
    }
    await groupsRepo.touchGroup(tx, g.id);
    return notesOf(tx, l.s.orgId, g.id);
  });
  groupChanged(deps, groupId, 'notes');
  groupActivity(deps, id);
  return notes;
}

/**
 * A member's consent to share the group's notes with the session during the debrief. Notes are shared only when
 * every member agreed. Pairs never debrief → 409 PAIR_PRIVATE.
 */
export async function setDebriefConsent(deps: AppDeps, actor: Actor, id: string, groupId: string, share: boolean): Promise<DebriefConsent> {
  const out = await deps.events.transaction(deps.db, async (tx) => {
    const l = await load(tx, actor, id, true);
    const g = await loadMemberGroup(tx, actor, l.s, groupId);
    if (g.kind === 'pair') throw new AppError('PAIR_PRIVATE', 'Learning-partner conversations are private; they are never debriefed.');
    const segments = await repo.selectSegments(tx, l.s.id);
    const cur = segments.find((x) => x.id === l.s.currentSegmentId);
    if (l.s.status !== 'live' || cur?.kind !== 'debrief') throw new AppError('SEGMENT_CLOSED', 'Debrief consent is asked during the debrief segment.');
    if (debriefSegment(segments)?.id !== g.segmentId) throw new AppError('CONFLICT', 'Only the groups of the latest discussion debrief.');
    await groupsRepo.setMemberChoice(tx, g.id, actor.personId, { debriefConsent: share });
    const members = await groupsRepo.selectGroupMembers(tx, g.id);
    const consented = members.filter((m) => m.debriefConsent === true).length;
    return { groupId: g.id, mine: share, consented, members: members.length, shared: consented === members.length };
  });
  groupChanged(deps, groupId, 'debrief');
  sessionChanged(deps, id, 'debrief', groupId);
  return out;
}

/** Shared debrief notes (groups whose every member agreed): participants and facilitators. */
export async function findDebriefs(db: DbOrTx, actor: Actor, id: string): Promise<DebriefList> {
  const l = await load(db, actor, id);
  assertSessionContent(actor, l);
  const rows = await groupsRepo.selectSharedDebriefs(db, l.s.id);
  const items = [];
  for (const r of rows) {
    const members = await groupsRepo.selectGroupMembers(db, r.groupId);
    if (!members.length) continue;
    items.push({ groupId: r.groupId, segmentTitle: r.segmentTitle, members: members.map(({ id: mid, name, department }) => ({ id: mid, name, department })), notes: r.notes ?? '', updatedAt: iso(r.updatedAt) });
  }
  return { items };
}

/** A partner's choice to keep the pair's chat and notes after the session (kept only when every partner chose to). */
export async function setKeep(deps: AppDeps, actor: Actor, id: string, groupId: string, keep: boolean): Promise<KeepPair> {
  const out = await deps.events.transaction(deps.db, async (tx) => {
    const l = await load(tx, actor, id, true);
    const g = await loadMemberGroup(tx, actor, l.s, groupId);
    if (g.kind !== 'pair') throw new AppError('CONFLICT', 'Only learning partners choose whether to keep their conversation.');
    if (l.s.status === 'ended') throw new AppError('SESSION_ENDED', 'This session has ended; the choice was made at its end.');
    await groupsRepo.setMemberChoice(tx, g.id, actor.personId, { keep });
    const members = await groupsRepo.selectGroupMembers(tx, g.id);
    return { groupId: g.id, mine: keep, all: members.every((m) => m.keep) };
  });
  groupChanged(deps, groupId, 'groups');
  return out;
}
