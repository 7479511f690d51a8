// Design-theoretic constructions: where one exists, it reaches the round bound with zero repeats instantly,
// which no search guarantees near the bound (Miller, Valkov & Abel 2025; Triska & Musliu 2012).
import { CYCLIC_DESIGNS, type CyclicDesign, ROTATIONAL_DESIGNS, type RotationalDesign } from './design-table.ts';
import { galoisField } from './galois.ts';

/** Rounds of groups of point indices 0..n-1. */
export type Classes = number[][][];

/** A construction that fits an instance. */
export interface Construction {
  name: string;
  classes: Classes;
}

/** The affine plane AG(2,q): q² points, q+1 parallel classes of q lines of q points (q a prime power). */
export function affinePlane(q: number): Classes | null {
  const f = galoisField(q);
  if (!f) return null;
  const classes: Classes = [];
  // Lines y = s·x + c for each slope s (one class per slope), then the verticals x = c.
  for (let s = 0; s < q; s++) {
    const lines: number[][] = Array.from({ length: q }, () => []);
    for (let x = 0; x < q; x++) {
      for (let y = 0; y < q; y++) {
        const c = f.add[y * q + neg(f.add, q, f.mul[s * q + x])];
        lines[c].push(x * q + y);
      }
    }
    classes.push(lines);
  }
  classes.push(Array.from({ length: q }, (_, x) => Array.from({ length: q }, (_, y) => x * q + y)));
  return classes;
}

/** A resolvable transversal design RTD(k,q), k ≤ q: points (i,x) = i·q + x; same-i points never meet. */
export function transversalDesign(k: number, q: number): Classes | null {
  const f = galoisField(q);
  if (!f || k > q) return null;
  const classes: Classes = [];
  // Block (a, b) = {(i, a + b·e_i)} with distinct e_i = i; fixing b gives a parallel class. Two points (i,x),(j,y)
  // with i ≠ j lie in exactly one block because a + b·i = x, a + b·j = y has one solution (i − j invertible).
  for (let b = 0; b < q; b++) {
    const blocks: number[][] = [];
    for (let a = 0; a < q; a++) {
      const block: number[] = [];
      for (let i = 0; i < k; i++) block.push(i * q + f.add[a * q + f.mul[b * q + i]]);
      blocks.push(block);
    }
    classes.push(blocks);
  }
  return classes;
}

/** Develops a stored 1-rotational base-class family into all its rounds. */
export function developCyclic(d: CyclicDesign): Classes {
  const finite = d.m * d.orbits;
  const shift = (p: number, t: number) => (p >= finite ? p : Math.floor(p / d.m) * d.m + ((p % d.m) + t) % d.m);
  const classes: Classes = [];
  for (const base of d.classes) {
    for (let t = 0; t < d.m; t++) classes.push(base.map((block) => block.map((p) => shift(p, t))));
  }
  return classes;
}

/** Develops a Z_3m ∪ {∞} design: class t is the base class shifted by t (∞ = 3m stays). */
export function developRotational(d: RotationalDesign): Classes {
  const v = 3 * d.m;
  const base: number[][] = [[v, 0, d.m, 2 * d.m]];
  for (const block of d.blocks) for (const h of [0, d.m, 2 * d.m]) base.push(block.map((x) => (x + h) % v));
  return Array.from({ length: d.m }, (_, t) => base.map((block) => block.map((x) => (x === v ? v : (x + t) % v))));
}

/** The construction with at least `rounds` rounds of groups of exactly k on n points, or null. */
export function findConstruction(n: number, k: number, rounds: number): Construction | null {
  if (n % k !== 0) return null;
  const g = n / k;
  const options: Construction[] = [];
  if (g === k) {
    const plane = affinePlane(k);
    if (plane) options.push({ name: `affine-plane(${k})`, classes: plane });
  }
  if (k < g) {
    const td = transversalDesign(k, g);
    if (td) options.push({ name: `transversal-design(${k},${g})`, classes: td });
  }
  for (const d of CYCLIC_DESIGNS) {
    if (d.k === k && d.m * d.orbits + d.fixed === n) options.push({ name: d.name, classes: developCyclic(d) });
  }
  for (const d of ROTATIONAL_DESIGNS) {
    if (k === 4 && 3 * d.m + 1 === n) options.push({ name: d.name, classes: developRotational(d) });
  }
  const fit = options.filter((o) => o.classes.length >= rounds).sort((a, b) => a.classes.length - b.classes.length)[0];
  return fit ? { name: fit.name, classes: fit.classes.slice(0, rounds) } : null;
}

function neg(add: Uint16Array, q: number, x: number): number {
  for (let y = 0; y < q; y++) if (add[x * q + y] === 0) return y;
  return 0;
}
