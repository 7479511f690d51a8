// network: owns the interaction graph (network_ties) and the organization network report.
// Emits: none. Consumes (durably, replaying history when new): discussions.reply_posted, .mentioned,
// .answer_accepted, messages.sent (counts only), mentoring.matched, programs.plan_published, programs.partnered,
// live_sessions.ended. Reads other modules' tables in SQL for a plan's or a session's groups; analysis is engine/network.
// Public surface: register, getNetworkReport, departmentTieCounts (programs form groups with them).
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../kernel/deps.ts';
import { consumeEvents } from './network.events.ts';
import { myNetworkRoutes } from './network.me.routes.ts';
import { networkRoutes } from './network.routes.ts';

export { canAnalyse } from './network.policy.ts';
export { DEPARTMENT_TIES_DAYS, type DepartmentTieCounts, departmentTieCounts } from './network.department-ties.ts';
export { getNetworkReport, groupedBySize } from './network.service.ts';

/** Registers the report route and the interaction-graph consumers. */
export async function register(app: FastifyInstance, deps: AppDeps) {
  consumeEvents(deps);
  networkRoutes(app, deps);
  myNetworkRoutes(app, deps);
}
