// Self-serve mentoring: capacity-limited suggestions, requests and the mentor's answer.
import {
  type CreateMentorRequestRequest,
  MENTORING_LIMITS,
  type MentorRequest,
  type MentorRequestList,
  type MentorSuggestionList,
  type RespondToMentorRequestRequest,
} from '../../../../contracts/index.ts';
import { FORBIDDEN_SCORE, scoreMatrixFromProfiles } from '../../../../engine/matching/index.ts';
import type { Actor } from '../../kernel/auth/sessions.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import type { DbOrTx } from '../../kernel/db/database.ts';
import { AppError, isUniqueViolation, notFound } from '../../kernel/errors.ts';
import { toIso } from '../../kernel/time.ts';
import * as repo from './mentoring.repo.ts';
import * as selfserveRepo from './mentoring.selfserve.repo.ts';
import { allocateSuggestions, engineMentee, engineMentor, forbiddenPairsOf, scorePair } from './mentoring.scoring.ts';

/**
 * The allocation of suggestions over an organization's pool (every active mentee without a mentor), kept per database
 * and organization while the pool's signature is unchanged (see selectSuggestionPoolSignature) and for at most a
 * minute: scoring and allocating 2,000 × 500 pairs costs about half a second, and every mentee's page needs it.
 */
type PoolAllocation = { signature: string; at: number; menteeIndex: Map<string, number>; mentorIds: string[]; capacities: number[]; shown: number[][] };
const allocations = new WeakMap<object, Map<string, PoolAllocation>>();
const ALLOCATION_TTL_MS = 60_000;

/**
 * Mentors for the signed-in mentee, best first, under the capacity rule of allocateSuggestions: computed over the whole
 * pool (every active mentee without a mentor, plus me) so that a mentor with c free seats is shown to at most 3·c
 * mentees at a time, those for whom they score best. Mentors I already have an active relationship with are left out.
 * The pool's allocation is shared by its mentees while the pool is unchanged; a mentee outside the pool, or with a
 * relationship already, gets one computed for them.
 */
export async function getSuggestions(db: DbOrTx, actor: Actor): Promise<MentorSuggestionList> {
  const [me, open] = await Promise.all([repo.selectMenteeProfile(db, actor.orgId, actor.personId), selfserveRepo.selectOpenRequestsOf(db, actor.orgId, actor.personId)]);
  const base = { openRequests: open.length, maxOpenRequests: MENTORING_LIMITS.openRequestsPerMentee };
  if (!me?.active) return { items: [], hasMenteeProfile: false, ...base };
  const [mentorRows, mine, active, signature] = await Promise.all([
    repo.selectMentorPool(db, actor.orgId),
    repo.selectMenteesByIds(db, actor.orgId, [actor.personId]),
    selfserveRepo.selectActiveRelationshipsOf(db, actor.personId),
    repo.selectSuggestionPoolSignature(db, actor.orgId),
  ]);
  const byDb = allocations.get(db) ?? new Map<string, PoolAllocation>();
  allocations.set(db, byDb);
  let alloc = byDb.get(actor.orgId);
  const shared = active.length === 0;
  if (!shared || !alloc || alloc.signature !== signature || Date.now() - alloc.at > ALLOCATION_TTL_MS || !alloc.menteeIndex.has(actor.personId)) {
    const pool = await repo.selectMenteePool(db, actor.orgId);
    const inPool = pool.some((p) => p.id === actor.personId);
    const mentees = inPool ? pool : [...pool, ...mine];
    const mentors = mentorRows.filter((m) => m.capacity - m.taken > 0);
    if (mentors.length === 0 || mentees.length === 0) return { items: [], hasMenteeProfile: true, ...base };
    const matrix = scoreMatrixFromProfiles({ mentees: mentees.map(engineMentee), mentors: mentors.map(engineMentor) }, { forbiddenPairs: forbiddenPairsOf(mentees, mentors) });
    const scores = Float64Array.from(matrix.scores, (s) => (s === FORBIDDEN_SCORE ? -1 : s));
    const meIndex = matrix.menteeIds.indexOf(actor.personId);
    const partners = new Set(active.map((a) => a.mentorId));
    matrix.mentorIds.forEach((id, j) => {
      if (partners.has(id)) scores[meIndex * matrix.m + j] = -1;
    });
    const shown = allocateSuggestions(scores, matrix.n, matrix.m, matrix.capacities, MENTORING_LIMITS.suggestionsPerMentee, MENTORING_LIMITS.exposurePerSeat, matrix.menteeIds, matrix.mentorIds);
    alloc = { signature, at: Date.now(), menteeIndex: new Map(matrix.menteeIds.map((id, i) => [id, i])), mentorIds: matrix.mentorIds, capacities: Array.from(matrix.capacities), shown };
    // Only an allocation over the pool itself is everyone's (mine differs when I am outside it or have partners).
    if (shared && inPool) byDb.set(actor.orgId, alloc);
  }
  const byId = new Map(mentorRows.map((m) => [m.id, m]));
  const requested = new Set(open.map((o) => o.mentorId));
  const items = (alloc.shown[alloc.menteeIndex.get(actor.personId) as number] ?? []).flatMap((j) => {
    const mentor = byId.get(alloc.mentorIds[j]);
    if (!mentor) return [];
    const s = scorePair(mine[0], mentor);
    if (!s.ok) return [];
    return [{ mentor: { id: mentor.id, name: mentor.name, title: mentor.title }, score: s.score, explanation: s.explanation, freeSeats: alloc.capacities[j], requested: requested.has(mentor.id) }];
  });
  return { items, hasMenteeProfile: true, ...base };
}

