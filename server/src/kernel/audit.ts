import type { FastifyRequest } from 'fastify';
import { auditLog } from '../../db/schema/index.ts';
import type { DbOrTx } from './db/database.ts';

/** Writes one audit record (who did what to what, from where); never includes secrets. */
export async function audit(
  db: DbOrTx,
  request: FastifyRequest | null,
  entry: { orgId: string | null; actorId: string | null; action: string; target?: string; data?: Record<string, unknown> },
) {
  await db.insert(auditLog).values({
    orgId: entry.orgId,
    actorId: entry.actorId,
    action: entry.action,
    target: entry.target,
    data: entry.data,
    ip: request?.ip,
    requestId: request ? String(request.id) : null,
  });
}
