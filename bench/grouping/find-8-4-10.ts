// Offline search for the stored 8-4-10 schedule (a resolvable 4-GDD of type 2^16). Points are GF(2)^3 × {0..3}.
// Six "transversal" rounds {(b_i + g, i)} cover mixed differences b_i + b_j; four rounds mix "coset" splits of one
// orbit by a 2-dim subspace H_i (pure differences H_i) and "pair" blocks {(g,i),(g+s,i),(g+d,j),(g+d+s,j)} (pure
// difference s, mixed d and d+s). Counting forces every orbit to have one split and three pair blocks; the search
// picks s, d per orbit pair and the transversal rows so that every difference is used at most once.
// Run: npx tsx bench/grouping/find-8-4-10.ts
import { Prng } from '../../engine/grouping/prng.ts';

const rng = new Prng(Number(process.argv[2] ?? 1));
const EDGES: [number, number][] = [[2, 3], [0, 1], [0, 2], [1, 3], [0, 3], [1, 2]];
const edgeIndex = (i: number, j: number) => EDGES.findIndex(([a, b]) => (a === i && b === j) || (a === j && b === i));
// 2-dim subspaces of GF(2)^3 = {0, a, b, a^b}: seven of them, listed by their nonzero elements.
const SUBSPACES: number[][] = [];
for (let a = 1; a < 8; a++) for (let b = a + 1; b < 8; b++) if ((a ^ b) > b) SUBSPACES.push([a, b, a ^ b]);

function attempt(): number[][][] | null {
  const s = EDGES.map(() => 1 + rng.int(7));
  const d = EDGES.map(() => rng.int(8));
  const H: number[][] = [];
  for (let i = 0; i < 4; i++) {
    const mine = EDGES.map((e, k) => (e.includes(i) ? s[k] : -1)).filter((x) => x >= 0);
    if (new Set(mine).size !== 3) return null;
    const options = SUBSPACES.filter((sub) => sub.every((x) => !mine.includes(x)));
    if (options.length === 0) return null;
    H.push(options[rng.int(options.length)]);
  }
  // Transversal rows: b_0 = 0; the six differences on each edge must be distinct and avoid {d, d^s}.
  const used = EDGES.map((_, k) => new Set([d[k], d[k] ^ s[k]]));
  const rows: number[][] = [];
  const fill = (t: number, minB1: number): boolean => {
    if (t === 6) return true;
    for (let b1 = minB1; b1 < 8; b1++) {
      for (let b2 = 0; b2 < 8; b2++) {
        for (let b3 = 0; b3 < 8; b3++) {
          const b = [0, b1, b2, b3];
          const diffs = EDGES.map(([i, j]) => b[i] ^ b[j]);
          if (diffs.some((x, k) => used[k].has(x))) continue;
          diffs.forEach((x, k) => used[k].add(x));
          rows.push(b);
          if (fill(t + 1, b1)) return true;
          rows.pop();
          diffs.forEach((x, k) => used[k].delete(x));
        }
      }
    }
    return false;
  };
  if (!fill(0, 0)) return null;
  const pt = (i: number, g: number) => i * 8 + g;
  const classes: number[][][] = rows.map((b) => Array.from({ length: 8 }, (_, g) => b.map((bi, i) => pt(i, bi ^ g))));
  const split = (i: number) => {
    const sub = [0, ...H[i]];
    const c = [1, 2, 3, 4, 5, 6, 7].find((x) => !sub.includes(x)) as number;
    return [sub.map((x) => pt(i, x)), sub.map((x) => pt(i, x ^ c))];
  };
  const pair = (i: number, j: number) => {
    const k = edgeIndex(i, j);
    const blocks: number[][] = [];
    for (let g = 0; g < 8; g++) if (g < (g ^ s[k])) blocks.push([pt(i, g), pt(i, g ^ s[k]), pt(j, g ^ d[k]), pt(j, g ^ d[k] ^ s[k])]);
    return blocks;
  };
  classes.push([...split(0), ...split(1), ...pair(2, 3)]);
  classes.push([...split(2), ...split(3), ...pair(0, 1)]);
  classes.push([...pair(0, 2), ...pair(1, 3)]);
  classes.push([...pair(0, 3), ...pair(1, 2)]);
  return classes;
}

function verify(classes: number[][][]): boolean {
  const seen = new Set<number>();
  for (const cls of classes) {
    if (cls.flat().sort((a, b) => a - b).join() !== Array.from({ length: 32 }, (_, i) => i).join()) return false;
    for (const blk of cls) {
      for (const a of blk) for (const b of blk) {
        if (a >= b) continue;
        if (seen.has(a * 32 + b)) return false;
        seen.add(a * 32 + b);
      }
    }
  }
  return true;
}

for (let tries = 1; tries <= 200000; tries++) {
  const classes = attempt();
  if (classes && verify(classes)) {
    console.log(`found after ${tries} tries`);
    console.log(JSON.stringify(classes));
    process.exit(0);
  }
}
console.log('none');
