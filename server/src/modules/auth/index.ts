// auth: owns sign-in, sign-out, sessions, invitations acceptance and password resets (HTTP side).
// Sessions and single-use tokens themselves are kernel mechanisms (kernel/auth). Emits: none (audits).
// Consumes: people.person_updated (a changed status or roles drops that person's cached sessions on every node).
// Uses people and organizations through their index.ts.
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../kernel/deps.ts';
import { authRoutes } from './auth.routes.ts';

/** Registers the auth routes. */
export async function register(app: FastifyInstance, deps: AppDeps) {
  authRoutes(app, deps);
  deps.events.on('people.person_updated', (e) => {
    const fields = e.payload.fields as string[];
    // Not awaited: the local drop is immediate and later handlers need not wait for the bus.
    if (fields.includes('status') || fields.includes('roles')) void deps.sessions.invalidate(e.payload.personId as string);
  });
}
