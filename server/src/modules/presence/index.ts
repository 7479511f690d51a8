// presence: owns who-is-online (presence table), the authenticated WebSocket endpoint and its heartbeat.
// Emits: realtime `presence` messages on org channels. Consumes: none.
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../kernel/deps.ts';
import { clearNode, heartbeat } from './presence.repo.ts';
import { presenceRoutes } from './presence.routes.ts';
import { flushAnnouncements } from './presence.service.ts';

export { orgChannel, personChannel } from './presence.service.ts';

/** Registers routes and a heartbeat that keeps this node's presence rows fresh. */
export async function register(app: FastifyInstance, deps: AppDeps) {
  presenceRoutes(app, deps);
  const timer = setInterval(() => heartbeat(deps.db, deps.nodeId).catch(() => {}), 20_000);
  timer.unref();
  app.addHook('onClose', async () => {
    clearInterval(timer);
    flushAnnouncements(deps);
    await clearNode(deps.db, deps.nodeId).catch(() => {});
  });
}
