// Whole-schedule search: a greedy start that prefers "free" players (Triska & Musliu 2012), then tabu search over
// swaps of conflicting players inside a round (Dotú & Van Hentenryck 2005), with random kicks on stagnation.
// Unlike a round-by-round method, every round stays open to change, which is what reaching the bound needs.
import { GroupingError } from './errors.ts';
import type { Prng } from './prng.ts';
import type { State } from './state.ts';

/** Largest head-count for which the greedy start also scores the "freedom" of candidates (cubic cost). */
const FREEDOM_LIMIT = 64;
/** Tabu tenure: short and a little random (tuned on 6-5-5, 8-4-9, 10-4-10; longer tenures did worse here). */
const TENURE = 3;
const TENURE_NOISE = 4;

/** Fills every round of an empty state: pinned units first, then multi-person units, then singletons. */
export function greedyFill(s: State, rng: Prng, deadline: number): void {
  for (let r = 0; r < s.rounds; r++) fillRound(s, r, rng, deadline);
}

/** Fills one round of the state (groups of that round must be empty). */
export function fillRound(s: State, r: number, rng: Prng, deadline: number): void {
  const p = s.p;
  const nu = p.units.length;
  const room = (g: number) => s.sizes[g] - s.count[r * s.groups + g];
  const free: number[] = [];
  for (let u = 0; u < nu; u++) {
    const g = p.pinned[r * nu + u];
    if (g >= 0) for (const a of p.units[u]) s.place(r, g, a);
    else free.push(u);
  }
  rng.shuffle(free);
  // Bigger units first: they are the hardest to fit (bin packing, first-fit decreasing).
  free.sort((a, b) => p.units[b].length - p.units[a].length);
  const singles: number[] = [];
  for (const u of free) {
    const members = p.units[u];
    if (members.length === 1) {
      singles.push(members[0]);
      continue;
    }
    let best = -1;
    let bestCost = Number.POSITIVE_INFINITY;
    const start = rng.int(s.groups);
    for (let i = 0; i < s.groups; i++) {
      const g = (start + i) % s.groups;
      if (room(g) < members.length) continue;
      let c = 0;
      for (const a of members) c += s.joinCost(r, g, a);
      if (c < bestCost) {
        bestCost = c;
        best = g;
      }
    }
    if (best < 0) {
      // Head-counts fit in total but not set by set (e.g. three pairs into two groups of 3): no round exists.
      const ids = members.map((m) => p.ids[m]).join(', ');
      throw new GroupingError('KEEP_TOGETHER_CONFLICT', `keep-together set {${ids}} does not fit in round ${r} next to the other sets and pins (group sizes ${s.p.sizes.join(', ')})`);
    }
    for (const a of members) s.place(r, best, a);
  }
  if (singles.length <= FREEDOM_LIMIT && performance.now() < deadline) fillByFreedom(s, r, singles, rng);
  else fillFirstFit(s, r, singles, rng, deadline);
}

// Sequential group filling: each slot takes the cheapest candidate, ties broken by the most "freedom" left
// (how many unplaced people could still join at no cost), which keeps later groups fillable.
function fillByFreedom(s: State, r: number, singles: number[], rng: Prng): void {
  const left = singles.slice();
  for (let g = 0; g < s.groups; g++) {
    while (s.count[r * s.groups + g] < s.sizes[g] && left.length > 0) {
      let bestIdx = -1;
      let bestCost = Number.POSITIVE_INFINITY;
      let bestFree = -1;
      let ties = 0;
      for (let i = 0; i < left.length; i++) {
        const a = left[i];
        const c = s.joinCost(r, g, a);
        if (c > bestCost) continue;
        let freedom = 0;
        for (const b of left) {
          if (b !== a && s.joinCost(r, g, b) + s.addCost(a, b) === 0) freedom++;
        }
        if (c < bestCost || freedom > bestFree) {
          bestCost = c;
          bestFree = freedom;
          bestIdx = i;
          ties = 1;
        } else if (freedom === bestFree && rng.int(++ties) === 0) {
          bestIdx = i;
        }
      }
      const a = left[bestIdx];
      left[bestIdx] = left[left.length - 1];
      left.pop();
      s.place(r, g, a);
    }
  }
}

