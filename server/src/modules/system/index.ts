// system: health and readiness. Emits: none. Consumes: none.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { HealthResponse } from '../../../../contracts/index.ts';
import type { AppDeps } from '../../kernel/deps.ts';

/** Registers GET /api/health (503 with Retry-After when the database does not answer). */
export async function register(app: FastifyInstance, deps: AppDeps) {
  app.withTypeProvider<ZodTypeProvider>().get('/api/health', { schema: { tags: ['system'], response: { 200: HealthResponse } }, config: { rateLimit: false } }, async () => {
    await deps.database.ping();
    return { status: 'ok' as const, database: deps.database.kind };
  });
}
