import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { EventDeliveryReport, HealthResponse, RetryDeliveriesRequest, RetryDeliveriesResponse } from '../../../../contracts/index.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import { requireActor } from '../../kernel/http/security.ts';
import * as service from './system.service.ts';

const tags = ['system'];

/** Health, and the System page's view of event delivery. */
export function systemRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/health', { schema: { tags, response: { 200: HealthResponse } }, config: { rateLimit: false } }, async () => {
    await deps.database.ping();
    return { status: 'ok' as const, database: deps.database.kind };
  });
  r.get('/api/system/events', { schema: { tags, response: { 200: EventDeliveryReport } } }, (req) => service.getEventDeliveryReport(deps, requireActor(req)));
  r.post('/api/system/events/retry', { schema: { tags, body: RetryDeliveriesRequest, response: { 200: RetryDeliveriesResponse } } }, (req) =>
    service.retryDeliveries(deps, requireActor(req), req.body, req),
  );
}
