import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bruteForce } from './brute-force.test-helper.ts';
import { matchMentors, matchScoreMatrix, rematchMentors, rematchScoreMatrix, type MenteeProfile, type MentorProfile } from './index.ts';
import { FORBIDDEN } from './score-graph.ts';

function randomMatrix(seed: number, n: number, m: number, cap: number) {
  let a = seed;
  const r = () => {
    a = (Math.imul(a, 1103515245) + 12345) >>> 0;
    return a / 4294967296;
  };
  const scores = Int32Array.from({ length: n * m }, () => Math.floor(r() * 1001));
  return { n, m, scores, capacities: new Int32Array(m).fill(cap), r };
}

describe('rematch', () => {
  it('keeps every surviving pair after joins and leaves; only forced pairs change', () => {
    const base = randomMatrix(3, 250, 60, 4);
    const n0 = 200;
    const before = matchScoreMatrix({ ...base, n: n0, scores: base.scores.subarray(0, n0 * 60) });
    const caps = Int32Array.from(base.capacities);
    for (const j of [1, 7, 30]) caps[j] = 0; // three mentors leave
    const previous = new Int32Array(base.n).fill(-1);
    previous.set(before.mentorOf);
    const res = rematchScoreMatrix({ ...base, capacities: caps }, previous);
    let forced = 0;
    for (let i = 0; i < n0; i++) {
      const j = before.mentorOf[i];
      if (j < 0) continue;
      if (caps[j] === 0) forced++;
      else expect(res.mentorOf[i]).toBe(j);
    }
    expect(res.changes.changed).toBe(forced);
    const load = new Int32Array(60);
    for (const j of res.mentorOf) if (j >= 0) load[j]++;
    for (let j = 0; j < 60; j++) expect(load[j]).toBeLessThanOrEqual(caps[j]);
  });

  it('fills the freed capacity optimally (brute force on the residual problem)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), (seed) => {
        const { scores, capacities, r } = randomMatrix(seed, 6, 3, 2);
        const n = 6;
        const m = 3;
        const previous = Int32Array.from({ length: n }, () => (r() < 0.5 ? Math.floor(r() * m) : -1));
        // Previous pairs may over-fill a mentor; rematch keeps the best-scoring ones.
        const res = rematchScoreMatrix({ n, m, scores, capacities }, previous);
        const kept = new Int32Array(m);
        const fixed = new Set<number>();
        for (let i = 0; i < n; i++) {
          if (previous[i] >= 0 && res.mentorOf[i] === previous[i]) {
            kept[previous[i]]++;
            fixed.add(i);
          }
        }
        const rows = [...Array(n).keys()].filter((i) => !fixed.has(i));
        const S = rows.flatMap((i) => [...Array(m).keys()].map((j) => scores[i * m + j]));
        const caps = [...Array(m).keys()].map((j) => capacities[j] - kept[j]);
        let got = 0;
        for (const i of rows) if (res.mentorOf[i] >= 0) got += scores[i * m + res.mentorOf[i]];
        expect(got).toBe(bruteForce(rows.length, m, S, caps).total);
        // Surviving previous pairs are kept up to capacity.
        for (let j = 0; j < m; j++) {
          const wanted = [...previous].filter((x) => x === j).length;
          expect(kept[j]).toBe(Math.min(wanted, capacities[j]));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('with a keep bonus solves exactly, trading changes against score', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), fc.integer({ min: 0, max: 400 }), (seed, bonus) => {
        const { scores, capacities, r } = randomMatrix(seed, 5, 3, 2);
        const previous = Int32Array.from({ length: 5 }, () => (r() < 0.6 ? Math.floor(r() * 3) : -1));
        const res = rematchScoreMatrix({ n: 5, m: 3, scores, capacities }, previous, { keepBonus: bonus });
        const S = Array.from(scores, (s, k) => (previous[Math.floor(k / 3)] === k % 3 ? s + bonus : s));
        let got = 0;
        res.mentorOf.forEach((j, i) => {
          if (j >= 0) got += S[i * 3 + j];
        });
        expect(got).toBe(bruteForce(5, 3, S, capacities).total);
      }),
      { numRuns: 150 },
    );
  });

  it('in participation mode moves an existing mentee when that is the only way to place a newcomer', () => {
    // Mentee 0 sits with mentor 0; newcomer 1 can only use mentor 0; mentee 0 could also use mentor 1.
    const scores = Int32Array.from([9, 5, 7, FORBIDDEN]);
    const capacities = Int32Array.from([1, 1]);
    const keep = rematchScoreMatrix({ n: 2, m: 2, scores, capacities }, Int32Array.from([0, -1]));
    expect(Array.from(keep.mentorOf)).toEqual([0, -1]);
    const part = rematchScoreMatrix({ n: 2, m: 2, scores, capacities }, Int32Array.from([0, -1]), { mode: 'participation' });
    expect(Array.from(part.mentorOf)).toEqual([1, 0]);
    expect(part.changes.changed).toBe(1);
  });

  it('re-matches profiles by id and counts departures as changed pairs', () => {
    const mentors: MentorProfile[] = ['x', 'y', 'z'].map((id) => ({ id, capacity: 2, skillsHave: [{ skill: 'sql', level: 4 }] }));
    const mentees: MenteeProfile[] = ['a', 'b', 'c', 'd'].map((id) => ({ id, skillsWant: [{ skill: 'sql', level: 3 }] }));
    const first = matchMentors({ mentees, mentors });
    const gone = first.assignments[0].mentor;
    const next = rematchMentors(first.assignments, {
      mentees: [...mentees, { id: 'e', skillsWant: [{ skill: 'sql', level: 3 }] }],
      mentors: mentors.filter((m) => m.id !== gone),
    });
    const lost = first.assignments.filter((a) => a.mentor === gone).length;
    expect(next.changes?.changed).toBe(lost);
    for (const a of first.assignments.filter((p) => p.mentor !== gone)) {
      expect(next.assignments).toContainEqual(expect.objectContaining({ mentee: a.mentee, mentor: a.mentor }));
    }
    expect(next.assignments).toHaveLength(4);
    void FORBIDDEN;
  });
});
