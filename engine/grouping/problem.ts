// Validates a GroupingInput and compiles it to the index-based model the solver works on.
// All rejections happen here, before any search, so a bad input never costs time or returns half a schedule.
import { GroupingError } from './errors.ts';
import { planGroupSizes } from './sizes.ts';
import type { GroupingInput, MixingAttribute, MixingGoal } from './types.ts';

/** Cost of one hard-rule break; far above any achievable soft cost so the search fixes hard rules first. */
export const HARD_COST = 1_000_000;
/** Cost of one repeated meeting; above the known-pair and diversity terms of a whole group. */
export const REPEAT_COST = 1_000;
/** Cost of one meeting of an already-known pair of weight 1. */
export const KNOWN_COST = 50;
/** Largest head-count: the solver keeps an N×N byte matrix of meetings. */
export const MAX_PEOPLE = 8_000;

const ATTRIBUTES: MixingAttribute[] = ['department', 'location', 'seniority', 'timezone'];
const DEFAULT_MIX_WEIGHT: Record<MixingAttribute, number> = { department: 1, location: 0.5, seniority: 0.25, timezone: 0 };

/** The compiled problem: people are indices 0..n-1, keep-together sets are "units" that move as one. */
export interface Problem {
  n: number;
  ids: string[];
  rounds: number;
  /** Group sizes of every round, largest first. */
  sizes: number[];
  /** Units: keep-together sets (merged when they overlap) and singletons. */
  units: number[][];
  unitOf: Int32Array;
  /** pinned[r * units.length + u] = group index, or -1 when unit u is free in round r. */
  pinned: Int32Array;
  hasPins: boolean;
  hasKeepTogether: boolean;
  /** Static cost of one meeting of pair (i, j): hard + known + same-attribute terms. */
  weight: (i: number, j: number) => number;
  /** Dense copy of `weight` for fast lookups, or null when every weight is zero. */
  weightMatrix: Float32Array | null;
  hasWeights: boolean;
  /** Department index per person (-1 when missing), used to relabel constructions. */
  departmentCode: Int32Array;
  /** Meetings already held (re-planning), or null. */
  history: Uint8Array | null;
  /** A lower bound of one round's mixing cost (see mixingFloor): the search stops once it gets there. */
  mixingFloor: number;
  /** Known pairs as keys i·n + j (i < j), whatever their weight: the metrics count their meetings. */
  known: Set<number>;
}

/** Fewest pairs sharing a value when `count` people are spread over `bins` (as evenly as possible). */
function spreadPairs(count: number, bins: number): number {
  const q = Math.floor(count / bins);
  const r = count % bins;
  return (r * (q + 1) * q) / 2 + ((bins - r) * q * (q - 1)) / 2;
}

/**
 * A lower bound of one round's mixing cost: per attribute, the larger of two counting bounds. People of one value
 * spread over the groups must share some groups; and a group with more seats than there are values must seat two
 * people of one value (only when everybody has the attribute). Capacity and other rules can only raise the cost, so
 * when the search reaches this it has an optimum and may stop early instead of spending its whole time budget
 * (e.g. groups of 4 in an organization with 3 departments).
 */
export function mixingFloor(codes: Int32Array[], weights: number[], sizes: number[]): number {
  let floor = 0;
  codes.forEach((code, a) => {
    const counts = new Map<number, number>();
    let missing = 0;
    for (const c of code) {
      if (c < 0) missing++;
      else counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    let byValue = 0;
    for (const c of counts.values()) byValue += spreadPairs(c, sizes.length);
    let byGroup = 0;
    if (missing === 0 && counts.size > 0) for (const size of sizes) byGroup += spreadPairs(size, counts.size);
    floor += weights[a] * Math.max(byValue, byGroup);
  });
  return floor;
}

const fail = (code: ConstructorParameters<typeof GroupingError>[0], message: string): never => {
  throw new GroupingError(code, message);
};

function checkInteger(value: unknown, name: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    fail('INVALID_INPUT', `${name} must be an integer between ${min} and ${max}, got ${String(value)}`);
  }
  return value as number;
}

