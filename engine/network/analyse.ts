// The whole-network report: one pass over every measure, in the shape `hearth network` prints as JSON, plus the
// per-node table its CSV prints. Brokers come from an injected function (betweenness lives in its own files).
import { bestCommunities } from './communities.leiden.ts';
import { type Attribute, eiIndex, groupIndex } from './ei-index.ts';
import type { Graph } from './graph.ts';
import { components, degree, density, isolates, strength, tieCount } from './metrics.ts';

/** One ranked broker. */
export interface BrokerEntry {
  id: string;
  betweenness: number;
}

/**
 * How betweenness was found: exactly, or by sampling with an additive error bound epsilon failing with probability
 * delta (and, from betweenness.ts, the samples and the top-k bound: no node outside the `top` has betweenness more
 * than `gap` above one inside; when `met`, at most (1 + `tolerance`) times it).
 */
export type BrokersMethod =
  | 'exact'
  | { sampled: { epsilon: number; delta: number; samples?: number; top?: number; gap?: number; tolerance?: number; met?: boolean } };

/** What a brokers function answers: the top nodes by betweenness, highest first, and the method. */
export interface BrokerResult {
  brokers: BrokerEntry[];
  method: BrokersMethod;
}

/** Ranks the graph's brokers (engine/network/betweenness.ts provides one); may be asynchronous (worker threads). */
export type BrokerFn = (graph: Graph, opts: { top: number }) => BrokerResult | Promise<BrokerResult>;

/** Options of `report` / `analyse`. */
export interface ReportOptions {
  /** Node attribute for the E-I index (id → value); without it `eiIndex` is null. */
  attribute?: Attribute;
  /** Ranks brokers; without it `brokers` is [] and `brokersMethod` null. */
  brokers?: BrokerFn;
  /** How many brokers (default 50). */
  top?: number;
  /** Seed of the community search (default 1): Louvain with it and Leiden with it and the next seeds (bestCommunities). */
  seed?: number;
}

/** The report, field for field what `hearth network --format json` prints. */
export interface NetworkReport {
  nodes: number;
  edges: number;
  density: number;
  /** Component sizes, largest first. */
  components: number[];
  /** Ids of nodes without ties. */
  isolates: string[];
  eiIndex: { overall: number | null; byGroup: Record<string, number> } | null;
  communities: { count: number; modularity: number };
  brokers: BrokerEntry[];
  brokersMethod: BrokersMethod | null;
}

/** One node's row: component and community are numbered from 1 (1 = largest component). */
export interface NodeRow {
  id: string;
  degree: number;
  strength: number;
  component: number;
  community: number;
  /** The attribute's value, or null. */
  group: string | null;
  /** Normalized betweenness when the node is among the top brokers, else null. */
  betweenness: number | null;
}

/** The report and the per-node table. */
export interface NetworkAnalysis {
  report: NetworkReport;
  nodes: NodeRow[];
}

/** Computes every measure once. */
export async function analyse(graph: Graph, opts: ReportOptions = {}): Promise<NetworkAnalysis> {
  const comps = components(graph);
  const comms = bestCommunities(graph, { seed: opts.seed ?? 1 });
  const ei = opts.attribute ? eiIndex(graph, opts.attribute) : null;
  const ranked = opts.brokers ? await opts.brokers(graph, { top: opts.top ?? 50 }) : null;
  const report: NetworkReport = {
    nodes: graph.n,
    edges: tieCount(graph),
    density: density(graph),
    components: comps.sizes,
    isolates: isolates(graph),
    eiIndex: ei ? { overall: ei.overall, byGroup: ei.byGroup } : null,
    communities: { count: comms.count, modularity: comms.modularity },
    brokers: ranked?.brokers ?? [],
    brokersMethod: ranked ? plainMethod(ranked.method) : null,
  };
  const deg = degree(graph);
  const str = strength(graph);
  const groups = opts.attribute ? groupIndex(graph, opts.attribute) : null;
  const between = new Map(report.brokers.map((b) => [b.id, b.betweenness]));
  const nodes: NodeRow[] = graph.ids.map((id, v) => ({
    id,
    degree: deg[v],
    strength: str[v],
    component: comps.label[v] + 1,
    community: comms.membership[v] + 1,
    group: groups && groups.group[v] >= 0 ? groups.names[groups.group[v]] : null,
    betweenness: between.get(id) ?? null,
  }));
  return { report, nodes };
}

/** The report alone. */
export async function report(graph: Graph, opts: ReportOptions = {}): Promise<NetworkReport> {
  return (await analyse(graph, opts)).report;
}

// Keeps what the method promises (and a sample count if the brokers function gives one) without aliasing its object.
function plainMethod(method: BrokersMethod): BrokersMethod {
  return method === 'exact' ? 'exact' : { sampled: { ...method.sampled } };
}
