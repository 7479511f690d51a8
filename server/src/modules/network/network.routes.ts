import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { NetworkDepartments, NetworkDepartmentsQuery, NetworkGraph, NetworkReport, NetworkReportQuery } from '../../../../contracts/index.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import { requireActor } from '../../kernel/http/security.ts';
import { getNetworkGraph } from './network.graph.ts';
import * as service from './network.service.ts';

/** The organization network report and its department view. */
export function networkRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/network/report', { schema: { tags: ['network'], querystring: NetworkReportQuery, response: { 200: NetworkReport } } }, (req) =>
    service.getNetworkReport(deps, requireActor(req), req.query),
  );
  r.get('/api/network/departments', { schema: { tags: ['network'], querystring: NetworkDepartmentsQuery, response: { 200: NetworkDepartments } } }, (req) =>
    service.getDepartmentNetwork(deps, requireActor(req), req.query),
  );
  r.get('/api/network/graph', { schema: { tags: ['network'], querystring: NetworkReportQuery, response: { 200: NetworkGraph } } }, (req) =>
    getNetworkGraph(deps, requireActor(req), req.query),
  );
}
