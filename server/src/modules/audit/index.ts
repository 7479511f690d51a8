// audit: the organization's audit log as org admins read it: filtered, keyset-paged, exported as CSV.
// Entries are written by every module through kernel/audit.ts (append-only table, a trigger refuses UPDATE/DELETE);
// this module only reads them. Emits: none. Consumes: none.
// Public surface: register(app, deps).
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../kernel/deps.ts';
import { auditRoutes } from './audit.routes.ts';

/** Registers the audit log routes. */
export async function register(app: FastifyInstance, deps: AppDeps) {
  auditRoutes(app, deps);
}
