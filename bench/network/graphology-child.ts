// Child process: graphology (with graphology-metrics and graphology-communities-louvain) on the same synthetic
// organization. Usage: graphology-child.ts <10k|100k> <betweenness|no-betweenness>. The "full report" is density,
// connected components, Louvain and (when asked) exact betweenness, timed step by step in one sequence. graphology
// has no connected-components function in these packages (it lives in graphology-components), so components are a
// plain traversal over graphology's own neighbour iteration, as graphology-components does it.
import Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import betweenness from 'graphology-metrics/centrality/betweenness';
import { density } from 'graphology-metrics/graph/density';
import modularity from 'graphology-metrics/graph/modularity';
import { organization } from './org.ts';
import { cpuMs, emit, SIZES, type SizeName, TOP, timed, writePartition } from './step.ts';

const size = process.argv[2] as SizeName;
const withBetweenness = process.argv[3] === 'betweenness';
const { people, ties } = SIZES[size];

const org = organization(people, ties, 1);
(globalThis as { gc?: () => void }).gc?.();
emit('generated', undefined, {});

const graph = await timed(
  'build',
  () => {
    const g = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
    for (const id of org.ids) g.addNode(id);
    for (const t of org.ties) g.addEdge(t.a, t.b, { weight: t.weight ?? 1 });
    return g;
  },
  (g) => ({ n: g.order, edges: g.size }),
);

let reportMs = 0;
let reportCpuMs = 0;
const step = async <T>(name: string, fn: () => T, extra: (r: T) => Record<string, unknown>) => {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const r = fn();
  const ms = performance.now() - t0;
  const cpu = cpuMs(c0);
  reportMs += ms;
  reportCpuMs += cpu;
  emit(name, ms, { cpuMs: cpu, ...extra(r) });
  return r;
};
await step('density', () => density(graph), (d) => ({ density: d }));
await step('components', () => componentSizes(graph), (s) => ({ components: s.length, largestComponent: s[0] }));
const detailed = await step('louvain', () => louvain.detailed(graph, { getEdgeWeight: 'weight', rng: mulberry32(1) }), (d) => ({
  count: d.count,
  modularity: d.modularity,
}));
if (withBetweenness) {
  await step('betweenness', () => betweenness(graph, { getEdgeWeight: null, normalized: true }), (scores) => ({
    top: Object.entries(scores)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, TOP)
      .map(([id, betweenness]) => ({ id, betweenness })),
  }));
}
emit('report', reportMs, { cpuMs: reportCpuMs, betweenness: withBetweenness });
// Outside the timings: the partition for the runner, and graphology-metrics' modularity of it (a cross-check of the
// modularity function the runner scores both partitions with).
writePartition('graphology', size, org.ids.map((id) => detailed.communities[id]));
const seeds = [1, 2, 3, 4, 5];
const t0 = performance.now();
const bySeed = seeds.map((seed) => louvain.detailed(graph, { getEdgeWeight: 'weight', rng: mulberry32(seed) }).modularity);
emit('louvain-seeds', (performance.now() - t0) / seeds.length, { seeds, modularity: bySeed });
emit('metrics-modularity', undefined, { modularity: modularity(graph, { getNodeCommunity: (node) => detailed.communities[node], getEdgeWeight: 'weight' }) });

function componentSizes(g: Graph): number[] {
  const seen = new Set<string>();
  const sizes: number[] = [];
  g.forEachNode((start) => {
    if (seen.has(start)) return;
    seen.add(start);
    const stack = [start];
    let count = 0;
    while (stack.length) {
      const x = stack.pop() as string;
      count++;
      g.forEachNeighbor(x, (y) => {
        if (!seen.has(y)) {
          seen.add(y);
          stack.push(y);
        }
      });
    }
    sizes.push(count);
  });
  return sizes.sort((a, b) => b - a);
}

function mulberry32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