function presentRequest(actor: Actor, r: selfserveRepo.RequestView): MentorRequest {
  const open = r.status === 'open';
  const asMentor = r.mentorId === actor.personId;
  return {
    id: r.id,
    role: asMentor ? 'mentor' : 'mentee',
    mentor: { id: r.mentorId, name: r.mentorName, title: r.mentorTitle },
    mentee: { id: r.menteeId, name: r.menteeName, title: r.menteeTitle },
    kind: r.kind as MentorRequest['kind'],
    message: r.message,
    status: r.status as MentorRequest['status'],
    responseMessage: r.responseMessage,
    relationshipId: r.matchId,
    createdAt: toIso(r.createdAt),
    respondedAt: r.respondedAt ? toIso(r.respondedAt) : null,
    abilities: { canAccept: open && asMentor, canDecline: open && asMentor, canWithdraw: open && !asMentor },
  };
}

async function loadRequest(db: DbOrTx, actor: Actor, id: string): Promise<MentorRequest> {
  const r = await selfserveRepo.selectRequest(db, actor.orgId, id);
  if (!r || (r.mentorId !== actor.personId && r.menteeId !== actor.personId)) throw notFound('That mentoring request');
  return presentRequest(actor, r);
}

/** Requests I sent and received. */
export async function listRequests(db: DbOrTx, actor: Actor): Promise<MentorRequestList> {
  const rows = await selfserveRepo.selectMyRequests(db, actor.orgId, actor.personId);
  return {
    sent: rows.filter((r) => r.menteeId === actor.personId).map((r) => presentRequest(actor, r)),
    received: rows.filter((r) => r.mentorId === actor.personId).map((r) => presentRequest(actor, r)),
  };
}

/** One request (its two people only). */
export const getRequest = (db: DbOrTx, actor: Actor, id: string) => loadRequest(db, actor, id);

const mentorField = (message: string) => new AppError('VALIDATION_FAILED', message, { errors: [{ field: 'mentorId', message }] });

/**
 * Asks a mentor. One open request per mentee and mentor, at most 3 open per mentee (409 CONFLICT), none while I already
 * have an active relationship of that kind or with that mentor (409), and 409 MENTOR_FULL when the mentor has no free
 * seat. The mentee's row is locked, so two concurrent requests cannot both pass the limits. The mentor is notified.
 */
