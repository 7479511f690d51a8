import { NETWORK_MAX_RANGE_DAYS, NETWORK_MIN_GROUP, NETWORK_SMALL_TEAMS, type NetworkDepartments, type NetworkDepartmentsQuery, type NetworkReport, type NetworkReportQuery } from '../../../../contracts/index.ts';
import { brokers } from '../../../../engine/network/betweenness.ts';
import { buildGraph, eiIndex, report } from '../../../../engine/network/index.ts';
import type { Actor } from '../../kernel/auth/sessions.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import { resolveDayRange } from '../../kernel/day-range.ts';
import { notFound } from '../../kernel/errors.ts';
import { departmentFigures } from './network.matrix.ts';
import * as policy from './network.policy.ts';
import * as repo from './network.repo.ts';

/**
 * Departments as a figure may show them: those under NETWORK_MIN_GROUP people only together as small teams, and not
 * at all when the small teams together are under it too (their people are left out of the per-department figures).
 */
export function groupedBySize(department: ReadonlyMap<string, string>): Map<string, string> {
  const heads = new Map<string, number>();
  for (const d of department.values()) heads.set(d, (heads.get(d) ?? 0) + 1);
  const small = [...heads.values()].filter((n) => n < NETWORK_MIN_GROUP).reduce((s, n) => s + n, 0);
  const out = new Map<string, string>();
  for (const [id, d] of department) {
    if ((heads.get(d) ?? 0) >= NETWORK_MIN_GROUP) out.set(id, d);
    else if (small >= NETWORK_MIN_GROUP) out.set(id, NETWORK_SMALL_TEAMS);
  }
  return out;
}

/** The organization's interaction network over a range of days: structure, mixing by department, brokers. */
export async function getNetworkReport(deps: AppDeps, actor: Actor, q: NetworkReportQuery): Promise<NetworkReport> {
  if (!policy.canAnalyse(actor)) throw notFound('The page');
  const { from, to } = resolveDayRange(q, { defaultDays: 90, maxDays: NETWORK_MAX_RANGE_DAYS, tooLong: 'Choose a first day before the last, at most three years apart.' });
  const [people, ties] = await Promise.all([repo.selectPeople(deps.readDb, actor.orgId), repo.selectTies(deps.readDb, actor.orgId, from, to)]);
  const known = new Map(people.map((p) => [p.id, p]));
  // Ties with people who left (deactivated) are not drawn: every node is a current colleague.
  const graph = buildGraph(
    ties.filter((t) => known.has(t.a) && known.has(t.b)).map((t) => ({ a: t.a, b: t.b, weight: Number(t.weight) })),
    { nodes: people.map((p) => p.id) },
  );
  const department = new Map(people.filter((p) => p.department).map((p) => [p.id, p.department as string]));
  const r = await report(graph, { attribute: department, brokers, top: 20 });
  return {
    from,
    to,
    people: r.nodes,
    ties: r.edges,
    density: r.density,
    components: r.components.slice(0, 20),
    isolates: r.isolates.length,
    eiIndex: { overall: r.eiIndex?.overall ?? null, byDepartment: eiIndex(graph, groupedBySize(department)).byGroup },
    communities: r.communities,
    brokers: r.brokers.filter((b) => b.betweenness > 0).map((b) => ({ id: b.id, name: known.get(b.id)?.name ?? '', department: known.get(b.id)?.department ?? null, betweenness: b.betweenness })),
    brokersMethod: r.brokersMethod,
  };
}

/** The organization's interactions between departments over a range of days (departments under 5 people grouped). */
export async function getDepartmentNetwork(deps: AppDeps, actor: Actor, q: NetworkDepartmentsQuery): Promise<NetworkDepartments> {
  if (!policy.canAnalyse(actor)) throw notFound('The page');
  const { from, to } = resolveDayRange(q, { defaultDays: 90, maxDays: NETWORK_MAX_RANGE_DAYS, tooLong: 'Choose a first day before the last, at most three years apart.' });
  const [people, ties] = await Promise.all([repo.selectPeople(deps.readDb, actor.orgId), repo.selectMonthlyTies(deps.readDb, actor.orgId, from, to)]);
  return { from, to, ...departmentFigures(people, ties, from, to) };
}
