// Base classes of 1-rotational resolvable packings, found offline by bench/grouping/find-base-blocks.ts and
// verified by designs.test.ts. Points are x + m·orbit for x in Z_m, then the fixed points m·orbits, m·orbits+1, ...
// Each base class is a partition of all points; developing it by x -> x + t (mod m) gives m rounds in which no
// pair meets twice. Stored rather than searched at run time because the search takes seconds, the lookup nothing.

/** One stored base-class family: `classes.length · m` rounds of groups of `k` on `m · orbits + fixed` people. */
export interface CyclicDesign {
  name: string;
  m: number;
  orbits: number;
  fixed: number;
  k: number;
  classes: number[][][];
}

/** The stored families, keyed by what they solve. */
export const CYCLIC_DESIGNS: CyclicDesign[] = [
  {
    name: 'Kirkman triple system KTS(15), 1-rotational over Z_7',
    m: 7,
    orbits: 2,
    fixed: 1,
    k: 3,
    classes: [[[14, 3, 12], [0, 11, 6], [1, 5, 8], [2, 10, 4], [7, 13, 9]]],
  },
  {
    name: 'Nearly Kirkman triple system NKTS(18) over Z_4 with two fixed points',
    m: 4,
    orbits: 4,
    fixed: 2,
    k: 3,
    classes: [
      [[16, 4, 11], [17, 6, 1], [0, 8, 3], [2, 12, 15], [5, 10, 13], [7, 9, 14]],
      [[16, 0, 12], [17, 10, 14], [1, 11, 8], [2, 4, 13], [3, 6, 7], [5, 15, 9]],
    ],
  },
  {
    name: 'Resolvable (28,4,1) design, 1-rotational over Z_9',
    m: 9,
    orbits: 3,
    fixed: 1,
    k: 4,
    classes: [[[27, 6, 25, 13], [0, 21, 3, 20], [1, 26, 24, 2], [4, 8, 12, 14], [5, 16, 10, 7], [9, 18, 17, 23], [11, 15, 19, 22]]],
  },
];