/** Validates the input and compiles it; throws GroupingError naming the first conflict found. */
export function buildProblem(input: GroupingInput, rounds = input.rounds, roundOffset = 0): Problem {
  if (!input || !Array.isArray(input.people)) fail('INVALID_INPUT', 'people must be an array');
  const n = input.people.length;
  if (n < 1) fail('INVALID_INPUT', 'people must not be empty');
  if (n > MAX_PEOPLE) fail('TOO_LARGE', `${n} people exceed the limit of ${MAX_PEOPLE}`);
  const k = checkInteger(input.groupSize, 'groupSize', 2, 1000);
  checkInteger(input.rounds, 'rounds', 1, 1000);
  const index = new Map<string, number>();
  const ids: string[] = [];
  for (const person of input.people) {
    const id = person?.id;
    if (typeof id !== 'string' || id.length === 0) fail('INVALID_INPUT', `every person needs a non-empty string id, got ${JSON.stringify(id)}`);
    if (index.has(id)) fail('DUPLICATE_ID', `duplicate person id "${id}"`);
    index.set(id, ids.length);
    ids.push(id);
  }
  const lookup = (id: unknown, where: string): number => {
    const i = typeof id === 'string' ? index.get(id) : undefined;
    if (i === undefined) fail('UNKNOWN_PERSON', `${where} names unknown person "${String(id)}"`);
    return i as number;
  };
  const sizes = planGroupSizes(n, k, input.uneven ?? 'auto', input.rounds);
  const groups = sizes.length;
  const maxSize = sizes[0];

  // Keep-together sets: overlapping sets merge (union-find), since "a with b" and "b with c" means all three.
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  };
  for (const set of input.keepTogether ?? []) {
    if (!Array.isArray(set)) fail('INVALID_INPUT', 'each keepTogether entry must be a list of ids');
    const members = set.map((id) => lookup(id, 'keepTogether'));
    for (const m of members.slice(1)) parent[find(m)] = find(members[0]);
  }
  const unitMembers = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const root = find(i);
    const list = unitMembers.get(root);
    if (list) list.push(i);
    else unitMembers.set(root, [i]);
  }
  const units = [...unitMembers.values()].sort((a, b) => a[0] - b[0]);
  const unitOf = new Int32Array(n);
  units.forEach((members, u) => {
    for (const m of members) unitOf[m] = u;
    if (members.length > maxSize) {
      fail('KEEP_TOGETHER_TOO_LARGE', `keep-together set {${members.map((m) => ids[m]).join(', ')}} has ${members.length} people but groups hold at most ${maxSize}`);
    }
  });

  // Never-together pairs: hard, checked against keep-together sets and simple infeasibility certificates.
  const sparse = new Map<number, number>();
  const key = (i: number, j: number) => (i < j ? i * n + j : j * n + i);
  const forbidden: number[][] = Array.from({ length: n }, () => []);
  for (const pair of input.neverTogether ?? []) {
    if (!Array.isArray(pair) || pair.length !== 2) fail('INVALID_INPUT', 'each neverTogether entry must be a pair of ids');
    const a = lookup(pair[0], 'neverTogether');
    const b = lookup(pair[1], 'neverTogether');
    if (a === b) fail('INFEASIBLE_NEVER_TOGETHER', `"${ids[a]}" cannot be kept apart from themself`);
    if (unitOf[a] === unitOf[b]) {
      fail('KEEP_TOGETHER_CONFLICT', `"${ids[a]}" and "${ids[b]}" are both never-together and keep-together`);
    }
    if (!sparse.has(key(a, b))) {
      forbidden[a].push(b);
      forbidden[b].push(a);
    }
    sparse.set(key(a, b), HARD_COST);
  }
  checkForbiddenFeasible(n, sizes, forbidden, ids);

  const known = new Set<number>();
  for (const pair of input.knownPairs ?? []) {
    const a = lookup(pair?.a, 'knownPairs');
    const b = lookup(pair?.b, 'knownPairs');
    if (a !== b) known.add(key(a, b));
    const w = pair.weight ?? 1;
    if (typeof w !== 'number' || !Number.isFinite(w) || w < 0) fail('INVALID_INPUT', `known pair "${ids[a]}"–"${ids[b]}" has invalid weight ${String(w)}`);
    if (a !== b && unitOf[a] !== unitOf[b]) sparse.set(key(a, b), (sparse.get(key(a, b)) ?? 0) + KNOWN_COST * w);
  }

  // Mixing goals become a per-pair cost for sharing a value, so the whole objective stays pair-decomposable.
  const goals = resolveMixing(input);
  const codes: Int32Array[] = [];
  const codeWeights: number[] = [];
  for (const goal of goals) {
    const values = new Map<string, number>();
    const code = new Int32Array(n).fill(-1);
    input.people.forEach((p, i) => {
      const v = p[goal.attribute];
      if (v === undefined || v === null || v === '') return;
      const s = String(v);
      if (!values.has(s)) values.set(s, values.size);
      code[i] = values.get(s) as number;
    });
    if (values.size === 0) fail('UNKNOWN_ATTRIBUTE', `mixing goal names attribute "${goal.attribute}" but no person has it`);
    codes.push(code);
    codeWeights.push(goal.weight ?? 1);
  }
  const departmentCode = new Int32Array(n).fill(-1);
  {
    const values = new Map<string, number>();
    input.people.forEach((p, i) => {
      if (!p.department) return;
      if (!values.has(p.department)) values.set(p.department, values.size);
      departmentCode[i] = values.get(p.department) as number;
    });
  }

  const hasWeights = sparse.size > 0 || codes.length > 0;
  const weight = (i: number, j: number): number => {
    let w = sparse.size > 0 ? (sparse.get(key(i, j)) ?? 0) : 0;
    for (let a = 0; a < codes.length; a++) {
      const c = codes[a];
      if (c[i] >= 0 && c[i] === c[j]) w += codeWeights[a];
    }
    return w;
  };
  // A dense matrix turns the hot lookup into one array read; 2,500² floats are 25 MB, the memory ceiling we accept.
  let weightMatrix: Float32Array | null = null;
  if (hasWeights && n <= 2500) {
    // Built attribute by attribute with plain loops, then the sparse pairs: much faster than n² weight() calls.
    weightMatrix = new Float32Array(n * n);
    for (let a = 0; a < codes.length; a++) {
      const c = codes[a];
      const w = codeWeights[a];
      for (let i = 0; i < n; i++) {
        const ci = c[i];
        if (ci < 0) continue;
        const row = i * n;
        for (let j = 0; j < n; j++) if (c[j] === ci && j !== i) weightMatrix[row + j] += w;
      }
    }
    for (const [k2, w] of sparse) {
      const i = Math.floor(k2 / n);
      const j = k2 % n;
      weightMatrix[i * n + j] += w;
      weightMatrix[j * n + i] += w;
    }
  }

  const pinned = new Int32Array(rounds * units.length).fill(-1);
  let hasPins = false;
  const load = new Int32Array(rounds * groups);
  for (const pin of input.preAssignments ?? []) {
    const p = lookup(pin?.id, 'preAssignments');
    checkInteger(pin.round, `pre-assignment round of "${ids[p]}"`, 0, input.rounds - 1);
    checkInteger(pin.group, `pre-assignment group of "${ids[p]}"`, 0, groups - 1);
    const r = pin.round - roundOffset;
    if (r < 0) continue; // a pin in a round that is already held changes nothing
    const u = unitOf[p];
    const slot = r * units.length + u;
    if (pinned[slot] === pin.group) continue;
    if (pinned[slot] !== -1) {
      fail('INFEASIBLE_PRE_ASSIGNMENT', `"${ids[p]}" (or a keep-together partner) is pinned to groups ${pinned[slot]} and ${pin.group} in round ${pin.round}`);
    }
    pinned[slot] = pin.group;
    hasPins = true;
    load[r * groups + pin.group] += units[u].length;
    if (load[r * groups + pin.group] > sizes[pin.group]) {
      fail('INFEASIBLE_PRE_ASSIGNMENT', `round ${pin.round} group ${pin.group} holds ${sizes[pin.group]} people but more are pinned to it (last: "${ids[p]}")`);
    }
  }
  if (hasPins) {
    for (let r = 0; r < rounds; r++) {
      for (let g = 0; g < groups; g++) {
        const members: number[] = [];
        units.forEach((m, u) => {
          if (pinned[r * units.length + u] === g) members.push(...m);
        });
        for (const a of members) {
          for (const b of forbidden[a]) {
            if (members.includes(b)) fail('INFEASIBLE_NEVER_TOGETHER', `"${ids[a]}" and "${ids[b]}" are never-together but pinned to group ${g} in round ${r + roundOffset}`);
          }
        }
      }
    }
  }

  return {
    n,
    ids,
    rounds,
    sizes,
    units,
    unitOf,
    pinned,
    hasPins,
    hasKeepTogether: units.length < n,
    weight,
    weightMatrix,
    hasWeights,
    departmentCode,
    history: null,
    mixingFloor: mixingFloor(codes, codeWeights, sizes),
    known,
  };
}

