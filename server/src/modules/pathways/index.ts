// pathways: owns learning pathways anyone can create — ordered steps (resources, discussions, tasks), enrolment,
// progress (hideable from peers), featuring, and assignment with a due date (pathways.assignments.ts: preview, apply,
// completion view, one reminder before the due date). Emits: pathways.created, .published, .deleted, .enrolled, .left,
// .step_completed, .completed, .assignment_due. Consumes: none. Authorizes through communities; links steps through
// resources' loadResourceAccess and discussions' getThreadRef; chooses assignees with people's resolveSelection.
// Public surface: register(app, deps), canSeePathway (notifications asks it), runAssignmentReminders (tests, operators).
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../kernel/deps.ts';
import { repeatOnThisNode } from '../../kernel/timers.ts';
import { runAssignmentReminders } from './pathways.assignments.ts';
import { pathwaysRoutes } from './pathways.routes.ts';
import { canFollowPathway } from './pathways.service.ts';

export { runAssignmentReminders } from './pathways.assignments.ts';
export { canFollowPathway as canSeePathway } from './pathways.service.ts';

/** Registers the routes, who may follow `pathway:<id>` live, and (unless ASSIGNMENT_REMINDER_INTERVAL_SECONDS is 0) this node's reminder timer. */
export async function register(app: FastifyInstance, deps: AppDeps) {
  pathwaysRoutes(app, deps);
  deps.hub.allow('pathway', (actor, id) => canFollowPathway(deps.db, actor, id));
  // Every node runs the timer; the claim in runAssignmentReminders makes sure each reminder goes out once.
  repeatOnThisNode(app, deps.config.ASSIGNMENT_REMINDER_INTERVAL_SECONDS, 'assignment reminder run', () => runAssignmentReminders(deps));
}