// Large rounds: each person goes to the first group (from a random start) where they meet nobody at a cost,
// otherwise to the cheapest group with room. Near-linear when the schedule is far from the bound.
function fillFirstFit(s: State, r: number, singles: number[], rng: Prng, deadline: number): void {
  rng.shuffle(singles);
  const open: number[] = [];
  for (let g = 0; g < s.groups; g++) if (s.count[r * s.groups + g] < s.sizes[g]) open.push(g);
  let placed = 0;
  let late = performance.now() > deadline;
  for (const a of singles) {
    // Past the deadline, stop scoring and just fill: a complete schedule beats overrunning the budget.
    if (!late && (++placed & 31) === 0) late = performance.now() > deadline;
    let best = -1;
    let bestCost = Number.POSITIVE_INFINITY;
    const start = rng.int(open.length);
    for (let i = 0; i < open.length; i++) {
      const idx = (start + i) % open.length;
      const g = open[idx];
      const c = late ? 0 : s.joinCost(r, g, a);
      if (c < bestCost) {
        bestCost = c;
        best = idx;
        if (c === 0) break;
      }
    }
    const g = open[best];
    s.place(r, g, a);
    if (s.count[r * s.groups + g] === s.sizes[g]) {
      open[best] = open[open.length - 1];
      open.pop();
    }
  }
}

/** Tunables of the tabu search. */
export interface TabuOptions {
  deadline: number;
  /** Cost at which to stop (the cost of the history alone). */
  floor: number;
}

/** Improves the state in place until the deadline, the floor cost, or a long stall with no repeats left. */
export function tabuSearch(s: State, rng: Prng, opts: TabuOptions): { iterations: number } {
  const p = s.p;
  const n = s.n;
  const nu = p.units.length;
  const R = s.rounds;
  const EPS = 1e-6;
  const tabu = new Int32Array(R * nu);
  const bySize = new Map<number, number[]>();
  p.units.forEach((m, u) => {
    const list = bySize.get(m.length);
    if (list) list.push(u);
    else bySize.set(m.length, [u]);
  });
  // Rounds where every unit is pinned cannot change; skip them.
  const movable: number[] = [];
  for (let r = 0; r < R; r++) {
    let free = 0;
    for (let u = 0; u < nu; u++) if (p.pinned[r * nu + u] < 0) free++;
    if (free >= 2) movable.push(r);
  }
  let best = s.cost;
  let bestAssign = s.snapshot();
  let stall = 0;
  let sinceKick = 0;
  const kickAfter = 1000 + 10 * n;
  const stopAfter = 20_000 + 40 * n;
  const allRounds = n * R <= 600;
  const conflicting = new Uint8Array(nu);
  const candidates: number[] = [];
  let iter = 0;
  for (;;) {
    if (s.cost <= opts.floor + EPS || movable.length === 0) break;
    if (performance.now() >= opts.deadline) break; // cheap next to one iteration's swap scoring
    iter++;
    // Small instances score every round's swaps (Dotú & Van Hentenryck); large ones one random conflicting round.
    let bestDelta = Number.POSITIVE_INFINITY;
    let bu = -1;
    let bv = -1;
    let br = -1;
    let ties = 0;
    let any = false;
    const startIdx = rng.int(movable.length);
    for (let t = 0; t < movable.length; t++) {
      const r = movable[(startIdx + t) % movable.length];
      if (collectConflicts(s, r, conflicting, candidates) === 0) continue;
      any = true;
      for (let ci = 0; ci < candidates.length; ci++) {
        // Large rounds can hold thousands of candidates: stop scoring at the deadline and take the best so far.
        if ((ci & 7) === 7 && n > 200 && performance.now() >= opts.deadline) break;
        const u = candidates[ci];
        const gu = s.groupOf[r * n + p.units[u][0]];
        const peers = bySize.get(p.units[u].length) as number[];
        const uTabu = tabu[r * nu + u] > iter;
        for (const v of peers) {
          if (v === u || p.pinned[r * nu + v] >= 0) continue;
          if (s.groupOf[r * n + p.units[v][0]] === gu) continue;
          if (conflicting[v] && v < u) continue; // both conflicting: the pair was already scored from v's side
          const d = s.swapDelta(r, u, v);
          const isTabu = uTabu || tabu[r * nu + v] > iter;
          if (isTabu && s.cost + d >= best - EPS) continue; // aspiration: a tabu move is fine if it beats the best
          if (d < bestDelta - EPS) {
            bestDelta = d;
            bu = u;
            bv = v;
            br = r;
            ties = 1;
          } else if (d <= bestDelta + EPS && rng.int(++ties) === 0) {
            bu = u;
            bv = v;
            br = r;
          }
        }
      }
      if (!allRounds) break;
    }
    if (!any) break; // no pair anywhere costs anything: optimal
    const r = br;
    if (bu < 0) {
      sinceKick = kickAfter; // everything tabu: force a kick
    } else {
      s.applySwap(r, bu, bv, bestDelta);
      // Tabu tenure: fixed base (Triska & Musliu use 10) plus a little noise to break cycles.
      tabu[r * nu + bu] = iter + TENURE + rng.int(TENURE_NOISE);
      tabu[r * nu + bv] = iter + TENURE + rng.int(TENURE_NOISE);
    }
    if (s.cost < best - EPS) {
      best = s.cost;
      bestAssign = s.snapshot();
      stall = 0;
      sinceKick = 0;
    } else {
      stall++;
      sinceKick++;
    }
    if (sinceKick >= kickAfter) {
      sinceKick = 0;
      // Stagnation: go back to the best schedule half of the time, then make a few random swaps.
      if (rng.int(2) === 0) s.restore(bestAssign);
      kick(s, rng, movable, bySize, 2 + rng.int(Math.max(2, Math.floor(n / 16))));
    }
    if (stall >= stopAfter) {
      if (s.cost > best) s.restore(bestAssign);
      // Long stall: stop only once repeats and hard breaks are gone; otherwise keep trying until the deadline.
      if (s.isRepeatFree()) break;
      stall = 0;
    }
  }
  if (s.cost > best + EPS) s.restore(bestAssign);
  return { iterations: iter };
}

