// journal: owns reflective journal entries (private by default), their per-entry shares with the author's manager or a
// peer named on one of their action-plan items (revocable; anyone else is 404 SHARE_NOT_ALLOWED), programs' journal
// prompts, and live sessions' reflections saved on the server (one entry per participant and session).
// Emits: none. Consumes: none. Reads: people (manager_id), action-plan item peers, programs and live-sessions access.
// Public surface: register(app, deps).
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../kernel/deps.ts';
import { journalRoutes } from './journal.routes.ts';

/** Registers the journal routes. */
export async function register(app: FastifyInstance, deps: AppDeps) {
  journalRoutes(app, deps);
}
