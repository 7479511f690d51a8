import type {
  CreateMatchRunRequest,
  EditMatchRunRequest,
  MatchFactor,
  MatchRun,
  MatchRunAssignment,
  MatchRunList,
  MatchRunUnmatched,
  MenteeProfile,
  MentoringMatchList,
  MentoringPreferences,
  MentoringProfileResponse,
  MentoringSkill,
  MentorProfile,
  UpdateMentoringProfileRequest,
} from '../../../../contracts/index.ts';
import { matchMentors } from '../../../../engine/matching/index.ts';
import type { Actor } from '../../kernel/auth/sessions.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import type { DbOrTx } from '../../kernel/db/database.ts';
import { AppError, type FieldError, notFound } from '../../kernel/errors.ts';
import { toIso } from '../../kernel/time.ts';
import * as policy from './mentoring.policy.ts';
import * as repo from './mentoring.repo.ts';
import * as expertsRepo from './mentoring.experts.repo.ts';
import { engineMentee, engineMentor, forbiddenPairsOf, scorePair } from './mentoring.scoring.ts';

const forbidden = () => new AppError('FORBIDDEN', 'Only organization admins and facilitators run mentoring matching.');

function presentMentor(r: repo.MentorRow): MentorProfile {
  return {
    skills: r.skills as MentoringSkill[],
    topics: r.topics as string[],
    capacity: r.capacity,
    availabilityHours: r.availabilityHours,
    seniority: r.seniority,
    preferences: r.preferences as MentoringPreferences,
    active: r.active,
  };
}

function presentMentee(r: repo.MenteeRow): MenteeProfile {
  return { goals: r.goals as string[], skills: r.skills as MentoringSkill[], seniority: r.seniority, preferences: r.preferences as MentoringPreferences, active: r.active };
}

/** The signed-in person's mentor and mentee profiles and whether they take expert questions. */
export async function getMyProfile(db: DbOrTx, actor: Actor): Promise<MentoringProfileResponse> {
  const [mentor, mentee, expertAvailable] = await Promise.all([
    repo.selectMentorProfile(db, actor.orgId, actor.personId),
    repo.selectMenteeProfile(db, actor.orgId, actor.personId),
    expertsRepo.selectExpertAvailable(db, actor.personId),
  ]);
  return { mentor: mentor ? presentMentor(mentor) : null, mentee: mentee ? presentMentee(mentee) : null, expertAvailable };
}

/** Replaces (or with null removes) the signed-in person's profiles in one transaction; omitted sides stay. */
export async function updateMyProfile(deps: AppDeps, actor: Actor, body: UpdateMentoringProfileRequest): Promise<MentoringProfileResponse> {
  await deps.events.transaction(deps.db, async (tx) => {
    const who = { personId: actor.personId, orgId: actor.orgId };
    if (body.mentor === null) await repo.deleteMentorProfile(tx, actor.orgId, actor.personId);
    else if (body.mentor) await repo.upsertMentorProfile(tx, { ...who, ...body.mentor });
    if (body.mentee === null) await repo.deleteMenteeProfile(tx, actor.orgId, actor.personId);
    else if (body.mentee) await repo.upsertMenteeProfile(tx, { ...who, ...body.mentee });
    if (body.expertAvailable !== undefined) await expertsRepo.setExpertAvailable(tx, actor.orgId, actor.personId, body.expertAvailable);
  });
  return getMyProfile(deps.db, actor);
}

const ref = (p: repo.PoolPerson) => ({ id: p.id, name: p.name, title: p.title });

type StoredPreview = Pick<MatchRun, 'assignments' | 'unmatched' | 'total' | 'worstOffScore'>;

function summarize(assignments: MatchRunAssignment[]): { total: number; worstOffScore: number | null } {
  return { total: assignments.reduce((s, a) => s + a.score, 0), worstOffScore: assignments.length ? Math.min(...assignments.map((a) => a.score)) : null };
}

