import { NETWORK_GRAPH_MAX_EDGES, NETWORK_MAX_RANGE_DAYS, type NetworkGraph, type NetworkReportQuery } from '../../../../contracts/index.ts';
import { brokers } from '../../../../engine/network/betweenness.ts';
import { analyse, buildGraph } from '../../../../engine/network/index.ts';
import type { Actor } from '../../kernel/auth/sessions.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import { resolveDayRange } from '../../kernel/day-range.ts';
import { notFound } from '../../kernel/errors.ts';
import * as policy from './network.policy.ts';
import * as repo from './network.repo.ts';
import { groupedBySize } from './network.service.ts';

/** At most `max` of the ties, the strongest first kept (ties of equal weight in a stable order: by their ends). */
export function strongestTies<T extends { a: string; b: string; weight: number | string }>(ties: T[], max: number): T[] {
  if (ties.length <= max) return ties;
  const key = (t: T) => `${t.a} ${t.b}`;
  return [...ties].sort((x, y) => Number(y.weight) - Number(x.weight) || (key(x) < key(y) ? -1 : key(x) > key(y) ? 1 : 0)).slice(0, max);
}

/**
 * The organization network as a picture draws it (org admins and analysts): every active person with department,
 * community, degree and broker score, and the ties between them, the strongest NETWORK_GRAPH_MAX_EDGES at most.
 */
export async function getNetworkGraph(deps: AppDeps, actor: Actor, q: NetworkReportQuery): Promise<NetworkGraph> {
  if (!policy.canAnalyse(actor)) throw notFound('The page');
  const { from, to } = resolveDayRange(q, { defaultDays: 90, maxDays: NETWORK_MAX_RANGE_DAYS, tooLong: 'Choose a first day before the last, at most three years apart.' });
  const [people, ties] = await Promise.all([repo.selectPeople(deps.readDb, actor.orgId), repo.selectTies(deps.readDb, actor.orgId, from, to)]);
  const index = new Map(people.map((p, i) => [p.id, i]));
  const current = ties.filter((t) => index.has(t.a) && index.has(t.b));
  const graph = buildGraph(
    current.map((t) => ({ a: t.a, b: t.b, weight: Number(t.weight) })),
    { nodes: people.map((p) => p.id) },
  );
  const department = new Map(people.filter((p) => p.department).map((p) => [p.id, p.department as string]));
  const shown = groupedBySize(department);
  const { report, nodes } = await analyse(graph, { brokers, top: 20 });
  const row = new Map(nodes.map((n) => [n.id, n]));
  const strongest = strongestTies(current, NETWORK_GRAPH_MAX_EDGES);
  return {
    from,
    to,
    nodes: people.map((p) => {
      const n = row.get(p.id);
      return {
        id: p.id,
        name: p.name,
        department: shown.get(p.id) ?? null,
        community: n?.community ?? 0,
        degree: n?.degree ?? 0,
        broker: n?.betweenness && n.betweenness > 0 ? n.betweenness : null,
      };
    }),
    edges: strongest.map((t) => [index.get(t.a) as number, index.get(t.b) as number, Number(t.weight)]),
    edgesTotal: report.edges,
    brokersMethod: report.brokersMethod,
  };
}
