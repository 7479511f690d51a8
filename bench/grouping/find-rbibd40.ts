// Offline search for stored resolvable (3m+1, 4, 1) designs, e.g. m = 13 gives 10-4-13: points Z_3m ∪ {∞}; the
// base class is invariant under +m, so developing it by t = 0..m-1 gives m classes. It holds {∞,0,m,2m} and the
// +m-orbits of (m-1)/4 blocks whose differences are all distinct and whose residues mod m are 1..m-1.
// Run: npx tsx bench/grouping/find-rbibd40.ts 13
const M = Number(process.argv[2] ?? 13);
const V = 3 * M;
const used = new Uint8Array(V);
const blocks: number[][] = Array.from({ length: (M - 1) / 4 }, () => []);
let found: number[][] | null = null;
function place(r: number): boolean {
  if (r > M - 1) {
    found = blocks.map((b) => b.slice());
    return true;
  }
  for (let j = 0; j < blocks.length; j++) {
    const b = blocks[j];
    if (b.length === 4) continue;
    for (let lift = 0; lift < 3; lift++) {
      const x = r + M * lift;
      const diffs: number[] = [];
      let ok = true;
      for (const y of b) {
        const d1 = (x - y + V) % V;
        const d2 = (y - x + V) % V;
        if (used[d1] || used[d2] || diffs.includes(d1) || diffs.includes(d2)) {
          ok = false;
          break;
        }
        diffs.push(d1, d2);
      }
      if (!ok) continue;
      for (const d of diffs) used[d] = 1;
      b.push(x);
      if (place(r + 1)) return true;
      b.pop();
      for (const d of diffs) used[d] = 0;
    }
    if (b.length === 0) break; // empty blocks are interchangeable
  }
  return false;
}
place(1);
if (!found) throw new Error('none');
console.log(`m=${M}`, JSON.stringify(found));
