// Second phase of formGroups when department tie counts are given: swaps of two people between groups of one round
// that lower the tie cost (ties.ts) and leave every other figure as it is or better. A swap is refused when it
// gives any pair a second meeting, lets a never-together pair meet, adds a known-pair meeting, loses a new tie,
// raises the static cost (known pairs and mixing) or lowers the departments the two groups mix (their sum or their
// smaller count). So the schedule's repeats, clean rounds, hard rules, known-pair meetings, new ties, department
// spread and search cost are never worse than phase 1 left them: the tie preference comes strictly after them.
import { HARD_COST, type Problem } from './problem.ts';
import type { Prng } from './prng.ts';
import type { State } from './state.ts';
import type { TieModel } from './ties.ts';

const EPS = 1e-9;

/** Lowers the schedule's tie cost in place until no swap helps or the deadline; returns the swaps made. */
export function polishTies(s: State, model: TieModel, deadline: number, rng: Prng): number {
  const p = s.p;
  const { n, groups, cap } = s;
  model.clear();
  for (let r = 0; r < s.rounds; r++) {
    for (let g = 0; g < groups; g++) {
      const base = (r * groups + g) * cap;
      model.meetGroup(s.members.subarray(base, base + s.count[r * groups + g]), 1);
    }
  }
  if (p.history) {
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (p.history[i * n + j] > 0) model.meet(i, j, p.history[i * n + j]);
  }
  const nu = p.units.length;
  const rounds = rng.shuffle(Array.from({ length: s.rounds }, (_, r) => r));
  let swaps = 0;
  let checks = 0;
  for (let improved = true; improved; ) {
    improved = false;
    for (const r of rounds) {
      const free = p.units.map((m, u) => u).filter((u) => p.units[u].length === 1 && p.pinned[r * nu + u] < 0);
      rng.shuffle(free);
      for (const u of free) {
        const x = p.units[u][0];
        for (const v of free) {
          if ((++checks & 1023) === 0 && performance.now() >= deadline) return swaps;
          const y = p.units[v][0];
          if (s.groupOf[r * n + x] === s.groupOf[r * n + y]) continue;
          const changes = swapChanges(s, r, x, y);
          if (!changes) continue;
          const d = model.delta(changes);
          if (d >= -EPS) continue;
          s.applySwap(r, u, v, s.swapDelta(r, u, v));
          model.apply(changes);
          swaps++;
          improved = true;
        }
      }
    }
    if (performance.now() >= deadline) break;
  }
  return swaps;
}

/** The meetings swapping x and y in round r adds and removes, or null when the swap would worsen another figure. */
function swapChanges(s: State, r: number, x: number, y: number): [number, number, number][] | null {
  const p = s.p;
  const { n, groups, cap } = s;
  const gx = s.groupOf[r * n + x];
  const gy = s.groupOf[r * n + y];
  const changes: [number, number, number][] = [];
  let newTies = 0;
  let weight = 0;
  // x leaves gx for gy and y the other way; each side loses its meetings in its old group and gains the other's.
  for (const [leaver, joiner, g] of [[x, y, gx], [y, x, gy]] as const) {
    const base = (r * groups + g) * cap;
    for (let slot = 0; slot < s.count[r * groups + g]; slot++) {
      const z = s.members[base + slot];
      if (z === leaver) continue;
      const lost = s.meet[leaver * n + z];
      const gained = s.meet[joiner * n + z];
      if (gained > 0) return null; // a second meeting (or one more for a pair that already met)
      const wGain = s.w(joiner, z);
      if (wGain >= HARD_COST) return null;
      const knownLost = p.known.has(leaver < z ? leaver * n + z : z * n + leaver);
      const knownGained = p.known.has(joiner < z ? joiner * n + z : z * n + joiner);
      if (knownGained && !knownLost) return null;
      if (lost === 1 && !knownLost) newTies--;
      if (!knownGained) newTies++;
      weight += wGain - s.w(leaver, z);
      changes.push([leaver, z, -1], [joiner, z, 1]);
    }
  }
  if (newTies < 0 || weight > EPS) return null;
  if (p.departmentCode.some((c) => c >= 0)) {
    const before = [distinct(s, r, gx, -1, -1), distinct(s, r, gy, -1, -1)];
    const after = [distinct(s, r, gx, x, y), distinct(s, r, gy, y, x)];
    if (after[0] + after[1] < before[0] + before[1] || Math.min(...after) < Math.min(...before)) return null;
  }
  return changes;
}

/** Distinct departments of group g in round r, with `out` replaced by `into` (−1: as it is). */
function distinct(s: State, r: number, g: number, out: number, into: number): number {
  const code = s.p.departmentCode;
  const base = (r * s.groups + g) * s.cap;
  const seen = new Set<number>();
  for (let slot = 0; slot < s.count[r * s.groups + g]; slot++) {
    const m = s.members[base + slot];
    const c = code[m === out ? into : m];
    if (c >= 0) seen.add(c);
  }
  return seen.size;
}
