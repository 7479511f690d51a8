// Public entry points: validate, start from a construction or a greedy schedule, improve by tabu search within
// the time budget, then score the result with the independent metrics.
import { findConstruction, type Construction } from './designs.ts';
import { computeMetrics } from './metrics.ts';
import { Prng } from './prng.ts';
import { buildProblem, HARD_COST, type Problem } from './problem.ts';
import { polishTies } from './polish.ts';
import { greedyFill, tabuSearch } from './search.ts';
import { roundBound } from './sizes.ts';
import { State } from './state.ts';
import { compileTies } from './ties.ts';
import type { GroupingInput, GroupingOptions, GroupingResult, Schedule } from './types.ts';

/** Default wall-clock budget when the caller gives none. */
export const DEFAULT_TIME_LIMIT_MS = 2_000;

/** Forms R rounds of groups that avoid repeats, known pairs and same-attribute groups, within the time budget. */
export function formGroups(input: GroupingInput, options: GroupingOptions = {}): GroupingResult {
  const start = performance.now();
  const problem = buildProblem(input);
  return solveProblem(input, problem, options, start, [], 0);
}

/**
 * Re-plans the rounds after the first `keepRounds` of `previous` (a late join or absence): kept rounds stay as
 * they were and their meetings count, so the new rounds avoid pairs that already met. `input` lists who is here now.
 */
export function replanRemaining(input: GroupingInput, previous: Schedule, keepRounds: number, options: GroupingOptions = {}): GroupingResult {
  const start = performance.now();
  const keep = Math.max(0, Math.min(keepRounds, previous.length, input.rounds));
  const kept = previous.slice(0, keep);
  const problem = buildProblem(input, input.rounds - keep, keep);
  const index = new Map(problem.ids.map((id, i) => [id, i]));
  const history = new Uint8Array(problem.n * problem.n);
  for (const round of kept) {
    for (const group of round) {
      const members = group.map((id) => index.get(id)).filter((i): i is number => i !== undefined);
      for (let a = 0; a < members.length; a++) {
        for (let b = a + 1; b < members.length; b++) {
          const i = members[a];
          const j = members[b];
          if (history[i * problem.n + j] < 255) {
            history[i * problem.n + j]++;
            history[j * problem.n + i]++;
          }
        }
      }
    }
  }
  problem.history = history;
  return solveProblem(input, problem, options, start, kept, keep);
}

function solveProblem(
  input: GroupingInput,
  problem: Problem,
  options: GroupingOptions,
  start: number,
  kept: Schedule,
  keep: number,
): GroupingResult {
  const limit = Math.max(1, options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS);
  // Keep a margin for building the output and the metrics (about 0.2 µs per pair visit, measured) so the whole
  // call stays inside the budget.
  const pairVisits = totalPairsPerRound(problem.sizes) * (keep + problem.rounds);
  const deadline = start + limit - Math.min(limit * 0.5, Math.max(limit * 0.05, 2 + pairVisits * 2e-4));
  const rng = new Prng(options.seed ?? 1);
  const ties = compileTies(input.people, input.departmentTies);
  // With tie counts, a quarter of the budget is kept for the tie phase (polish.ts), which runs after everything else.
  const searchDeadline = ties ? start + (deadline - start) * 0.75 : deadline;
  const bound = roundBound(problem.n, problem.sizes);
  const totalRounds = keep + problem.rounds;
  const state = new State(problem);
  // No schedule costs less than the history plus each new round's unavoidable same-value meetings.
  const floor = state.cost + problem.rounds * problem.mixingFloor;
  const k = problem.sizes[0];
  const uniform = problem.sizes.every((s) => s === k);
  let method = 'greedy';
  let construction: Construction | null = null;
  // A construction ignores who already met; over many rounds it still wins, but for a single round with history
  // (a live session's next breakout) greedy placement sees the known pairs directly: same quality, 3–10× faster
  // (bench: 500 people, groups of 4, 500–3,500 known pairs).
  const singleRoundWithHistory = problem.rounds === 1 && (input.knownPairs?.length ?? 0) > 0;
  if (options.useConstructions !== false && keep === 0 && uniform && !problem.hasPins && !problem.hasKeepTogether && !singleRoundWithHistory) {
    construction = findConstruction(problem.n, k, problem.rounds);
    // Beyond the bound no construction can cover every round: use one for the rounds it has, greedy for the rest.
    if (!construction && problem.rounds > bound) construction = findConstruction(problem.n, k, bound);
  }
  if (construction) {
    loadConstruction(state, problem, construction, rng);
    method = `construction:${construction.name}`;
  } else {
    greedyFill(state, rng, searchDeadline);
  }
  // One group per round leaves nothing to swap; searching would only burn the budget.
  if (state.groups > 1 && state.cost > floor + 1e-6 && performance.now() < searchDeadline) {
    tabuSearch(state, rng, { deadline: searchDeadline, floor });
    method += '+tabu';
  }
  if (repairHardMeetings(state, problem)) method += '+repair';
  if (ties && state.groups > 1 && polishTies(state, ties, deadline, rng) > 0) method += '+ties';
  const rounds: Schedule = [...kept, ...toSchedule(state, problem)];
  const metrics = computeMetrics(input, rounds, keep);
  const warnings: string[] = [];
  const allowed = new Set([input.groupSize - 1, input.groupSize, input.groupSize + 1]);
  if (problem.sizes.some((s) => !allowed.has(s)) && problem.n > input.groupSize) {
    warnings.push(`${problem.n} people cannot form groups of ${input.groupSize}±1 only; group sizes are ${[...new Set(problem.sizes)].join(', ')}`);
  }
  if (totalRounds > bound) {
    warnings.push(`${totalRounds} rounds requested but at most ${bound} are possible without a repeat; the best schedule found has ${metrics.repeats} repeated meetings`);
  } else if (metrics.repeats > 0) {
    warnings.push(`no repeat-free schedule found within the time limit; the best has ${metrics.repeats} repeated meetings`);
  }
  if (metrics.hardViolations > 0) {
    warnings.push(`${metrics.hardViolations} hard rule(s) could not be met (never-together meetings: ${metrics.forbiddenMeetings})`);
  }
  return { rounds, bound, metrics, warnings, method };
}

