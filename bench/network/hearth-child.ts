// Child process: engine/network on one synthetic organization. Usage: hearth-child.ts <10k|100k> <full|report>.
// `full` (10k) also times exact betweenness (one thread, two worker threads) and sampled brokers at several epsilons
// against the exact top 100; `report` (100k) times the build, the default report and Louvain only, so its peak RSS is
// the report's. Run with --expose-gc: the generator's scratch is collected before the build.
import { brokers, exactBetweenness, rankBrokers } from '../../engine/network/betweenness.ts';
import { exactBetweennessThreads } from '../../engine/network/betweenness.worker.ts';
import { buildGraph, type Graph, louvain, report } from '../../engine/network/index.ts';
import { organization } from './org.ts';
import { emit, SIZES, type SizeName, TOP, timed, writePartition } from './step.ts';

/** Louvain seeds whose modularity spread is reported (seed 1 is the report's). */
const SEEDS = [1, 2, 3, 4, 5];

const size = process.argv[2] as SizeName;
const mode = process.argv[3] ?? 'report';
const { people, ties } = SIZES[size];

const org = organization(people, ties, 1);
const attribute = new Map(org.ids.map((id, v) => [id, `d${org.department[v]}`]));
(globalThis as { gc?: () => void }).gc?.();
emit('generated', undefined, { departments: org.departments, teams: org.teams, kinds: org.kinds });

const graph = await timed('build', () => buildGraph(org.ties, { nodes: org.ids }), (g) => ({ n: g.n, arcs: g.targets.length }));
const ids = (list: { id: string }[]) => list.map((b) => b.id);
/** A brokers function that also prints how long it took inside the report (`<step>-brokers`). */
const timedBrokers =
  (step: string, budget?: number) =>
  async (g: Graph, o: { top: number }) =>
    timed(`${step}-brokers`, () => brokers(g, { top: o.top, ...(budget === undefined ? {} : { budget }) }), (r) => ({ method: r.method }));
const overlap = (a: string[], b: string[]) => {
  const set = new Set(b);
  return a.filter((id) => set.has(id)).length / Math.max(1, b.length);
};

if (mode === 'report') {
  // The report as `hearth network` makes it: default brokers (exact within the budget, sampled past it when far cheaper).
  await timed('report-default', () => report(graph, { attribute, brokers: timedBrokers('report-default'), top: TOP }), summary);
  const comms = await timed('louvain', () => louvain(graph, { seed: 1 }), (c) => ({ count: c.count, modularity: c.modularity, levels: c.levels }));
  writePartition('hearth', size, comms.membership);
  louvainSeeds();
} else {
  const sampledReport = await timed(
    'report-sampled',
    () => report(graph, { attribute, brokers: timedBrokers('report-sampled', 0), top: TOP }),
    summary,
  );
  const comms = await timed('louvain', () => louvain(graph, { seed: 1 }), (c) => ({ count: c.count, modularity: c.modularity, levels: c.levels }));
  writePartition('hearth', size, comms.membership);
  louvainSeeds();
  const exact = await timed('exact-1-thread', () => exactBetweenness(graph));
  const exactTop = rankBrokers(graph, exact, TOP);
  emit('exact-top', undefined, { top: exactTop });
  await timed('exact-2-threads', () => exactBetweennessThreads(graph, 2), (scores) => ({ identical: scores.every((x, v) => x === exact[v]) }));
  emit('sampled-overlap', undefined, { epsilon: 0.02, seed: 1, overlap: overlap(ids(sampledReport.brokers), ids(exactTop)), method: sampledReport.brokersMethod });
  for (const [epsilon, seed] of [[0.05, 1], [0.03, 1], [0.03, 2], [0.02, 2], [0.01, 1]] as const) {
    await timed(`sampled-${epsilon}-seed-${seed}`, () => brokers(graph, { top: TOP, budget: 0, epsilon, seed }), (r) => ({
      epsilon,
      seed,
      overlap: overlap(ids(r.brokers), ids(exactTop)),
      method: r.method,
    }));
  }
  await timed('report-default', () => report(graph, { attribute, brokers: timedBrokers('report-default'), top: TOP }), (r) => ({
    ...summary(r),
    overlap: overlap(ids(r.brokers), ids(exactTop)),
  }));
}

function louvainSeeds(): void {
  const t0 = performance.now();
  const modularity = SEEDS.map((seed) => louvain(graph, { seed }).modularity);
  emit('louvain-seeds', (performance.now() - t0) / SEEDS.length, { seeds: SEEDS, modularity });
}

function summary(r: Awaited<ReturnType<typeof report>>) {
  return {
    density: r.density,
    components: r.components.length,
    largestComponent: r.components[0],
    isolates: r.isolates.length,
    communities: r.communities,
    eiOverall: r.eiIndex?.overall ?? null,
    brokersMethod: r.brokersMethod,
    brokers: r.brokers.length,
  };
}
