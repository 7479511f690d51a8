import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Id, ProgramImpact } from '../../../../contracts/index.ts';
import { toCsv } from '../../kernel/csv.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import { requireActor } from '../../kernel/http/security.ts';
import { getProgramImpact, IMPACT_CSV_HEADER, impactCsvRows } from './impact.service.ts';

const IdParams = z.object({ id: Id });

/** A program's impact report, as JSON and as CSV (facilitators, org admins and analysts). */
export function impactRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['impact'];
  r.get('/api/programs/:id/impact', { schema: { tags, params: IdParams, response: { 200: ProgramImpact } } }, (req) => getProgramImpact(deps, requireActor(req), req.params.id));
  r.get('/api/programs/:id/impact.csv', { schema: { tags, params: IdParams } }, async (req, reply) => {
    const report = await getProgramImpact(deps, requireActor(req), req.params.id);
    const name = report.program.title.replace(/[^\w-]+/g, '-').replace(/^-+|-+$/g, '').toLowerCase() || 'program';
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${name}-impact.csv"`)
      .send(toCsv([IMPACT_CSV_HEADER, ...impactCsvRows(report)]));
  });
}