function resolveMixing(input: GroupingInput): MixingGoal[] {
  if (input.mixing) {
    for (const goal of input.mixing) {
      if (!ATTRIBUTES.includes(goal?.attribute)) {
        fail('UNKNOWN_ATTRIBUTE', `unknown mixing attribute "${String(goal?.attribute)}" (known: ${ATTRIBUTES.join(', ')})`);
      }
      const w = goal.weight ?? 1;
      if (typeof w !== 'number' || !Number.isFinite(w) || w < 0) fail('INVALID_INPUT', `mixing weight for "${goal.attribute}" must be a non-negative number`);
    }
    return input.mixing.filter((g) => (g.weight ?? 1) > 0);
  }
  // Default: mix every attribute somebody has, department first (the issue's "cross-functional" goal).
  return ATTRIBUTES.filter((a) => DEFAULT_MIX_WEIGHT[a] > 0 && input.people.some((p) => p[a] !== undefined && p[a] !== ''))
    .map((attribute) => ({ attribute, weight: DEFAULT_MIX_WEIGHT[attribute] }));
}

// Two cheap certificates that no round can be formed: a person who may sit with too few others, and a set of
// people who pairwise may not meet but outnumber the groups (each would need a group of their own).
function checkForbiddenFeasible(n: number, sizes: number[], forbidden: number[][], ids: string[]): void {
  const smallest = sizes[sizes.length - 1];
  for (let i = 0; i < n; i++) {
    if (n - 1 - forbidden[i].length < smallest - 1) {
      fail('INFEASIBLE_NEVER_TOGETHER', `"${ids[i]}" is never-together with ${forbidden[i].length} of ${n - 1} others, leaving too few for a group of ${smallest}`);
    }
  }
  const groups = sizes.length;
  for (let i = 0; i < n; i++) {
    if (forbidden[i].length < groups) continue;
    // Greedy clique through i: good enough to catch the common "everyone in a team avoids each other" case.
    const clique = [i];
    const candidates = [...forbidden[i]].sort((a, b) => forbidden[b].length - forbidden[a].length);
    for (const c of candidates) {
      if (clique.every((m) => forbidden[c].includes(m))) clique.push(c);
    }
    if (clique.length > groups) {
      fail('INFEASIBLE_NEVER_TOGETHER', `${clique.length} people must pairwise be apart but there are only ${groups} groups: ${clique.map((m) => `"${ids[m]}"`).join(', ')}`);
    }
  }
}
