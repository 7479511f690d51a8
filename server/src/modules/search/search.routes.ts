import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { SearchQuery, SearchResponse } from '../../../../contracts/index.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import { requireActor } from '../../kernel/http/security.ts';
import * as service from './search.service.ts';

/** HTTP routes of the search module. */
export function searchRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/search', { schema: { tags: ['search'], querystring: SearchQuery, response: { 200: SearchResponse } } }, (req) =>
    service.search(deps.db, requireActor(req), req.query),
  );
}
