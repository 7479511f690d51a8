// Schedule metrics computed from ids alone, independently of the solver's internal counts, so the tests can
// check the solver's figures against a second implementation and callers can score hand-edited schedules.
import { planGroupSizes } from './sizes.ts';
import { departmentPairFigures } from './ties.ts';
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

  // Pair counts keyed by index pairs: a dense matrix for up to 4,000 distinct ids, a Map beyond.
  const indexOf = new Map<string, number>(people.map((id, i) => [id, i]));
  const idx = (id: string) => {
    let i = indexOf.get(id);
    if (i === undefined) {
      i = indexOf.size;
      indexOf.set(id, i);
    }
    return i;
  };
  for (const round of rounds) for (const group of round) for (const id of group) idx(id);
  const m = indexOf.size;
  const dense = m <= 4000 ? new Uint16Array(m * m) : null;
  const sparse = new Map<number, number>();
  const bump = (a: number, b: number): number => {
    const key = a < b ? a * m + b : b * m + a;
    if (dense) return ++dense[key];
    const v = (sparse.get(key) ?? 0) + 1;
    sparse.set(key, v);
    return v;
  };
  const knownIdx = new Set((input.knownPairs ?? []).map((k) => {
    const a = idx(k.a);
    const b = idx(k.b);
    return a < b ? a * m + b : b * m + a;
  }));
  const metKeys: number[] = [];
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
          if (forbidden.size > 0 && forbidden.has(pairKey(a, b))) forbiddenMeetings++;
          if (known.size > 0 && known.has(pairKey(a, b))) knownPairMeetings++;
          if (keepSet.size > 0 && exempt(a, b)) continue;
          const ia = indexOf.get(a) as number;
          const ib = indexOf.get(b) as number;
          const met = bump(ia, ib);
          if (met === 1) metKeys.push(ia < ib ? ia * m + ib : ib * m + ia);
          if (met > 1) {
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
  for (const key of metKeys) {
    const met = dense ? dense[key] : (sparse.get(key) as number);
    if (met > maxMeetings) maxMeetings = met;
    if (!knownIdx.has(key)) newTies++;
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
    ...pairFigures(input, rounds),
  };
}

function pairFigures(input: GroupingInput, rounds: Schedule): Pick<GroupingMetrics, 'departmentPairs' | 'firstTimeDepartmentPairs'> {
  const { departmentPairs, firstTimeDepartmentPairs } = departmentPairFigures(rounds.flat(), input.people, input.departmentTies);
  return { departmentPairs, firstTimeDepartmentPairs };
}
