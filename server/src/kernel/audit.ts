import { AsyncLocalStorage } from 'node:async_hooks';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { auditLog } from '../../db/schema/index.ts';
import type { DbOrTx } from './db/database.ts';

/** Where the current request came from; audit() reads it when not handed the request. */
interface AuditContext {
  ip: string;
  requestId: string;
}

const context = new AsyncLocalStorage<AuditContext>();

/**
 * Makes each request's IP and id known to audit() anywhere below its handler, so services record them without
 * carrying the request through every call.
 */
export function installAuditContext(app: FastifyInstance) {
  app.addHook('onRequest', (request, _reply, done) => context.run({ ip: request.ip, requestId: String(request.id) }, done));
}

/** One audit record: who did what to what; `before`/`after` hold the changed fields only. */
export interface AuditEntry {
  orgId: string | null;
  /** The person who acted (null for an unknown account). */
  actorId: string | null;
  /** `<module>.<past_tense>`, e.g. `people.roles_changed`. */
  action: string;
  /** `<kind>:<id>`, e.g. `person:<uuid>`, `community:<uuid>`. */
  target?: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  /** Anything else worth keeping (counts, the way the act arrived). */
  data?: Record<string, unknown>;
}

/**
 * Appends audit records (who did what to what, from where, before and after); never includes secrets. The table is
 * append-only (a trigger refuses UPDATE and DELETE), so a record, once written in the act's transaction, stays.
 */
export async function audit(db: DbOrTx, request: FastifyRequest | null, entry: AuditEntry | AuditEntry[]) {
  const entries = Array.isArray(entry) ? entry : [entry];
  if (!entries.length) return;
  const from = request ? { ip: request.ip, requestId: String(request.id) } : context.getStore();
  // Large imports write one record per changed person: insert in slices to stay under the bind-parameter limit.
  for (let i = 0; i < entries.length; i += 1000) {
    await db.insert(auditLog).values(
      entries.slice(i, i + 1000).map((e) => ({
        orgId: e.orgId,
        actorId: e.actorId,
        action: e.action,
        target: e.target,
        before: e.before ?? null,
        after: e.after ?? null,
        data: e.data,
        ip: from?.ip,
        requestId: from?.requestId ?? null,
      })),
    );
  }
}