export async function createRequest(deps: AppDeps, actor: Actor, body: CreateMentorRequestRequest): Promise<MentorRequest> {
  if (body.mentorId === actor.personId) throw mentorField('You cannot ask yourself.');
  const id = await deps.events.transaction(deps.db, async (tx, emit) => {
    const seats = await repo.lockMentorSeats(tx, actor.orgId, [body.mentorId]);
    const mentor = seats.get(body.mentorId);
    const [mentorPerson] = await repo.selectEmails(tx, actor.orgId, [body.mentorId]);
    if (!mentor || !mentor.active || !mentorPerson) throw mentorField('Not an active mentor of this organization.');
    await repo.lockPeople(tx, actor.orgId, [actor.personId]);
    const open = await selfserveRepo.selectOpenRequestsOf(tx, actor.orgId, actor.personId);
    if (open.some((o) => o.mentorId === body.mentorId)) throw new AppError('CONFLICT', `You already have an open request to ${mentorPerson.name}.`);
    if (open.length >= MENTORING_LIMITS.openRequestsPerMentee) {
      throw new AppError('CONFLICT', `You have ${open.length} open requests, the most at once. Withdraw one or wait for an answer.`);
    }
    const active = await selfserveRepo.selectActiveRelationshipsOf(tx, actor.personId);
    if (active.some((a) => a.mentorId === body.mentorId)) throw new AppError('CONFLICT', `${mentorPerson.name} already works with you.`);
    if (active.some((a) => a.kind === body.kind)) throw new AppError('CONFLICT', `You already have an active ${body.kind} relationship. Close it before asking someone else.`);
    if (mentor.taken >= mentor.capacity) throw new AppError('MENTOR_FULL', `${mentorPerson.name} has no free seat right now.`);
    const row = await selfserveRepo
      .insertRequest(tx, { orgId: actor.orgId, menteeId: actor.personId, mentorId: body.mentorId, kind: body.kind, message: body.message })
      .catch((err) => {
        if (isUniqueViolation(err)) throw new AppError('CONFLICT', `You already have an open request to ${mentorPerson.name}.`);
        throw err;
      });
    const [me] = await repo.selectEmails(tx, actor.orgId, [actor.personId]);
    emit({
      type: 'mentoring.requested',
      orgId: actor.orgId,
      payload: {
        requestId: row.id,
        recipientIds: [body.mentorId],
        actorId: actor.personId,
        title: `${me?.name ?? 'Someone'} asked you to be their ${body.kind === 'coaching' ? 'coach' : 'mentor'}`,
        url: '/mentoring/requests',
        subject: { requestId: row.id },
      },
    });
    return row.id;
  });
  return loadRequest(deps.db, actor, id);
}

/** Locks an open request the actor answers as `side`; 404 for strangers, 403 for the wrong side, 409 when no longer open. */
async function lockOpen(tx: DbOrTx, actor: Actor, id: string, side: 'mentor' | 'mentee') {
  const r = await selfserveRepo.lockRequest(tx, actor.orgId, id);
  if (!r || (r.mentorId !== actor.personId && r.menteeId !== actor.personId)) throw notFound('That mentoring request');
  if ((side === 'mentor' ? r.mentorId : r.menteeId) !== actor.personId) {
    throw new AppError('FORBIDDEN', side === 'mentor' ? 'Only the mentor asked can answer this request.' : 'Only the mentee can withdraw this request.');
  }
  if (r.status !== 'open') throw new AppError('CONFLICT', `This request is already ${r.status}.`);
  return r;
}

/**
 * The mentor accepts: creates the relationship (source request) with the engine's score and explanation. The mentor's
 * profile row is locked first, then the mentee's person row, then the request, so two accepts for the last seat, or two mentors
 * accepting the same mentee, serialize: exactly one wins, the other gets 409 (MENTOR_FULL or CONFLICT). The mentee's
 * other open requests of the same kind are withdrawn; the mentee is notified.
 */
