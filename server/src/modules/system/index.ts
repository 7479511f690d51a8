// system: health and readiness, and the org admin's view of event delivery (the dead-letter list and retrying it).
// Emits: none (audits retries). Consumes: none. Reads the outbox through kernel/event-store.
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../kernel/deps.ts';
import { systemRoutes } from './system.routes.ts';

/** Registers GET /api/health (503 with Retry-After when the database does not answer) and the System routes. */
export async function register(app: FastifyInstance, deps: AppDeps) {
  systemRoutes(app, deps);
}
