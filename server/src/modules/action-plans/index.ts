// action-plans: owns people's action plans (optionally for a program), their items (due date, status todo/doing/done,
// evidence as a link and/or a note), the colleagues named as peers on an item (they see and comment on that item
// only; 404 for anything else), item comments, and programs' plan templates set by facilitators.
// Emits: none. Consumes: none. Reads: programs access. Public surface: register(app, deps).
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../kernel/deps.ts';
import { actionPlansRoutes } from './action-plans.routes.ts';

/** Registers the action-plans routes. */
export async function register(app: FastifyInstance, deps: AppDeps) {
  actionPlansRoutes(app, deps);
}
