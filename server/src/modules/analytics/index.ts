// analytics: engagement figures (active people, posts, Q&A, popular tags/threads/resources, pathway and program
// funnels, live-session talk time, mentoring) per organization, community, program, department and manager's team.
// Emits: none. Consumes: none. Owns no table: reads other modules' tables (and person_active_days, written at sign-in)
// in SQL, read-only, through deps.readDb (the DATABASE_READ_URL replica when set). Team figures under 5 people are withheld.
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../kernel/deps.ts';
import { analyticsRoutes } from './analytics.routes.ts';

/** Registers the analytics routes. */
export async function register(app: FastifyInstance, deps: AppDeps) {
  analyticsRoutes(app, deps);
}
