import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { MyNetwork } from '../../../../contracts/index.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import { requireActor } from '../../kernel/http/security.ts';
import { getMyNetwork } from './network.me.ts';

/** "My network": every signed-in person's own ties, about themself only. */
export function myNetworkRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/network/me', { schema: { tags: ['network'], response: { 200: MyNetwork } } }, (req) => getMyNetwork(deps, requireActor(req)));
}
