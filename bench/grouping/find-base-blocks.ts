// Offline search for the base classes stored in engine/grouping/design-table.ts.
// Run: npx tsx bench/grouping/find-base-blocks.ts
// A "1-rotational" resolvable packing has points Z_m x {orbits} plus fixed points (infinities); one base
// partition developed by x -> x+t (mod m) gives m rounds. Every pair then meets at most once exactly when every
// "difference" (mixed, pure, infinity-to-orbit) is used at most once, so the search only tracks differences.
import { Prng } from '../../engine/grouping/prng.ts';

interface Spec {
  name: string;
  m: number;
  orbits: number;
  infinities: number;
  k: number;
  classes: number;
}

function search(spec: Spec, seed: number, nodeLimit: number): number[][][] | null {
  const { m, orbits: h, infinities: f, k } = spec;
  const nFinite = m * h;
  const n = nFinite + f;
  const rng = new Prng(seed);
  const used = new Uint8Array(h * h * m + h * m + f * h + 8);
  const mixedKey = (i: number, j: number, d: number) => (i * h + j) * m + d;
  const pureKey = (i: number, d: number) => h * h * m + i * m + Math.min(d, m - d);
  const infKey = (a: number, i: number) => h * h * m + h * m + a * h + i;
  // Keys a candidate pair uses, or -1 when the pair can never be used (two infinities, short orbit).
  const pairKey = (p: number, q: number): number => {
    if (p >= nFinite && q >= nFinite) return -1;
    if (p >= nFinite) return infKey(p - nFinite, Math.floor(q / m));
    if (q >= nFinite) return infKey(q - nFinite, Math.floor(p / m));
    let i = Math.floor(p / m);
    let j = Math.floor(q / m);
    let x = p % m;
    let y = q % m;
    if (i === j) {
      const d = (y - x + m) % m;
      if (d === 0 || (2 * d) % m === 0) return -1;
      return pureKey(i, d);
    }
    if (i > j) {
      [i, j] = [j, i];
      [x, y] = [y, x];
    }
    return mixedKey(i, j, (y - x + m) % m);
  };
  let nodes = 0;
  const result: number[][][] = [];
  const placed = new Uint8Array(n);

  const fillClass = (cls: number[][], remaining: number): boolean => {
    if (remaining === 0) return true;
    let anchor = 0;
    // Infinities first: they are the most constrained points.
    for (let a = 0; a < f; a++) if (!placed[nFinite + a]) { anchor = nFinite + a; break; }
    if (placed[anchor] || anchor < nFinite) {
      anchor = 0;
      while (placed[anchor]) anchor++;
    }
    const candidates: number[] = [];
    for (let p = 0; p < n; p++) if (!placed[p] && p !== anchor) candidates.push(p);
    rng.shuffle(candidates);
    const block = [anchor];
    placed[anchor] = 1;
    const extend = (from: number): boolean => {
      if (++nodes > nodeLimit) return false;
      if (block.length === k) {
        cls.push(block.slice());
        if (fillClass(cls, remaining - k)) return true;
        cls.pop();
        return false;
      }
      for (let c = from; c < candidates.length; c++) {
        const p = candidates[c];
        if (placed[p]) continue;
        const added: number[] = [];
        let ok = true;
        for (const q of block) {
          const key = pairKey(p, q);
          if (key < 0 || used[key] || added.includes(key)) { ok = false; break; }
          added.push(key);
        }
        if (!ok) continue;
        for (const key of added) used[key] = 1;
        placed[p] = 1;
        block.push(p);
        if (extend(c + 1)) return true;
        block.pop();
        placed[p] = 0;
        for (const key of added) used[key] = 0;
        if (nodes > nodeLimit) return false;
      }
      return false;
    };
    const ok = extend(0);
    if (!ok) placed[anchor] = 0;
    return ok;
  };
  for (let c = 0; c < spec.classes; c++) {
    placed.fill(0);
    const cls: number[][] = [];
    if (!fillClass(cls, n)) return null;
    result.push(cls);
  }
  return result;
}

const specs: Spec[] = [
  { name: '5-3-7 (KTS 15)', m: 7, orbits: 2, infinities: 1, k: 3, classes: 1 },
  { name: '6-3-8 (NKTS 18)', m: 4, orbits: 4, infinities: 2, k: 3, classes: 2 },
  { name: '7-4-9 (RBIBD 28)', m: 9, orbits: 3, infinities: 1, k: 4, classes: 1 },
  // Tried without success (25 min each): 8-4-10 over Z_10 x 3 + 2 and Z_5 x 6 + 2 fixed points, 10-4-13 over
  // Z_13 x 3 + 1. Those two come from find-8-4-10.ts and find-rbibd40.ts instead.
];
const only = process.argv[2];
for (const spec of specs) {
  if (only && !spec.name.startsWith(only)) continue;
  const t0 = performance.now();
  let found: number[][][] | null = null;
  let seed = 1;
  for (; seed < Number(process.env.SEEDS ?? 2000) && !found; seed++) found = search(spec, seed, Number(process.env.NODES ?? 20000));
  console.log(spec.name, `seed ${seed - 1}`, `${(performance.now() - t0).toFixed(0)} ms`);
  console.log(JSON.stringify(found));
}
