// auth: owns sign-in, sign-out, sessions, invitations acceptance and password resets (HTTP side).
// Sessions and single-use tokens themselves are kernel mechanisms (kernel/auth). Emits: none (audits).
// Consumes: none. Uses people and organizations through their index.ts.
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../kernel/deps.ts';
import { authRoutes } from './auth.routes.ts';

/** Registers the auth routes. */
export async function register(app: FastifyInstance, deps: AppDeps) {
  authRoutes(app, deps);
}
