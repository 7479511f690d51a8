import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ClientMessage, PresenceResponse } from '../../../../contracts/index.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import { AppError } from '../../kernel/errors.ts';
import { allowedOrigins, isSameOrigin, requireActor } from '../../kernel/http/security.ts';
import * as service from './presence.service.ts';

/** GET /api/presence and the authenticated WebSocket /api/ws. */
export function presenceRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const origins = allowedOrigins(deps.config);
  r.get('/api/presence', { schema: { tags: ['presence'], response: { 200: PresenceResponse } } }, async (req) => ({
    online: await service.findOnline(deps, requireActor(req)),
  }));

  r.get(
    '/api/ws',
    {
      websocket: true,
      // Checked before the upgrade: a foreign Origin or a missing session never gets a socket.
      preValidation: async (req) => {
        if (!isSameOrigin(req, origins)) throw new AppError('FORBIDDEN', 'WebSocket connections from other sites are refused.');
        requireActor(req);
      },
    },
    (socket, req) => {
      const actor = requireActor(req);
      let closed = false;
      let messages = 0;
      const window = setInterval(() => (messages = 0), 5000);
      socket.on('message', (raw, isBinary) => {
        // Flood guard: more than 100 messages in 5 s closes the connection (policy violation).
        if (++messages > 100) return socket.close(1008, 'too many messages');
        let parsed: ReturnType<typeof ClientMessage.safeParse>;
        try {
          parsed = ClientMessage.safeParse(isBinary ? null : JSON.parse(String(raw)));
        } catch {
          parsed = ClientMessage.safeParse(null);
        }
        if (!parsed.success) return socket.send(JSON.stringify({ type: 'error', code: 'BAD_MESSAGE', message: 'Unknown or malformed message.' }));
        if (parsed.data.type === 'ping') socket.send(JSON.stringify({ type: 'pong' }));
      });
      socket.on('close', () => {
        closed = true;
        clearInterval(window);
        service.disconnected(deps, actor).catch((err) => req.log.warn({ err }, 'presence disconnect failed'));
      });
      deps.hub.join(service.orgChannel(actor.orgId), socket);
      void (async () => {
        await service.connected(deps, actor);
        const online = await service.findOnline(deps, actor);
        if (!closed) socket.send(JSON.stringify({ type: 'hello', online }));
      })().catch((err) => req.log.warn({ err }, 'presence connect failed'));
    },
  );
}
