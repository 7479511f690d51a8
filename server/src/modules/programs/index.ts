// programs: owns learning programs (goals, schedule, facilitators), enrolment with capacity and waitlist, and the
// facilitator's plans — cohorts, breakout rotations and learning partners formed by engine/grouping, previewed against
// random assignment, adjusted and published (cohorts get their own community space). Emits: programs.created,
// .status_changed, .enrolled, .left, .promoted, .plan_formed, .plan_published. Consumes: none.
// Public surface: register(app, deps).
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../kernel/deps.ts';
import { programsRoutes } from './programs.routes.ts';

/** Registers the programs routes. */
export async function register(app: FastifyInstance, deps: AppDeps) {
  programsRoutes(app, deps);
}
