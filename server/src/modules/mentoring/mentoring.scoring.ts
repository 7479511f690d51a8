import type { MatchFactor, MentoringPreferences, MentoringSkill } from '../../../../contracts/index.ts';
import { type MenteeProfile as EngineMentee, type MentorProfile as EngineMentor, MatchingError, matchMentors, type PinnedPair } from '../../../../engine/matching/index.ts';
import * as policy from './mentoring.policy.ts';
import type { MenteePoolRow, MentorPoolRow } from './mentoring.repo.ts';

/** Current UTC offset in hours of an IANA time zone (undefined when unknown). */
export function offsetHours(timeZone: string | null, at = new Date()): number | undefined {
  if (!timeZone) return undefined;
  try {
    const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
    const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
    return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) + Number(m[3]) / 60) : 0;
  } catch {
    return undefined;
  }
}

/** A pool mentor as the engine sees it; capacity is what active relationships leave free. */
export function engineMentor(m: MentorPoolRow): EngineMentor {
  return {
    id: m.id,
    department: m.department ?? undefined,
    team: m.team ?? undefined,
    managerId: m.managerId ?? undefined,
    seniority: m.seniority ?? undefined,
    timezone: offsetHours(m.timeZone),
    skillsHave: m.skills as MentoringSkill[],
    topics: m.topics as string[],
    capacity: Math.max(0, m.capacity - m.taken),
  };
}

/** A pool mentee as the engine sees it. */
export function engineMentee(m: MenteePoolRow): EngineMentee {
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
}

/** Whether the mentor may never be paired with the mentee: they report to the mentee, or a side's hard preference rules it out. */
export function isForbiddenPair(e: MenteePoolRow, r: MentorPoolRow): boolean {
  const ePrefs = e.preferences as MentoringPreferences;
  const directReport = r.managerId === e.id; // the mentor reports to the mentee
  const ruledOut = policy.mentorRulesOut(
    { department: r.department, location: r.location, seniority: r.seniority, prefs: r.preferences as MentoringPreferences },
    { department: e.department, location: e.location, seniority: e.seniority, sameLocation: ePrefs.sameLocation },
  );
  return directReport || ruledOut;
}

/** Forbidden pairs of a pool (beyond the engine's own: self, own manager, time-zone minimum). */
export function forbiddenPairsOf(mentees: MenteePoolRow[], mentors: MentorPoolRow[]): PinnedPair[] {
  const out: PinnedPair[] = [];
  for (const e of mentees) for (const r of mentors) if (isForbiddenPair(e, r)) out.push({ mentee: e.id, mentor: r.id });
  return out;
}

/** Human names of the engine's hard constraints. */
const CONSTRAINT_TEXT: Record<string, string> = {
  SELF: 'a person cannot mentor themselves',
  OWN_MANAGER: "the mentor is the mentee's own manager",
  SAME_TEAM: 'mentor and mentee are in the same team',
  FORBIDDEN_PAIR: "the pair is forbidden (the mentor reports to the mentee, or a side's preferences rule it out)",
  TIMEZONE: 'their working hours overlap less than the minimum of 2 hours',
};

/** Score and explanation of one pair, or the hard rule it breaks (capacity is the caller's business). */
export function scorePair(e: MenteePoolRow, r: MentorPoolRow): { ok: true; score: number; explanation: MatchFactor[] } | { ok: false; rule: string; message: string } {
  if (isForbiddenPair(e, r)) return { ok: false, rule: 'FORBIDDEN_PAIR', message: CONSTRAINT_TEXT.FORBIDDEN_PAIR };
  try {
    const result = matchMentors(
      { mentees: [engineMentee(e)], mentors: [{ ...engineMentor(r), capacity: 1 }] },
      { mode: 'participation', pinnedPairs: [{ mentee: e.id, mentor: r.id }], explainTop: 3 },
    );
    const a = result.assignments[0];
    return { ok: true, score: a.score, explanation: (a.explanation ?? []) as MatchFactor[] };
  } catch (err) {
    if (err instanceof MatchingError && err.code === 'INFEASIBLE_CONSTRAINT') {
      const rule = String(err.detail.constraint ?? 'CONSTRAINT');
      return { ok: false, rule, message: CONSTRAINT_TEXT[rule] ?? `breaks the rule ${rule}` };
    }
    throw err;
  }
}

/**
 * The capacity rule of self-serve suggestions (pure). Every allowed pair (score ≥ 0) is considered once, best score
 * first (ties: mentee id, then mentor id); a pair is shown when its mentee still has fewer than `perMentee` suggestions
 * and its mentor is shown to fewer than `perSeat × free seats` mentees. So a mentor with c free seats is visible to at
 * most perSeat·c mentees at a time, namely those for whom the pair scores best; a mentor without a free seat never shows.
 * Returns, per mentee index, the mentor indexes shown, best first.
 */
export function allocateSuggestions(
  scores: ArrayLike<number>,
  n: number,
  m: number,
  freeSeats: ArrayLike<number>,
  perMentee: number,
  perSeat: number,
  menteeIds: string[],
  mentorIds: string[],
): number[][] {
  const pairs: number[] = [];
  for (let j = 0; j < m; j++) {
    if (freeSeats[j] <= 0) continue;
    for (let i = 0; i < n; i++) if (scores[i * m + j] >= 0) pairs.push(i * m + j);
  }
  pairs.sort((a, b) => scores[b] - scores[a] || (menteeIds[Math.floor(a / m)] < menteeIds[Math.floor(b / m)] ? -1 : menteeIds[Math.floor(a / m)] > menteeIds[Math.floor(b / m)] ? 1 : mentorIds[a % m] < mentorIds[b % m] ? -1 : 1));
  const shown: number[][] = Array.from({ length: n }, () => []);
  const exposure = new Int32Array(m);
  for (const p of pairs) {
    const i = Math.floor(p / m);
    const j = p % m;
    if (shown[i].length >= perMentee || exposure[j] >= perSeat * freeSeats[j]) continue;
    shown[i].push(j);
    exposure[j]++;
  }
  return shown;
}
