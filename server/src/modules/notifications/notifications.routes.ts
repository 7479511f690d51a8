import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  FindNotificationsQuery,
  Id,
  NotificationPage,
  NotificationPrefs,
  UnreadCountResponse,
  UnsubscribeRequest,
  UnsubscribeResponse,
  UpdateNotificationPrefsRequest,
} from '../../../../contracts/index.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import { AppError } from '../../kernel/errors.ts';
import { requireActor } from '../../kernel/http/security.ts';
import * as service from './notifications.service.ts';

const IdParams = z.object({ id: Id });
const TokenQuery = z.object({ token: z.string().max(100).optional() });

/** HTTP routes of the notifications module. */
export function notificationsRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['notifications'];

  r.get('/api/notifications', { schema: { tags, querystring: FindNotificationsQuery, response: { 200: NotificationPage } } }, (req) =>
    service.findNotifications(deps.db, requireActor(req), req.query),
  );
  r.get('/api/notifications/unread-count', { schema: { tags, response: { 200: UnreadCountResponse } } }, (req) =>
    service.countUnreadNotifications(deps.db, requireActor(req)),
  );
  r.post('/api/notifications/:id/read', { schema: { tags, params: IdParams } }, async (req, reply) => {
    await service.markNotificationRead(deps, requireActor(req), req.params.id);
    return reply.code(204).send();
  });
  r.post('/api/notifications/read-all', { schema: { tags, response: { 200: UnreadCountResponse } } }, (req) =>
    service.markAllNotificationsRead(deps, requireActor(req)),
  );
  r.get('/api/notifications/preferences', { schema: { tags, response: { 200: NotificationPrefs } } }, (req) =>
    service.getNotificationPrefs(deps.db, requireActor(req)),
  );
  r.put('/api/notifications/preferences', { schema: { tags, body: UpdateNotificationPrefsRequest, response: { 200: NotificationPrefs } } }, (req) =>
    service.updateNotificationPrefs(deps.db, requireActor(req), req.body),
  );
  // Opening the mail's List-Unsubscribe URL in a browser changes nothing (link scanners open links too): it leads to
  // the web app's confirmation page, which POSTs.
  r.get('/api/notifications/unsubscribe', { schema: { tags, querystring: TokenQuery } }, (req, reply) =>
    reply.redirect(`/unsubscribe${req.query.token ? `?token=${encodeURIComponent(req.query.token)}` : ''}`, 303),
  );
  // One-click unsubscribe without a session: mail providers POST `List-Unsubscribe=One-Click` as a form to the URL
  // that carries the token (RFC 8058); the web page POSTs JSON with the token in the body.
  app.register(async (scope) => {
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 1024 }, (_req, body, done) =>
      done(null, Object.fromEntries(new URLSearchParams(String(body)))),
    );
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/api/notifications/unsubscribe',
      { schema: { tags, querystring: TokenQuery, response: { 200: UnsubscribeResponse } } },
      (req) => {
        const body = (req.body ?? {}) as { token?: unknown };
        const parsed = UnsubscribeRequest.safeParse({ token: req.query.token ?? body.token });
        if (!parsed.success) throw new AppError('VALIDATION_FAILED', 'The unsubscribe link is incomplete.', { errors: [{ field: 'token', message: 'Missing or malformed token' }] });
        return service.unsubscribe(deps.db, parsed.data.token);
      },
    );
  });
}
