// Schedule metrics computed from ids alone, independently of the solver's internal counts, so the tests can
// check the solver's figures against a second implementation and callers can score hand-edited schedules.
import { planGroupSizes } from './sizes.ts';
import type { GroupingInput, GroupingMetrics, Schedule } from './types.ts';

const pairKey = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

/** Scores a schedule against the input's rules; rounds before `fromRound` are history (not checked as partitions). */
export function computeMetrics(input: GroupingInput, rounds: Schedule, fromRound = 0): GroupingMetrics {
  const people = input.people.map((p) => p.id);
  const present = new Set(people);
  const department = new Map(input.people.filter((p) => p.department).map((p) => [p.id, p.department as string]));
  const keepSet = new Map<string, number>();
  // Overlapping keep-together sets merge, exactly as the solver treats them.
  const sets: Set<string>[] = [];
  for (const set of input.keepTogether ?? []) {
    const merged = new Set(set);
    for (let i = sets.length - 1; i >= 0; i--) {
      if ([...sets[i]].some((id) => merged.has(id))) {
        for (const id of sets[i]) merged.add(id);
        sets.splice(i, 1);
      }
    }
    sets.push(merged);
  }
  sets.forEach((set, i) => {
    for (const id of set) keepSet.set(id, i);
  });
  const exempt = (a: string, b: string) => keepSet.has(a) && keepSet.get(a) === keepSet.get(b);
  const forbidden = new Set((input.neverTogether ?? []).map(([a, b]) => pairKey(a, b)));
  const known = new Set((input.knownPairs ?? []).map((k) => pairKey(k.a, k.b)));
  const sizes = planGroupSizes(people.length, input.groupSize, input.uneven ?? 'auto', input.rounds);
  const minSize = Math.min(...sizes);
  const maxSize = Math.max(...sizes);

  const meetings = new Map<string, number>();
  let repeats = 0;
  let forbiddenMeetings = 0;
  let knownPairMeetings = 0;
  let hard = 0;
  let cleanRounds = -1;
  let deptSum = 0;
  let deptMin = Number.POSITIVE_INFINITY;
  let groupCount = 0;
  rounds.forEach((round, r) => {
    let repeatedThisRound = false;
    const where = new Map<string, number>();
    round.forEach((group, g) => {
      for (const id of group) {
        if (r >= fromRound && (where.has(id) || !present.has(id))) hard++; // duplicate or unknown person
        where.set(id, g);
      }
      if (r >= fromRound && (group.length < minSize || group.length > maxSize)) hard++;
      for (let i = 0; i < group.length; i++) {
        for (let j = i + 1; j < group.length; j++) {
          const a = group[i];
          const b = group[j];
          if (a === b) continue;
          const key = pairKey(a, b);
          if (forbidden.has(key)) forbiddenMeetings++;
          if (known.has(key)) knownPairMeetings++;
          if (exempt(a, b)) continue;
          const m = (meetings.get(key) ?? 0) + 1;
          meetings.set(key, m);
          if (m > 1) {
            repeats++;
            repeatedThisRound = true;
          }
        }
      }
      if (department.size > 0) {
        const distinct = new Set(group.map((id) => department.get(id)).filter((d) => d !== undefined)).size;
        deptSum += distinct;
        deptMin = Math.min(deptMin, distinct);
        groupCount++;
      }
    });
    if (repeatedThisRound && cleanRounds < 0) cleanRounds = r;
    if (r < fromRound) return;
    for (const id of people) if (!where.has(id)) hard++; // missing person
    for (const set of sets) {
      const groups = new Set([...set].filter((id) => where.has(id)).map((id) => where.get(id)));
      if (groups.size > 1) hard++;
    }
    for (const pin of input.preAssignments ?? []) {
      if (pin.round === r && where.has(pin.id) && where.get(pin.id) !== pin.group) hard++;
    }
  });
  hard += forbiddenMeetings;
  let maxMeetings = 0;
  let newTies = 0;
  for (const [key, m] of meetings) {
    if (m > maxMeetings) maxMeetings = m;
    if (!known.has(key)) newTies++;
  }
  return {
    repeats,
    maxMeetings,
    hardViolations: hard,
    forbiddenMeetings,
    knownPairMeetings,
    distinctDepartments: groupCount > 0 ? { average: deptSum / groupCount, min: deptMin } : null,
    newTies,
    cleanRounds: cleanRounds < 0 ? rounds.length : cleanRounds,
  };
}