function presentRun(r: repo.RunWithCreator): MatchRun {
  const p = r.result as StoredPreview;
  return {
    id: r.id,
    mode: r.mode as MatchRun['mode'],
    status: r.status as MatchRun['status'],
    assignments: p.assignments.map((a) => ({ ...a, edited: a.edited ?? false })),
    unmatched: p.unmatched,
    total: p.total,
    worstOffScore: p.worstOffScore,
    createdAt: toIso(r.createdAt),
    publishedAt: r.publishedAt ? toIso(r.publishedAt) : null,
    createdBy: r.createdBy && r.creatorName ? { id: r.createdBy, name: r.creatorName, title: r.creatorTitle } : null,
    abilities: { canEdit: r.status === 'preview', canPublish: r.status === 'preview' },
  };
}

async function loadRun(db: DbOrTx, orgId: string, id: string): Promise<MatchRun> {
  const r = await repo.selectRun(db, orgId, id);
  if (!r) throw notFound('That matching run');
  return presentRun(r);
}

/**
 * Runs the engine over the organization's active profiles and stores the preview. Mentees who already have an active
 * mentor are left out; mentors' capacity is what their active relationships leave. Never pairs a mentee with their own
 * manager or one of their direct reports, and honours each side's hard preferences (see mentoring.policy.ts).
 */
export async function createRun(deps: AppDeps, actor: Actor, body: CreateMatchRunRequest): Promise<MatchRun> {
  if (!policy.canRunMatching(actor)) throw forbidden();
  const [mentorRows, menteeRows] = await Promise.all([repo.selectMentorPool(deps.db, actor.orgId), repo.selectMenteePool(deps.db, actor.orgId)]);
  const result = matchMentors(
    { mentees: menteeRows.map(engineMentee), mentors: mentorRows.map(engineMentor) },
    { mode: body.mode, forbiddenPairs: forbiddenPairsOf(menteeRows, mentorRows), explainTop: 3 },
  );
  const byId = new Map([...mentorRows, ...menteeRows].map((p) => [p.id, p]));
  const assignments: MatchRunAssignment[] = result.assignments.map((a) => ({
    mentor: ref(byId.get(a.mentor)!),
    mentee: ref(byId.get(a.mentee)!),
    score: a.score,
    explanation: (a.explanation ?? []) as MatchFactor[],
    edited: false,
  }));
  const unmatched: MatchRunUnmatched[] = result.unmatched.filter((u) => byId.has(u.mentee)).map((u) => ({ person: ref(byId.get(u.mentee)!), reason: u.reason, detail: u.detail ?? null }));
  const preview: StoredPreview = { assignments, unmatched, total: result.total, worstOffScore: result.minScore };
  const run = await repo.insertRun(deps.db, { orgId: actor.orgId, mode: body.mode, result: preview, createdBy: actor.personId });
  return loadRun(deps.db, actor.orgId, run.id);
}

/** One run with its preview (admins and facilitators). */
export async function getRun(db: DbOrTx, actor: Actor, id: string): Promise<MatchRun> {
  if (!policy.canRunMatching(actor)) throw notFound('That matching run');
  return loadRun(db, actor.orgId, id);
}

/** The organization's 50 newest runs (admins and facilitators). */
export async function listRuns(db: DbOrTx, actor: Actor): Promise<MatchRunList> {
  if (!policy.canRunMatching(actor)) throw forbidden();
  const rows = await repo.selectRuns(db, actor.orgId);
  return {
    items: rows.map((r) => {
      const run = presentRun(r);
      return {
        id: run.id,
        mode: run.mode,
        status: run.status,
        pairs: run.assignments.length,
        unmatched: run.unmatched.length,
        total: run.total,
        worstOffScore: run.worstOffScore,
        createdBy: run.createdBy,
        createdAt: run.createdAt,
        publishedAt: run.publishedAt,
      };
    }),
  };
}

/**
 * Edits a preview before publishing: each edit gives a mentee of the run another mentor (move or assign) or none
 * (unassign), applied in order, all or nothing. Unknown ids → 400 per item; a mentor without a free seat (capacity minus
 * active relationships minus pairs of this preview), a forbidden pair or too little shared working time → 422 per item.
 * Changed pairs get their score and explanation recomputed by the engine.
 */
