import type {
  CreateMatchRunRequest,
  MatchFactor,
  MatchRun,
  MatchRunAssignment,
  MatchRunUnmatched,
  MenteeProfile,
  MentoringMatchList,
  MentoringPreferences,
  MentoringProfileResponse,
  MentoringSkill,
  MentorProfile,
  UpdateMentoringProfileRequest,
} from '../../../../contracts/index.ts';
import { type MenteeProfile as EngineMentee, type MentorProfile as EngineMentor, matchMentors, type PinnedPair } from '../../../../engine/matching/index.ts';
import type { Actor } from '../../kernel/auth/sessions.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import type { DbOrTx } from '../../kernel/db/database.ts';
import { AppError, notFound } from '../../kernel/errors.ts';
import { toIso } from '../../kernel/time.ts';
import * as policy from './mentoring.policy.ts';
import * as repo from './mentoring.repo.ts';

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

/** The signed-in person's mentor and mentee profiles. */
export async function getMyProfile(db: DbOrTx, actor: Actor): Promise<MentoringProfileResponse> {
  const [mentor, mentee] = await Promise.all([repo.selectMentorProfile(db, actor.orgId, actor.personId), repo.selectMenteeProfile(db, actor.orgId, actor.personId)]);
  return { mentor: mentor ? presentMentor(mentor) : null, mentee: mentee ? presentMentee(mentee) : null, expertAvailable: true };
}

/** Replaces (or with null removes) the signed-in person's profiles in one transaction; omitted sides stay. */
export async function updateMyProfile(deps: AppDeps, actor: Actor, body: UpdateMentoringProfileRequest): Promise<MentoringProfileResponse> {
  await deps.events.transaction(deps.db, async (tx) => {
    const who = { personId: actor.personId, orgId: actor.orgId };
    if (body.mentor === null) await repo.deleteMentorProfile(tx, actor.orgId, actor.personId);
    else if (body.mentor) await repo.upsertMentorProfile(tx, { ...who, ...body.mentor });
    if (body.mentee === null) await repo.deleteMenteeProfile(tx, actor.orgId, actor.personId);
    else if (body.mentee) await repo.upsertMenteeProfile(tx, { ...who, ...body.mentee });
  });
  return getMyProfile(deps.db, actor);
}

/** Current UTC offset in hours of an IANA time zone (undefined when unknown). */
function offsetHours(timeZone: string | null, at = new Date()): number | undefined {
  if (!timeZone) return undefined;
  try {
    const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
    const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
    return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) + Number(m[3]) / 60) : 0;
  } catch {
    return undefined;
  }
}

const ref = (p: repo.PoolPerson) => ({ id: p.id, name: p.name, title: p.title });

/**
 * Runs the engine over the organization's active profiles and stores the preview. Mentees who already have an active
 * mentor are left out; mentors' capacity is what their active matches leave. Never pairs a mentee with their own manager
 * or one of their direct reports, and honours each side's hard preferences (see mentoring.policy.ts).
 */