/**
 * The search runs against the clock, so on a busy machine it can stop with a never-together pair still in one group.
 * Hard rules must not depend on the clock: each remaining hard meeting is undone by the cheapest swap of one of the two
 * (with a free unit of the same size in another group of that round) that creates no hard meeting, until none is left
 * or no such swap exists (then the result's warning says so). Returns whether it changed anything.
 */
function repairHardMeetings(state: State, problem: Problem): boolean {
  const { n, groups, cap } = state;
  const nu = problem.units.length;
  let changed = false;
  for (let r = 0; r < state.rounds; r++) {
    // Each accepted swap removes at least one hard meeting of this round, so this ends.
    for (let guard = 0; guard <= n; guard++) {
      const hard = findHardMeeting(state, r);
      if (!hard) break;
      let best: { u: number; v: number; delta: number } | null = null;
      for (const x of hard) {
        const u = problem.unitOf[x];
        if (problem.pinned[r * nu + u] >= 0) continue;
        const gx = state.groupOf[r * n + x];
        for (let g = 0; g < groups; g++) {
          if (g === gx) continue;
          const base = (r * groups + g) * cap;
          for (let slot = 0; slot < state.count[r * groups + g]; slot++) {
            const v = problem.unitOf[state.members[base + slot]];
            if (problem.units[v].length !== problem.units[u].length || problem.pinned[r * nu + v] >= 0) continue;
            const delta = state.swapDelta(r, u, v);
            // Net fewer hard meetings: removing one saves HARD_COST, and soft costs are far smaller.
            if (delta <= -HARD_COST / 2 && (!best || delta < best.delta)) best = { u, v, delta };
          }
        }
      }
      if (!best) break;
      state.applySwap(r, best.u, best.v, best.delta);
      changed = true;
    }
  }
  return changed;
}

/** Two people of different units who meet in a group of round r though one of them must never meet the other. */
function findHardMeeting(state: State, r: number): [number, number] | null {
  const { groups, cap } = state;
  for (let g = 0; g < groups; g++) {
    const base = (r * groups + g) * cap;
    const c = state.count[r * groups + g];
    for (let i = 0; i < c; i++) {
      const x = state.members[base + i];
      for (let j = i + 1; j < c; j++) {
        const y = state.members[base + j];
        if (state.p.unitOf[x] !== state.p.unitOf[y] && state.w(x, y) >= HARD_COST) return [x, y];
      }
    }
  }
  return null;
}

// Maps design points to people. Sorting by department first puts colleagues on points that a transversal
// design never places together, so departments mix for free; otherwise a seeded shuffle.
function loadConstruction(state: State, problem: Problem, construction: Construction, rng: Prng): void {
  const people = rng.shuffle(Array.from({ length: problem.n }, (_, i) => i));
  if (construction.name.startsWith('transversal')) {
    people.sort((a, b) => problem.departmentCode[a] - problem.departmentCode[b]);
  }
  construction.classes.forEach((blocks, r) => {
    blocks.forEach((block, g) => {
      for (const point of block) state.place(r, g, people[point]);
    });
  });
  for (let r = construction.classes.length; r < problem.rounds; r++) {
    // Rounds beyond the construction (past the bound) are filled greedily around the constructed ones.
    greedyRound(state, r, rng);
  }
}

function greedyRound(state: State, r: number, rng: Prng): void {
  for (let a = 0; a < state.n; a++) {
    let best = -1;
    let bestCost = Number.POSITIVE_INFINITY;
    for (let g = 0; g < state.groups; g++) {
      if (state.count[r * state.groups + g] >= state.sizes[g]) continue;
      const c = state.joinCost(r, g, a) + rng.next() * 1e-3;
      if (c < bestCost) {
        bestCost = c;
        best = g;
      }
    }
    state.place(r, best, a);
  }
}

function totalPairsPerRound(sizes: number[]): number {
  return sizes.reduce((sum, s) => sum + (s * (s - 1)) / 2, 0);
}

function toSchedule(state: State, problem: Problem): Schedule {
  const rounds: Schedule = [];
  for (let r = 0; r < state.rounds; r++) {
    const groups: string[][] = [];
    for (let g = 0; g < state.groups; g++) {
      const base = (r * state.groups + g) * state.cap;
      const members = Array.from(state.members.subarray(base, base + state.count[r * state.groups + g])).sort((a, b) => a - b);
      groups.push(members.map((m) => problem.ids[m]));
    }
    rounds.push(groups);
  }
  return rounds;
}