function collectConflicts(s: State, r: number, mark: Uint8Array, out: number[]): number {
  const p = s.p;
  const nu = p.units.length;
  mark.fill(0);
  out.length = 0;
  for (let g = 0; g < s.groups; g++) {
    const base = (r * s.groups + g) * s.cap;
    const c = s.count[r * s.groups + g];
    for (let i = 0; i < c; i++) {
      const a = s.members[base + i];
      for (let j = i + 1; j < c; j++) {
        const b = s.members[base + j];
        const ua = p.unitOf[a];
        const ub = p.unitOf[b];
        if (ua === ub) continue;
        if (s.w(a, b) > 0 || s.meet[a * s.n + b] >= 2) {
          if (!mark[ua] && p.pinned[r * nu + ua] < 0) {
            mark[ua] = 1;
            out.push(ua);
          }
          if (!mark[ub] && p.pinned[r * nu + ub] < 0) {
            mark[ub] = 1;
            out.push(ub);
          }
        }
      }
    }
  }
  return out.length;
}

function kick(s: State, rng: Prng, movable: number[], bySize: Map<number, number[]>, swaps: number): void {
  const p = s.p;
  const nu = p.units.length;
  const singles = bySize.get(1) ?? [];
  for (let t = 0; t < swaps; t++) {
    const r = movable[rng.int(movable.length)];
    const pool = singles.length >= 2 ? singles : p.units.map((_, u) => u);
    const u = pool[rng.int(pool.length)];
    const v = pool[rng.int(pool.length)];
    if (u === v || p.units[u].length !== p.units[v].length) continue;
    if (p.pinned[r * nu + u] >= 0 || p.pinned[r * nu + v] >= 0) continue;
    if (s.groupOf[r * s.n + p.units[u][0]] === s.groupOf[r * s.n + p.units[v][0]]) continue;
    s.applySwap(r, u, v, s.swapDelta(r, u, v));
  }
}
