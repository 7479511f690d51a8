import type { EventDeliveryReport, RetryDeliveriesRequest } from '../../../../contracts/index.ts';
import { audit } from '../../kernel/audit.ts';
import type { Actor } from '../../kernel/auth/sessions.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import { notFound } from '../../kernel/errors.ts';
import * as store from '../../kernel/event-store.ts';
import type { FastifyRequest } from 'fastify';
import * as policy from './system.policy.ts';

/** The organization's event deliveries: counts, and those that failed (parked first). Org admins only (404 otherwise). */
export async function getEventDeliveryReport(deps: AppDeps, actor: Actor): Promise<EventDeliveryReport> {
  if (!policy.canOperate(actor)) throw notFound('The page');
  const [stats, rows] = await Promise.all([store.selectDeliveryStats(deps.db, actor.orgId), store.selectTroubledDeliveries(deps.db, actor.orgId, 200)]);
  return {
    ...stats,
    items: rows.map((r) => ({
      eventId: r.eventId,
      type: r.type,
      consumer: r.consumer,
      status: r.status,
      attempts: r.attempts,
      lastError: r.lastError,
      nextAttemptAt: r.status === 'pending' ? new Date(r.runAfter).toISOString() : null,
      createdAt: new Date(r.createdAt).toISOString(),
    })),
  };
}

/** Puts parked deliveries (one, or all of the organization's) back in line; audited. */
export async function retryDeliveries(deps: AppDeps, actor: Actor, input: RetryDeliveriesRequest, request: FastifyRequest) {
  if (!policy.canOperate(actor)) throw notFound('The page');
  const one = input.consumer !== undefined && input.eventId !== undefined ? { consumer: input.consumer, eventId: input.eventId } : undefined;
  const retried = await deps.db.transaction(async (tx) => {
    const n = await store.retryDeadDeliveries(tx, actor.orgId, one);
    if (one && n === 0) throw notFound('That parked delivery');
    await audit(tx, request, { orgId: actor.orgId, actorId: actor.personId, action: 'system.deliveries_retried', target: one ? `${one.consumer}#${one.eventId}` : 'all', data: { retried: n } });
    return n;
  });
  // The delivering nodes' pollers take them within EVENT_POLL_MS (this node may be one that does not deliver).
  return { retried };
}
