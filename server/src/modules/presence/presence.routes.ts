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
      // Signals of this socket are authorized and relayed one after another, so an offer never overtakes its candidates.
      let signals: Promise<unknown> = Promise.resolve();
      const subscribed = new Set<string>();
      const window = setInterval(() => (messages = 0), 5000);
      socket.on('message', (raw, isBinary) => {
        // Flood guard: more than 100 messages in 5 s closes the connection (policy violation).
        if (++messages > 100) return socket.close(1008, 'too many messages');
        let input: unknown = null;
        try {
          input = isBinary ? null : JSON.parse(String(raw));
        } catch {}
        const parsed = ClientMessage.safeParse(input);
        if (!parsed.success) {
          // A signal that fails validation (oversize data, bad recipient) is refused as a signal, so the caller can fall back.
          if (isSignal(input)) return socket.send(JSON.stringify(signalRefused(input.channel, input.to)));
          return socket.send(JSON.stringify({ type: 'error', code: 'BAD_MESSAGE', message: 'Unknown or malformed message.' }));
        }
        const msg = parsed.data;
        if (msg.type === 'ping') socket.send(JSON.stringify({ type: 'pong' }));
        else if (msg.type === 'signal') {
          // WebRTC signaling relay: only within a channel this socket follows, only when the channel's module allows
          // this sender → recipient pair. `from` is the authenticated person. Relayed in order, never stored or logged.
          const { channel, to, data } = msg;
          signals = signals
            .then(async () => {
              const ok = subscribed.has(channel) && (await deps.hub.canSignal(actor, channel, to));
              if (closed) return;
              if (!ok || !subscribed.has(channel)) return socket.send(JSON.stringify(signalRefused(channel, to)));
              if (!(await deps.hub.publish(service.personChannel(to), { type: 'signal', channel, from: actor.personId, data }))) throw new Error('signal not relayed');
            })
            .catch(() => {
              if (!closed) socket.send(JSON.stringify(signalRefused(channel, to)));
            });
        }
        else if (msg.type === 'unsubscribe') {
          subscribed.delete(msg.channel);
          deps.hub.leave(msg.channel, socket);
        } else if (msg.type === 'subscribe') {
          // Authorized per channel (e.g. only people who can read a thread follow it); at most 50 per socket.
          void deps.hub.canSubscribe(actor, msg.channel).then((ok) => {
            const allowed = ok && !closed && (subscribed.has(msg.channel) || subscribed.size < 50);
            if (allowed && !subscribed.has(msg.channel)) {
              subscribed.add(msg.channel);
              deps.hub.join(msg.channel, socket);
            }
            if (!closed) socket.send(JSON.stringify({ type: 'subscribed', channel: msg.channel, ok: allowed }));
          });
        }
      });
      deps.hub.join(service.orgChannel(actor.orgId), socket);
      // Every socket also hears what is for this person only (notification counts, new messages): ids, never content.
      deps.hub.join(service.personChannel(actor.personId), socket);
      const counted = service.connected(deps, actor);
      socket.on('close', () => {
        closed = true;
        clearInterval(window);
        // Only after this connection was counted: on a pool, a quick close could otherwise overtake the
        // increment and leave the person "online" forever.
        counted
          .then(() => service.disconnected(deps, actor))
          .catch((err) => req.log.warn({ err }, 'presence disconnect failed'));
      });
      void (async () => {
        await counted;
        const hello = await service.helloFor(deps, actor.orgId);
        if (!closed) socket.send(hello);
      })().catch((err) => {
        // Without its hello a client would never learn who is online: close so it reconnects and tries again.
        req.log.warn({ err }, 'presence connect failed');
        if (!closed) socket.close(1011, 'presence unavailable');
      });
    },
  );
}

function isSignal(input: unknown): input is { type: 'signal'; channel?: unknown; to?: unknown } {
  return typeof input === 'object' && input !== null && (input as { type?: unknown }).type === 'signal';
}

/** The refusal a sender gets for a signal it may not send (names the channel and recipient when they are well-formed). */
function signalRefused(channel: unknown, to: unknown) {
  return {
    type: 'error',
    code: 'SIGNAL_REFUSED',
    message: 'This signal cannot be delivered.',
    ...(typeof channel === 'string' && channel.length <= 100 ? { channel } : {}),
    ...(typeof to === 'string' && /^[0-9a-f-]{36}$/.test(to) ? { to } : {}),
  };
}
