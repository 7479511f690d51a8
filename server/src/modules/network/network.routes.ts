import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { NetworkReport, NetworkReportQuery } from '../../../../contracts/index.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import { requireActor } from '../../kernel/http/security.ts';
import * as service from './network.service.ts';

/** The organization network report. */
export function networkRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/network/report', { schema: { tags: ['network'], querystring: NetworkReportQuery, response: { 200: NetworkReport } } }, (req) =>
    service.getNetworkReport(deps, requireActor(req), req.query),
  );
}
