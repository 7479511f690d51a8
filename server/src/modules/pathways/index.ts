// pathways: owns learning pathways anyone can create — ordered steps (resources, discussions, tasks), enrolment,
// progress (hideable from peers) and featuring. Emits: pathways.created, .published, .deleted, .enrolled, .left,
// .step_completed, .completed. Consumes: none. Authorizes through communities; links steps through resources'
// loadResourceAccess and discussions' getThreadRef. Public surface: register(app, deps).
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../kernel/deps.ts';
import { pathwaysRoutes } from './pathways.routes.ts';
import { canFollowPathway } from './pathways.service.ts';

/** Registers the routes and who may follow `pathway:<id>` live. */
export async function register(app: FastifyInstance, deps: AppDeps) {
  pathwaysRoutes(app, deps);
  deps.hub.allow('pathway', (actor, id) => canFollowPathway(deps.db, actor, id));
}