export async function editRun(deps: AppDeps, actor: Actor, id: string, body: EditMatchRunRequest): Promise<MatchRun> {
  if (!policy.canRunMatching(actor)) throw forbidden();
  await deps.events.transaction(deps.db, async (tx) => {
    const r = await repo.lockRun(tx, actor.orgId, id);
    if (!r) throw notFound('That matching run');
    if (r.status !== 'preview') throw new AppError('CONFLICT', 'This matching run is already published; it can no longer be edited.');
    const preview = r.result as StoredPreview;
    const inRun = new Set([...preview.assignments.map((a) => a.mentee.id), ...preview.unmatched.map((u) => u.person.id)]);
    const mentors = new Map((await repo.selectMentorPool(tx, actor.orgId)).map((m) => [m.id, m]));
    const unknown: FieldError[] = [];
    body.edits.forEach((e, i) => {
      if (!inRun.has(e.menteeId)) unknown.push({ field: `edits.${i}.menteeId`, message: 'Not a mentee of this matching run.' });
      if (e.mentorId !== null && !mentors.has(e.mentorId)) unknown.push({ field: `edits.${i}.mentorId`, message: 'Not an active mentor of this organization.' });
    });
    if (unknown.length) throw new AppError('VALIDATION_FAILED', `Some edits name unknown people: ${unknown.map((e) => e.field).join(', ')}.`, { errors: unknown });
    const mentees = new Map((await repo.selectMenteesByIds(tx, actor.orgId, body.edits.map((e) => e.menteeId))).map((m) => [m.id, m]));
    const byMentee = new Map(preview.assignments.map((a) => [a.mentee.id, { ...a, edited: a.edited ?? false }]));
    const unmatched = new Map(preview.unmatched.map((u) => [u.person.id, u]));
    const load = new Map<string, number>();
    for (const a of byMentee.values()) load.set(a.mentor.id, (load.get(a.mentor.id) ?? 0) + 1);
    const broken: FieldError[] = [];
    body.edits.forEach((e, i) => {
      const current = byMentee.get(e.menteeId);
      const person = current?.mentee ?? unmatched.get(e.menteeId)?.person;
      if (!person) return;
      if (e.mentorId === null) {
        if (!current) return;
        byMentee.delete(e.menteeId);
        load.set(current.mentor.id, (load.get(current.mentor.id) ?? 1) - 1);
        unmatched.set(e.menteeId, { person, reason: 'UNASSIGNED', detail: 'unassigned by an admin' });
        return;
      }
      if (current?.mentor.id === e.mentorId) return;
      const mentor = mentors.get(e.mentorId)!;
      const mentee = mentees.get(e.menteeId);
      if (!mentee) {
        broken.push({ field: `edits.${i}.menteeId`, message: `${person.name} no longer has a mentee profile.` });
        return;
      }
      const seats = Math.max(0, mentor.capacity - mentor.taken);
      const used = load.get(mentor.id) ?? 0;
      if (used >= seats) {
        broken.push({ field: `edits.${i}.mentorId`, message: `${mentor.name} has no free seat: capacity ${mentor.capacity}, ${mentor.taken} taken by active relationships, ${used} in this preview.` });
        return;
      }
      const s = scorePair(mentee, mentor);
      if (!s.ok) {
        broken.push({ field: `edits.${i}.mentorId`, message: `${mentor.name} cannot mentor ${person.name}: ${s.message} (${s.rule}).` });
        return;
      }
      if (current) load.set(current.mentor.id, (load.get(current.mentor.id) ?? 1) - 1);
      load.set(mentor.id, used + 1);
      byMentee.set(e.menteeId, { mentor: ref(mentor), mentee: ref(mentee), score: s.score, explanation: s.explanation, edited: true });
      unmatched.delete(e.menteeId);
    });
    if (broken.length) throw new AppError('UNPROCESSABLE', `Some edits break a matching rule: ${broken.map((e) => e.message).join(' ')}`, { errors: broken });
    const assignments = [...byMentee.values()].sort((a, b) => (a.mentee.id < b.mentee.id ? -1 : 1));
    await repo.updateRunResult(tx, r.id, { assignments, unmatched: [...unmatched.values()], ...summarize(assignments) } satisfies StoredPreview);
  });
  return loadRun(deps.db, actor.orgId, id);
}