export async function acceptRequest(deps: AppDeps, actor: Actor, id: string, body: RespondToMentorRequestRequest): Promise<MentorRequest> {
  await deps.events.transaction(deps.db, async (tx, emit) => {
    // Lock order everywhere: mentor profile, then mentee person row, then request rows (accepting withdraws the
    // mentee's other open requests, so the request must not be locked before the mentee, or two accepts deadlock).
    const seats = await repo.lockMentorSeats(tx, actor.orgId, [actor.personId]);
    const peek = await selfserveRepo.selectRequest(tx, actor.orgId, id);
    if (peek) await repo.lockPeople(tx, actor.orgId, [peek.menteeId]);
    const r = await lockOpen(tx, actor, id, 'mentor');
    const seat = seats.get(actor.personId);
    if (!seat || !seat.active || seat.taken >= seat.capacity) throw new AppError('MENTOR_FULL', 'You have no free seat. Raise your capacity or close a relationship first.');
    const active = await selfserveRepo.selectActiveRelationshipsOf(tx, r.menteeId);
    if (active.some((a) => a.kind === r.kind || a.mentorId === r.mentorId)) throw new AppError('CONFLICT', `This person already has an active ${r.kind} relationship.`);
    const [mentee] = await repo.selectMenteesByIds(tx, actor.orgId, [r.menteeId]);
    const mentor = (await repo.selectMentorPool(tx, actor.orgId)).find((m) => m.id === actor.personId);
    const s = mentee && mentor ? scorePair(mentee, mentor) : undefined;
    const [matchId] = await repo
      .insertMatches(tx, [
        { orgId: actor.orgId, mentorId: r.mentorId, menteeId: r.menteeId, score: s?.ok ? s.score : 0, explanation: s?.ok ? s.explanation : [], status: 'active', source: 'request', kind: r.kind },
      ])
      .catch((err) => {
        if (isUniqueViolation(err)) throw new AppError('CONFLICT', 'You already work with this person.');
        throw err;
      });
    const now = new Date();
    await selfserveRepo.updateRequest(tx, r.id, { status: 'accepted', matchId, respondedAt: now, responseMessage: body.message || null });
    for (const o of await selfserveRepo.selectOpenRequestsOf(tx, actor.orgId, r.menteeId)) {
      if (o.kind === r.kind) await selfserveRepo.updateRequest(tx, o.id, { status: 'withdrawn', respondedAt: now, responseMessage: 'The mentee found a partner.' });
    }
    const [me] = await repo.selectEmails(tx, actor.orgId, [actor.personId]);
    emit({
      type: 'mentoring.matched',
      orgId: actor.orgId,
      payload: {
        mentorId: r.mentorId,
        menteeId: r.menteeId,
        matchId,
        recipientIds: [r.menteeId, r.mentorId],
        actorId: actor.personId,
        title: `${me?.name ?? 'Your mentor'} accepted your ${r.kind} request`,
        url: `/mentoring/relationships/${matchId}`,
        subject: { matchId },
      },
    });
  });
  return loadRequest(deps.db, actor, id);
}

/** The mentor declines (the mentee is notified). */
export async function declineRequest(deps: AppDeps, actor: Actor, id: string, body: RespondToMentorRequestRequest): Promise<MentorRequest> {
  await deps.events.transaction(deps.db, async (tx, emit) => {
    const r = await lockOpen(tx, actor, id, 'mentor');
    await selfserveRepo.updateRequest(tx, r.id, { status: 'declined', respondedAt: new Date(), responseMessage: body.message || null });
    const [me] = await repo.selectEmails(tx, actor.orgId, [actor.personId]);
    emit({
      type: 'mentoring.request_declined',
      orgId: actor.orgId,
      payload: { requestId: r.id, recipientIds: [r.menteeId], actorId: actor.personId, title: `${me?.name ?? 'The mentor'} declined your ${r.kind} request`, url: '/mentoring/requests', subject: { requestId: r.id } },
    });
  });
  return loadRequest(deps.db, actor, id);
}

/** The mentee withdraws an open request. */
export async function withdrawRequest(deps: AppDeps, actor: Actor, id: string): Promise<MentorRequest> {
  await deps.events.transaction(deps.db, async (tx) => {
    const r = await lockOpen(tx, actor, id, 'mentee');
    await selfserveRepo.updateRequest(tx, r.id, { status: 'withdrawn', respondedAt: new Date() });
  });
  return loadRequest(deps.db, actor, id);
}
