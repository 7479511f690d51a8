// mentoring: owns mentor and mentee profiles, program matching runs (engine/matching over the organization's active
// profiles; the stored preview is what publish turns into matches) and mentoring matches with their explanation.
// Emits: mentoring.matched {mentorId, menteeId, matchId}. Consumes: none.
// Public surface: register(app, deps).
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../kernel/deps.ts';
import { mentoringRoutes } from './mentoring.routes.ts';

/** Registers the mentoring routes. */
export async function register(app: FastifyInstance, deps: AppDeps) {
  mentoringRoutes(app, deps);
}