export async function createRun(deps: AppDeps, actor: Actor, body: CreateMatchRunRequest): Promise<MatchRun> {
  if (!policy.canRunMatching(actor)) throw forbidden();
  const [mentorRows, menteeRows] = await Promise.all([repo.selectMentorPool(deps.db, actor.orgId), repo.selectMenteePool(deps.db, actor.orgId)]);
  const mentors: EngineMentor[] = mentorRows.map((m) => ({
    id: m.id,
    department: m.department ?? undefined,
    team: m.team ?? undefined,
    managerId: m.managerId ?? undefined,
    seniority: m.seniority ?? undefined,
    timezone: offsetHours(m.timeZone),
    skillsHave: m.skills as MentoringSkill[],
    topics: m.topics as string[],
    capacity: Math.max(0, m.capacity - m.taken),
  }));
  const mentees: EngineMentee[] = menteeRows.map((m) => {
    const prefs = m.preferences as MentoringPreferences;
    return {
      id: m.id,
      department: m.department ?? undefined,
      team: m.team ?? undefined,
      managerId: m.managerId ?? undefined,
      seniority: m.seniority ?? undefined,
      timezone: offsetHours(m.timeZone),
      skillsWant: m.skills as MentoringSkill[],
      goals: m.goals as string[],
      ...(prefs.otherDepartment !== undefined ? { preferOtherDepartment: prefs.otherDepartment } : {}),
      ...(prefs.seniorityGap ? { seniorityGap: prefs.seniorityGap } : {}),
    };
  });
  const forbiddenPairs: PinnedPair[] = [];
  for (const e of menteeRows) {
    const ePrefs = e.preferences as MentoringPreferences;
    for (const r of mentorRows) {
      const directReport = r.managerId === e.id; // the mentor reports to the mentee
      const ruledOut = policy.mentorRulesOut(
        { department: r.department, location: r.location, seniority: r.seniority, prefs: r.preferences as MentoringPreferences },
        { department: e.department, location: e.location, seniority: e.seniority, sameLocation: ePrefs.sameLocation },
      );
      if (directReport || ruledOut) forbiddenPairs.push({ mentee: e.id, mentor: r.id });
    }
  }
  const result = matchMentors({ mentees, mentors }, { mode: body.mode, forbiddenPairs, explainTop: 3 });
  const byId = new Map([...mentorRows, ...menteeRows].map((p) => [p.id, p]));
  const assignments: MatchRunAssignment[] = result.assignments.map((a) => ({
    mentor: ref(byId.get(a.mentor)!),
    mentee: ref(byId.get(a.mentee)!),
    score: a.score,
    explanation: (a.explanation ?? []) as MatchFactor[],
    edited: false,
  }));
  const unmatched: MatchRunUnmatched[] = result.unmatched.filter((u) => byId.has(u.mentee)).map((u) => ({ person: ref(byId.get(u.mentee)!), reason: u.reason, detail: u.detail ?? null }));
  const preview = { assignments, unmatched, total: result.total, worstOffScore: result.minScore };
  const run = await repo.insertRun(deps.db, { orgId: actor.orgId, mode: body.mode, result: preview, createdBy: actor.personId });
  return presentRun(run);
}

type StoredPreview = Pick<MatchRun, 'assignments' | 'unmatched' | 'total' | 'worstOffScore'>;

function presentRun(r: repo.RunRow): MatchRun {
  const p = r.result as StoredPreview;
  return {
    id: r.id,
    mode: r.mode as MatchRun['mode'],
    status: r.status as MatchRun['status'],
    ...p,
    createdAt: toIso(r.createdAt),
    publishedAt: r.publishedAt ? toIso(r.publishedAt) : null,
    createdBy: null,
    abilities: { canEdit: r.status === 'preview', canPublish: r.status === 'preview' },
  };
}

/**
 * Publishes exactly the previewed pairs as active matches and emits `mentoring.matched` per pair. 409 when the run is
 * already published or a mentee got a mentor since the preview (run again then); nothing is written in either case.
 */
export async function publishRun(deps: AppDeps, actor: Actor, id: string): Promise<MatchRun> {
  if (!policy.canRunMatching(actor)) throw forbidden();
  const run = await deps.events.transaction(deps.db, async (tx, emit) => {
    const r = await repo.lockRun(tx, actor.orgId, id);
    if (!r) throw notFound('That matching run');
    if (r.status !== 'preview') throw new AppError('CONFLICT', 'This matching run is already published.');
    const preview = r.result as StoredPreview;
    const taken = await repo.selectMatchedMentees(tx, preview.assignments.map((a) => a.mentee.id));
    if (taken.length > 0) throw new AppError('CONFLICT', 'Some mentees got a mentor since this preview. Run matching again.');
    const ids = await repo.insertMatches(
      tx,
      preview.assignments.map((a) => ({ orgId: actor.orgId, mentorId: a.mentor.id, menteeId: a.mentee.id, score: a.score, explanation: a.explanation, status: 'active', source: 'program', runId: r.id })),
    );
    const at = new Date();
    await repo.markRunPublished(tx, r.id, at);
    preview.assignments.forEach((a, i) => emit({ type: 'mentoring.matched', orgId: actor.orgId, payload: { mentorId: a.mentor.id, menteeId: a.mentee.id, matchId: ids[i] } }));
    return { ...r, status: 'published', publishedAt: at };
  });
  return presentRun(run);
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
      kind: 'mentoring',
      createdAt: toIso(r.createdAt),
    })),
  };
}
