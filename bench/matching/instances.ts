// Seeded benchmark instances: uniform scores, "popular mentors" (0.6·popularity + 0.4·individual fit,
// popularity = rnd²), and a realistic profile model scored by the engine's compatibility function.

import type { MenteeProfile, MentorProfile, ScoreMatrix } from '../../engine/matching/index.ts';
import { scoreMatrixFromProfiles } from '../../engine/matching/index.ts';

/** Deterministic PRNG (mulberry32) so every run and every child process sees the same instance. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Uniform integer scores 0–1000. */
export function uniform(n: number, m: number, cap: number, seed: number): ScoreMatrix {
  const r = rng(seed);
  const scores = new Int32Array(n * m);
  for (let k = 0; k < n * m; k++) scores[k] = Math.floor(r() * 1001);
  return { n, m, scores, capacities: new Int32Array(m).fill(cap) };
}

/** Popular mentors: everyone agrees who the best mentors are, so capacity binds. */
export function popular(n: number, m: number, cap: number, seed: number): ScoreMatrix {
  const r = rng(seed);
  const pop = Float64Array.from({ length: m }, () => r() ** 2);
  const scores = new Int32Array(n * m);
  for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) scores[i * m + j] = Math.round(1000 * (0.6 * pop[j] + 0.4 * r()));
  return { n, m, scores, capacities: new Int32Array(m).fill(cap) };
}

const DEPTS = ['eng', 'sales', 'marketing', 'finance', 'hr', 'ops', 'product', 'legal'];
const SKILLS = Array.from({ length: 40 }, (_, k) => `skill${k}`);
const GOALS = ['leadership', 'career-change', 'promotion', 'public-speaking', 'technical-depth', 'management', 'networking', 'work-life', 'strategy', 'negotiation', 'writing', 'coaching'];
const SLOTS = ['mon-am', 'mon-pm', 'tue-am', 'tue-pm', 'wed-am', 'wed-pm', 'thu-am', 'thu-pm', 'fri-am', 'fri-pm'];
const TZ = [-8, -5, -5, 0, 0, 1, 1, 1, 2, 5.5, 8, 9];

function pick<T>(r: () => number, xs: T[], k: number): T[] {
  const out = new Set<T>();
  while (out.size < Math.min(k, xs.length)) out.add(xs[Math.floor(r() * xs.length)]);
  return [...out];
}

/** Realistic profiles: departments, teams, skills with levels, goals, seniority, time zones, availability. */
export function profiles(n: number, m: number, cap: number, seed: number, idPrefix = ''): { mentees: MenteeProfile[]; mentors: MentorProfile[] } {
  const r = rng(seed);
  const person = (id: string) => {
    const department = DEPTS[Math.floor(r() * DEPTS.length)];
    return {
      id,
      department,
      team: `${department}-${Math.floor(r() * 5)}`,
      timezone: TZ[Math.floor(r() * TZ.length)],
      availability: pick(r, SLOTS, 2 + Math.floor(r() * 4)),
    };
  };
  const mentors: MentorProfile[] = Array.from({ length: m }, (_, j) => ({
    ...person(`${idPrefix}r${j}`),
    seniority: 3 + Math.floor(r() * 6),
    skillsHave: pick(r, SKILLS, 3 + Math.floor(r() * 5)).map((skill) => ({ skill, level: 2 + Math.floor(r() * 4) })),
    topics: pick(r, GOALS, 2 + Math.floor(r() * 3)),
    capacity: cap,
  }));
  const mentees: MenteeProfile[] = Array.from({ length: n }, (_, i) => ({
    ...person(`${idPrefix}e${i}`),
    seniority: 1 + Math.floor(r() * 5),
    skillsWant: pick(r, SKILLS, 1 + Math.floor(r() * 3)).map((skill) => ({ skill, level: 2 + Math.floor(r() * 4) })),
    goals: pick(r, GOALS, 1 + Math.floor(r() * 3)),
    managerId: r() < 0.3 ? `${idPrefix}r${Math.floor(r() * m)}` : undefined,
  }));
  return { mentees, mentors };
}

/** The realistic model as a score matrix (time-zone minimum 3 shared hours makes ~20% of pairs infeasible). */
export const REALISTIC_OPTIONS = { minOverlapHours: 3, forbidSameTeam: true };

/** Realistic profiles scored into a matrix. */
export function realistic(n: number, m: number, cap: number, seed: number): ScoreMatrix {
  return scoreMatrixFromProfiles(profiles(n, m, cap, seed), REALISTIC_OPTIONS);
}

/** Builds any named instance. */
export function build(name: string): ScoreMatrix {
  switch (name) {
    case 'uniform-2000x500':
      return uniform(2000, 500, 4, 1);
    case 'popular-2000x500':
      return popular(2000, 500, 4, 2);
    case 'realistic-2000x500':
      return realistic(2000, 500, 4, 3);
    case 'undersupplied-2000x400':
      // Fewer slots (1,600) than mentees and ~20% infeasible pairs: optimal vs participation diverge.
      return realistic(2000, 400, 4, 6);
    case 'uniform-10000x2500':
      return uniform(10000, 2500, 4, 4);
    case 'popular-10000x2500':
      return popular(10000, 2500, 4, 5);
    default:
      throw new Error(`unknown instance ${name}`);
  }
}
