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
  {
    // Explicit rounds (m = 1 develops to itself), built by bench/grouping/find-8-4-10.ts over GF(2)^3 × 4.
    name: 'Resolvable 4-GDD of type 2^16 (8-4-10)',
    m: 1,
    orbits: 32,
    fixed: 0,
    k: 4,
    classes: [
      [[0,  8,  16,  24],  [1,  9,  17,  25],  [2,  10,  18,  26],  [3,  11,  19,  27],  [4,  12,  20,  28],  [5,  13,  21,  29],  [6,  14,  22,  30],  [7,  15,  23,  31]],
      [[0,  9,  20,  26],  [1,  8,  21,  27],  [2,  11,  22,  24],  [3,  10,  23,  25],  [4,  13,  16,  30],  [5,  12,  17,  31],  [6,  15,  18,  28],  [7,  14,  19,  29]],
      [[0,  10,  17,  28],  [1,  11,  16,  29],  [2,  8,  19,  30],  [3,  9,  18,  31],  [4,  14,  21,  24],  [5,  15,  20,  25],  [6,  12,  23,  26],  [7,  13,  22,  27]],
      [[0,  13,  19,  25],  [1,  12,  18,  24],  [2,  15,  17,  27],  [3,  14,  16,  26],  [4,  9,  23,  29],  [5,  8,  22,  28],  [6,  11,  21,  31],  [7,  10,  20,  30]],
      [[0,  14,  23,  27],  [1,  15,  22,  26],  [2,  12,  21,  25],  [3,  13,  20,  24],  [4,  10,  19,  31],  [5,  11,  18,  30],  [6,  8,  17,  29],  [7,  9,  16,  28]],
      [[0,  15,  21,  30],  [1,  14,  20,  31],  [2,  13,  23,  28],  [3,  12,  22,  29],  [4,  11,  17,  26],  [5,  10,  16,  27],  [6,  9,  19,  24],  [7,  8,  18,  25]],
      [[0,  3,  5,  6],  [1,  2,  4,  7],  [8,  10,  12,  14],  [9,  11,  13,  15],  [16,  22,  25,  31],  [17,  23,  24,  30],  [18,  20,  27,  29],  [19,  21,  26,  28]],
      [[16,  18,  21,  23],  [17,  19,  20,  22],  [24,  27,  28,  31],  [25,  26,  29,  30],  [0,  7,  12,  11],  [1,  6,  13,  10],  [2,  5,  14,  9],  [3,  4,  15,  8]],
      [[0,  4,  22,  18],  [1,  5,  23,  19],  [2,  6,  20,  16],  [3,  7,  21,  17],  [8,  13,  31,  26],  [9,  12,  30,  27],  [10,  15,  29,  24],  [11,  14,  28,  25]],
      [[0,  2,  29,  31],  [1,  3,  28,  30],  [4,  6,  25,  27],  [5,  7,  24,  26],  [8,  11,  23,  20],  [9,  10,  22,  21],  [12,  15,  19,  16],  [13,  14,  18,  17]]
    ],
  },
];

/** Z_3m ∪ {∞} resolvable (3m+1, 4, 1) designs: the base class {∞,0,m,2m} ∪ (blocks + {0,m,2m}), developed by +1. */
export interface RotationalDesign {
  name: string;
  m: number;
  blocks: number[][];
}

/** Found by bench/grouping/find-rbibd40.ts (instant for these m). */
export const ROTATIONAL_DESIGNS: RotationalDesign[] = [
  { name: 'Resolvable (40,4,1) design over Z_39 ∪ {∞}', m: 13, blocks: [[1, 5, 8, 25], [2, 3, 36, 11], [4, 6, 33, 22]] },
  { name: 'Resolvable (52,4,1) design over Z_51 ∪ {∞}', m: 17, blocks: [[1, 2, 20, 24], [4, 25, 12, 49], [5, 10, 45, 30], [6, 9, 48, 50]] },
  { name: 'Resolvable (64,4,1) design over Z_63 ∪ {∞}', m: 21, blocks: [[1, 2, 24, 52], [4, 47, 37, 41], [6, 13, 15, 40], [7, 51, 12, 59], [8, 53, 56, 39]] },
];
