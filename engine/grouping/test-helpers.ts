// Test-only helpers: an independent recount of the metrics, written from the definitions in the issue and
// sharing no code with metrics.ts, so a bug in one shows up as a mismatch.
import type { GroupingInput, Schedule } from './types.ts';

/** People "1".."n", optionally cycling through `departments` department names. */
export function anonymousPeople(n: number, departments = 0) {
  return Array.from({ length: n }, (_, i) => ({ id: String(i + 1), ...(departments > 0 ? { department: `d${i % departments}` } : {}) }));
}

/** Repeats, max meetings, forbidden and known meetings, department spread and new ties, by brute force. */
export function recount(input: GroupingInput, rounds: Schedule) {
  const ids = input.people.map((p) => p.id);
  const pos = new Map(ids.map((id, i) => [id, i]));
  const n = ids.length;
  const meet: number[][] = Array.from({ length: n }, () => new Array(n).fill(0));
  const together = (a: string, b: string) => (input.keepTogether ?? []).some((set) => set.includes(a) && set.includes(b));
  const isPair = (list: [string, string][], a: string, b: string) => list.some(([x, y]) => (x === a && y === b) || (x === b && y === a));
  const known = (input.knownPairs ?? []).map((k) => [k.a, k.b] as [string, string]);
  let forbidden = 0;
  let knownMeetings = 0;
  const spreads: number[] = [];
  for (const round of rounds) {
    for (const group of round) {
      for (const a of group) {
        for (const b of group) {
          if (a >= b) continue;
          if (isPair(input.neverTogether ?? [], a, b)) forbidden++;
          if (isPair(known, a, b)) knownMeetings++;
          if (!together(a, b)) meet[pos.get(a) as number][pos.get(b) as number]++;
        }
      }
      const depts = input.people.filter((p) => group.includes(p.id) && p.department).map((p) => p.department);
      spreads.push(new Set(depts).size);
    }
  }
  let repeats = 0;
  let max = 0;
  let newTies = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const m = meet[i][j] + meet[j][i];
      if (i >= j || m === 0) continue;
      repeats += m - 1;
      max = Math.max(max, m);
      if (!isPair(known, ids[i], ids[j])) newTies++;
    }
  }
  const hasDept = input.people.some((p) => p.department);
  return {
    repeats,
    maxMeetings: max,
    forbiddenMeetings: forbidden,
    knownPairMeetings: knownMeetings,
    newTies,
    departmentsAverage: hasDept ? spreads.reduce((s, x) => s + x, 0) / spreads.length : null,
    departmentsMin: hasDept ? Math.min(...spreads) : null,
  };
}

/** True when every round holds every id exactly once. */
export function isPartition(ids: string[], rounds: Schedule): boolean {
  const want = [...ids].sort().join('\u0000');
  return rounds.every((round) => round.flat().sort().join('\u0000') === want);
}
