// Connection-outcomes bench (issue 14 item 4): does grouping create new cross-department ties, and bridge
// department pairs that had none? A seeded synthetic organization of 2,000 people in 32 departments (org.ts), a
// 200-person program in groups of 4 over 6 rounds, four methods, measured with engine/network before and after.
// Run: npm run bench:connections   Writes bench/results/connection-outcomes.json and its section of bench/RESULTS.md.
import { loadavg } from 'node:os';
import { formGroups, type Schedule } from '../../engine/grouping/index.ts';
import { Prng } from '../../engine/grouping/prng.ts';
import { machine, writeResult, writeResultsSection } from '../lib.ts';
import { type Bounds, bounds, departmentTies, measure, type Outcome } from './measure.ts';
import { benchOrganization, drawProgram } from './org.ts';
import { markdown } from './report.ts';

const PEOPLE = 2000;
const DEPARTMENTS = 32;
const PROGRAM = 200;
const SIZE = 4;
const ROUNDS = 6;
/** The programs module's budget for up to 500 people. */
const BUDGET_MS = 1500;
/** Donut-style: reshuffles tried per round before taking the one with the fewest repeats. */
const RESHUFFLES = 200;
const SEEDS = [1, 2, 3, 4, 5];

export type Method = 'random' | 'donut' | 'hearth-no-ties' | 'hearth';
export const METHODS: Method[] = ['random', 'donut', 'hearth-no-ties', 'hearth'];

function chunk(ids: string[]): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < ids.length; i += SIZE) out.push(ids.slice(i, i + SIZE));
  return out;
}

/** Random groups each round: what a video tool's "random breakout rooms" does. */
function randomSchedule(ids: string[], rng: Prng): Schedule {
  return Array.from({ length: ROUNDS }, () => chunk(rng.shuffle([...ids])));
}

/** Donut-style: random each round, reshuffled up to RESHUFFLES times to avoid people who already met. */
function donutSchedule(ids: string[], rng: Prng): Schedule {
  const met = new Set<string>();
  const key = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);
  const rounds: Schedule = [];
  for (let r = 0; r < ROUNDS; r++) {
    let best: string[][] = [];
    let bestRepeats = Number.POSITIVE_INFINITY;
    for (let t = 0; t < RESHUFFLES && bestRepeats > 0; t++) {
      const groups = chunk(rng.shuffle([...ids]));
      let repeats = 0;
      for (const g of groups) for (let i = 0; i < g.length; i++) for (let j = i + 1; j < g.length; j++) if (met.has(key(g[i], g[j]))) repeats++;
      if (repeats < bestRepeats) {
        best = groups;
        bestRepeats = repeats;
      }
    }
    for (const g of best) for (let i = 0; i < g.length; i++) for (let j = i + 1; j < g.length; j++) met.add(key(g[i], g[j]));
    rounds.push(best);
  }
  return rounds;
}

export interface SeedResult {
  seed: number;
  departmentSizes: number[];
  orgTies: number;
  programDepartments: number;
  bounds: Bounds;
  methods: Record<Method, Outcome & { ms: number }>;
}

const loadStart = loadavg().map((x) => Math.round(x * 10) / 10);
const started = performance.now();
const results: SeedResult[] = [];
for (const seed of SEEDS) {
  const org = benchOrganization(PEOPLE, DEPARTMENTS, seed);
  const members = drawProgram(org, PROGRAM, seed);
  const ids = members.map((m) => org.ids[m]);
  const inProgram = new Set(ids);
  const people = members.map((m) => ({ id: org.ids[m], department: org.department[m] }));
  // What Hearth is given: who already has a tie (to avoid, as the directory's close colleagues are) and the counts.
  const knownPairs = org.ties.filter((t) => inProgram.has(t.a) && inProgram.has(t.b)).map((t) => ({ a: t.a, b: t.b }));
  const ties = departmentTies(org);
  const rng = new Prng(seed);
  const run = (method: Method): Schedule => {
    if (method === 'random') return randomSchedule(ids, rng);
    if (method === 'donut') return donutSchedule(ids, rng);
    const input = { people, groupSize: SIZE, rounds: ROUNDS, knownPairs, ...(method === 'hearth' ? { departmentTies: ties } : {}) };
    return formGroups(input, { seed, timeLimitMs: BUDGET_MS }).rounds;
  };
  const methods = {} as SeedResult['methods'];
  for (const method of METHODS) {
    const t0 = performance.now();
    const schedule = run(method);
    const ms = Math.round(performance.now() - t0);
    methods[method] = { ...measure(org, schedule), ms };
  }
  const sizes = org.departments.map((d) => org.department.filter((x) => x === d).length);
  const result: SeedResult = {
    seed,
    departmentSizes: sizes,
    orgTies: org.ties.length,
    programDepartments: new Set(people.map((p) => p.department)).size,
    bounds: bounds(org, members, ROUNDS, SIZE),
    methods,
  };
  results.push(result);
  console.log(JSON.stringify({ seed, bounds: result.bounds, methods }));
}

const loadEnd = loadavg().map((x) => Math.round(x * 10) / 10);
const info = { ...machine(), loadStart, loadEnd, totalS: Math.round((performance.now() - started) / 1000) };
const setup = { people: PEOPLE, departments: DEPARTMENTS, program: PROGRAM, size: SIZE, rounds: ROUNDS, budgetMs: BUDGET_MS, reshuffles: RESHUFFLES, seeds: SEEDS };
writeResult('connection-outcomes', { machine: info, setup, results });
writeResultsSection('connection-outcomes', markdown(info, setup, results));
console.log(`connection-outcomes bench done in ${info.totalS} s`);
