// Child process: engine/network on one synthetic organization. Usage: hearth-child.ts <10k|100k> <full|report>.
// `full` (10k) also times exact betweenness (one thread, two worker threads) and sampled brokers over seeds 1–5 (the
// progressive top-k sampler brokers() uses, and the fixed Riondato–Kornaropoulos count it replaced) against the exact
// top 100; `report` (100k) times the build, the default report and the communities only, so its peak RSS is the
// report's. Run with --expose-gc: the generator's scratch is collected before the build.
import { brokers, DEFAULT_DELTA, DEFAULT_EPSILON, exactBetweenness, rankBrokers } from '../../engine/network/betweenness.ts';
import { sampledBetweenness } from '../../engine/network/betweenness.sample.ts';
import { exactBetweennessThreads } from '../../engine/network/betweenness.worker.ts';
import { bestCommunities, buildGraph, type Graph, louvain, report } from '../../engine/network/index.ts';
import { organization } from './org.ts';
import { emit, SIZES, type SizeName, TOP, timed, writePartition } from './step.ts';

/** Seeds whose modularity spread (and, at 10k, sampled brokers' overlap) is reported (seed 1 is the report's). */
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
  await communitySteps();
} else {
  const sampledReport = await timed(
    'report-sampled',
    () => report(graph, { attribute, brokers: timedBrokers('report-sampled', 0), top: TOP }),
    summary,
  );
  await communitySteps();
  const exact = await timed('exact-1-thread', () => exactBetweenness(graph));
  const exactTop = rankBrokers(graph, exact, TOP);
  emit('exact-top', undefined, { top: exactTop });
  await timed('exact-2-threads', () => exactBetweennessThreads(graph, 2), (scores) => ({ identical: scores.every((x, v) => x === exact[v]) }));
  emit('sampled-overlap', undefined, { seed: 1, overlap: overlap(ids(sampledReport.brokers), ids(exactTop)), method: sampledReport.brokersMethod });
  for (const seed of SEEDS) {
    await timed(`sampled-seed-${seed}`, () => brokers(graph, { top: TOP, budget: 0, seed }), (r) => ({ seed, overlap: overlap(ids(r.brokers), ids(exactTop)), method: r.method }));
  }
  // The fixed Riondato–Kornaropoulos count at the default epsilon, as brokers() drew before the top-k rule.
  for (const seed of SEEDS) {
    await timed(
      `fixed-seed-${seed}`,
      () => sampledBetweenness(graph, { epsilon: DEFAULT_EPSILON, delta: DEFAULT_DELTA, seed }),
      (r) => ({ seed, samples: r.samples, overlap: overlap(ids(rankBrokers(graph, r.scores, TOP)), ids(exactTop)) }),
    );
  }
  await timed('report-default', () => report(graph, { attribute, brokers: timedBrokers('report-default'), top: TOP }), (r) => ({
    ...summary(r),
    overlap: overlap(ids(r.brokers), ids(exactTop)),
  }));
}

/** Louvain alone, then the report's communities (best of Louvain and Leiden runs), whose partition the runner scores. */
async function communitySteps(): Promise<void> {
  const part = (c: ReturnType<typeof louvain>) => ({ count: c.count, modularity: c.modularity, levels: c.levels });
  await timed('louvain', () => louvain(graph, { seed: 1 }), part);
  const comms = await timed('communities', () => bestCommunities(graph, { seed: 1 }), part);
  writePartition('hearth', size, comms.membership);
  for (const [name, find] of [['louvain-seeds', louvain], ['communities-seeds', bestCommunities]] as const) {
    const t0 = performance.now();
    const modularity = SEEDS.map((seed) => find(graph, { seed }).modularity);
    emit(name, (performance.now() - t0) / SEEDS.length, { seeds: SEEDS, modularity });
  }
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
