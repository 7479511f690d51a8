// engine/network — public surface of the social-network engine (pure: no I/O, imports nothing outside this folder).
// Owns: building the CSR graph from ties, density, degree and strength, connected components and isolates, the
// E-I index by an attribute, Louvain and Leiden communities and modularity, before/after comparison, and the whole report.
// Brokers (betweenness) live in betweenness.ts and are injected into `report`. Errors: NetworkError with a stable
// `code`. Deterministic for a seed. The CLI (cli.ts; its parsing and output in cli-command.ts and cli-files.ts, with
// the I/O handed in) is not re-exported; cli.ts is the only file here that does I/O.
export {
  analyse,
  type BrokerEntry,
  type BrokerFn,
  type BrokerResult,
  type BrokersMethod,
  type NetworkAnalysis,
  type NetworkReport,
  type NodeRow,
  type ReportOptions,
  report,
} from './analyse.ts';
export { type BuildOptions, buildGraph } from './build.ts';
export { type CommunityOptions, type Communities, louvain, modularity } from './communities.ts';
export { type BestCommunityOptions, bestCommunities, DEFAULT_LEIDEN_RUNS, leiden, splitDisconnected } from './communities.leiden.ts';
export { compareGraphs, type GraphComparison } from './compare.ts';
export { type Attribute, type EiIndex, eiIndex, groupIndex } from './ei-index.ts';
export { NetworkError, type NetworkErrorCode } from './errors.ts';
export type { Graph, Tie } from './graph.ts';
export { type Components, components, degree, density, type Direction, isolates, strength, tieCount } from './metrics.ts';