/**
 * Publishes exactly the (possibly edited) preview as active relationships, emits `mentoring.matched` per pair (both
 * people get a notification) and returns the run. 409 when the run is already published, a mentee got a mentor since
 * the preview, or a mentor no longer has the seats; nothing is written in any of these cases. Mentor profiles and
 * mentees are locked in a fixed order, so a concurrent request acceptance cannot take the same seat.
 */
export async function publishRun(deps: AppDeps, actor: Actor, id: string): Promise<MatchRun> {
  if (!policy.canRunMatching(actor)) throw forbidden();
  await deps.events.transaction(deps.db, async (tx, emit) => {
    const r = await repo.lockRun(tx, actor.orgId, id);
    if (!r) throw notFound('That matching run');
    if (r.status !== 'preview') throw new AppError('CONFLICT', 'This matching run is already published.');
    const preview = r.result as StoredPreview;
    const seats = await repo.lockMentorSeats(tx, actor.orgId, preview.assignments.map((a) => a.mentor.id));
    await repo.lockPeople(tx, actor.orgId, preview.assignments.map((a) => a.mentee.id));
    const taken = await repo.selectMatchedMentees(tx, preview.assignments.map((a) => a.mentee.id));
    if (taken.length > 0) throw new AppError('CONFLICT', 'Some mentees got a mentor since this preview. Run matching again.');
    const wanted = new Map<string, number>();
    for (const a of preview.assignments) wanted.set(a.mentor.id, (wanted.get(a.mentor.id) ?? 0) + 1);
    for (const [mentorId, n] of wanted) {
      const s = seats.get(mentorId);
      if (!s || !s.active || s.taken + n > s.capacity) {
        const name = preview.assignments.find((a) => a.mentor.id === mentorId)?.mentor.name ?? 'A mentor';
        throw new AppError('CONFLICT', `${name} no longer has ${n} free seat(s). Edit the preview or run matching again.`);
      }
    }
    const ids = await repo.insertMatches(
      tx,
      preview.assignments.map((a) => ({ orgId: actor.orgId, mentorId: a.mentor.id, menteeId: a.mentee.id, score: a.score, explanation: a.explanation, status: 'active', source: 'program', runId: r.id })),
    );
    await repo.markRunPublished(tx, r.id, new Date());
    preview.assignments.forEach((a, i) =>
      emit({
        type: 'mentoring.matched',
        orgId: actor.orgId,
        payload: {
          mentorId: a.mentor.id,
          menteeId: a.mentee.id,
          matchId: ids[i],
          recipientIds: [a.mentor.id, a.mentee.id],
          actorId: actor.personId,
          title: `Mentoring match: ${a.mentor.name} mentors ${a.mentee.name}`,
          url: `/mentoring/relationships/${ids[i]}`,
          subject: { matchId: ids[i] },
        },
      }),
    );
  });
  return loadRun(deps.db, actor.orgId, id);
}

/** My matches as mentor or mentee, with their explanation. */
export async function findMyMatches(db: DbOrTx, actor: Actor): Promise<MentoringMatchList> {
  const rows = await repo.selectMyMatches(db, actor.orgId, actor.personId);
  return {
    items: rows.map((r) => ({
      id: r.id,
      role: r.mentorId === actor.personId ? 'mentor' : 'mentee',
      mentor: { id: r.mentorId, name: r.mentorName, title: r.mentorTitle },
      mentee: { id: r.menteeId, name: r.menteeName, title: r.menteeTitle },
      score: r.score,
      explanation: r.explanation as MatchFactor[],
      status: r.status,
      source: r.source,
      kind: r.kind,
      createdAt: toIso(r.createdAt),
    })),
  };
}
