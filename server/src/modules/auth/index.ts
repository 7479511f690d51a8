// auth: owns sign-in, sign-out, sessions, invitations acceptance, password resets and the email-change links (HTTP side).
// Sessions and single-use tokens themselves are kernel mechanisms (kernel/auth). Emits: none (audits).
// Consumes: people.person_updated (a changed status or roles drops that person's cached sessions on every node).
// Uses people and organizations through their index.ts.
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../kernel/deps.ts';
import type { DomainEvent } from '../../kernel/events.ts';
import { authRoutes } from './auth.routes.ts';
import { emailChangeRoutes } from './email-change.routes.ts';

/** Registers the auth routes. */
export async function register(app: FastifyInstance, deps: AppDeps) {
  authRoutes(app, deps);
  emailChangeRoutes(app, deps);
  const dropsSessions = (e: DomainEvent) => {
    const fields = e.payload.fields as string[];
    return fields.includes('status') || fields.includes('roles');
  };
  // At once on this node (not awaited: later hooks need not wait for the bus), and again as a durable consumer, so
  // other nodes drop their copies even when this node dies before it could tell them.
  deps.events.onCommit('people.person_updated', (e) => void (dropsSessions(e) && deps.sessions.invalidate(e.payload.personId as string)));
  deps.events.on('people.person_updated', 'auth', async (e) => {
    if (dropsSessions(e)) await deps.sessions.invalidate(e.payload.personId as string);
  });
}
