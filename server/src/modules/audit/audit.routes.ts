import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AuditPage, FindAuditQuery } from '../../../../contracts/index.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import { requireActor } from '../../kernel/http/security.ts';
import * as service from './audit.service.ts';

/** HTTP routes of the audit module. */
export function auditRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['audit'];
  r.get('/api/audit', { schema: { tags, querystring: FindAuditQuery, response: { 200: AuditPage } } }, (req) =>
    service.findAuditEntries(deps.db, requireActor(req), req.query),
  );
  r.get('/api/audit/export.csv', { schema: { tags, querystring: FindAuditQuery } }, async (req, reply) => {
    const { csv, truncated } = await service.exportAuditCsv(deps.db, requireActor(req), req.query);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="audit-log.csv"')
      .header('x-truncated', String(truncated))
      .send(csv);
  });
}
