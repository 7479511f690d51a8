import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import websocket from '@fastify/websocket';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { randomUUID } from 'node:crypto';
import { installAuditContext } from './kernel/audit.ts';
import type { AppDeps } from './kernel/deps.ts';
import { installErrorHandling, sendProblem } from './kernel/http/problem.ts';
import { installSessionAndCsrf, sessionReader } from './kernel/http/security.ts';
import { webDist } from './kernel/paths.ts';
import { installSecurityHeaders } from './kernel/http/security-headers.ts';
import * as audit from './modules/audit/index.ts';
import { installStorableTextCheck } from './kernel/http/storable-text.ts';
import { installEmptyPatchCheck } from './kernel/http/empty-patch.ts';
import * as auth from './modules/auth/index.ts';
import * as communities from './modules/communities/index.ts';
import * as discussions from './modules/discussions/index.ts';
import * as events from './modules/events/index.ts';
import * as feeds from './modules/feeds/index.ts';
import * as liveSessions from './modules/live-sessions/index.ts';
import * as mentoring from './modules/mentoring/index.ts';
import * as network from './modules/network/index.ts';
import * as skillGaps from './modules/skill-gaps/index.ts';
import * as impact from './modules/impact/index.ts';
import * as analytics from './modules/analytics/index.ts';
import * as messages from './modules/messages/index.ts';
import * as journal from './modules/journal/index.ts';
import * as actionPlans from './modules/action-plans/index.ts';
import * as notifications from './modules/notifications/index.ts';
import * as organizations from './modules/organizations/index.ts';
import * as pathways from './modules/pathways/index.ts';
import * as programs from './modules/programs/index.ts';
import * as resources from './modules/resources/index.ts';
import * as search from './modules/search/index.ts';
import * as people from './modules/people/index.ts';
import * as presence from './modules/presence/index.ts';
import * as surveys from './modules/surveys/index.ts';
import * as checkins from './modules/checkins/index.ts';
import * as system from './modules/system/index.ts';


/** The typed app every module registers routes on. */
export type App = FastifyInstance & { withTypeProvider(): FastifyInstance };

/** Builds the HTTP app: kernel plugins first, then each module's register(). */
export async function buildApp(deps: AppDeps, opts: { logger?: boolean } = {}) {
  const { config } = deps;
  const app = Fastify({
    logger:
      opts.logger === false || config.LOG_LEVEL === 'silent'
        ? false
        : {
            level: config.LOG_LEVEL,
            redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
            // Mailed links carry single-use tokens in their query (?token=…): request lines are logged without it.
            serializers: { req: (req: { method: string; url: string; ip?: string }) => ({ method: req.method, url: req.url.split('?')[0], remoteAddress: req.ip }) },
          },
    trustProxy: config.trustProxy,
    bodyLimit: 6 * 1024 * 1024,
    genReqId: () => randomUUID(),
    routerOptions: { maxParamLength: 200 },
    // Errors the router raises before any route runs (an over-long id, a malformed URL) get our problem format too.
    frameworkErrors: (error, _request, reply) =>
      error.code === 'FST_ERR_MAX_PARAM_LENGTH'
        ? sendProblem(reply, 414, 'URI_TOO_LONG', 'That address is too long.')
        : sendProblem(reply, 400, 'BAD_URL', 'That address is not valid.'),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app);

  const { documentCsp } = installSecurityHeaders(app, config);
  await app.register(cookie);
  await app.register(rateLimit, {
    global: true,
    max: config.API_RATE_LIMIT_PER_MINUTE,
    timeWindow: '1 minute',
    // After the session hook (onRequest), so a signed-in person is counted as themself rather than by IP;
    // before validation, so malformed requests count too.
    hook: 'preValidation',
    keyGenerator: (req) => req.actor?.personId ?? req.ip,
    errorResponseBuilder: (_req, ctx) => {
      const err = new Error(`Too many requests. Try again in ${Math.ceil(ctx.ttl / 1000)} seconds.`) as Error & { statusCode: number };
      err.statusCode = 429;
      return err;
    },
  });
  await app.register(websocket, { options: { maxPayload: 64 * 1024 } });
  await app.register(swagger, {
    openapi: { info: { title: 'Hearth API', version: '0.1.0' } },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  installSessionAndCsrf(app, deps.db, config, deps.sessions);
  installAuditContext(app);
  installStorableTextCheck(app);
  installEmptyPatchCheck(app);

  const typed = app as unknown as App;
  await system.register(typed, deps);
  await auth.register(typed, deps);
  await organizations.register(typed, deps);
  await people.register(typed, deps);
  await presence.register(typed, deps);
  await communities.register(typed, deps);
  await discussions.register(typed, deps);
  await resources.register(typed, deps);
  await pathways.register(typed, deps);
  await feeds.register(typed, deps);
  await search.register(typed, deps);
  await notifications.register(typed, deps);
  await messages.register(typed, deps);
  await journal.register(typed, deps);
  await actionPlans.register(typed, deps);
  await programs.register(typed, deps);
  await mentoring.register(typed, deps);
  await events.register(typed, deps);
  await liveSessions.register(typed, deps);
  await audit.register(typed, deps);
  await network.register(typed, deps);
  await surveys.register(typed, deps);
  await checkins.register(typed, deps);
  await skillGaps.register(typed, deps);
  await impact.register(typed, deps);
  await analytics.register(typed, deps);
  // Every module has subscribed its consumers: this node may now deliver events (and replay for new consumers).
  app.addHook('onReady', () =>
    deps.events.start(deps.db, {
      enabled: config.EVENT_DELIVERY === 'on',
      pollMs: config.EVENT_POLL_MS,
      retryBaseMs: config.EVENT_RETRY_BASE_MS,
      maxAttempts: config.EVENT_MAX_ATTEMPTS,
      retentionDays: config.EVENT_RETENTION_DAYS,
    }),
  );
  app.addHook('onClose', () => deps.events.stop());

  if (existsSync(webDist)) {
    await app.register(fastifyStatic, {
      root: webDist,
      wildcard: false,
      index: false,
      // Built assets carry a content hash in their name: a browser keeps them for a year and never asks again. Pages
      // (index.html) are revalidated on each visit, so a new release reaches people on their next load.
      cacheControl: false,
      // The build writes .br and .gz copies (web/vite.config.ts): the one the browser accepts is sent.
      preCompressed: true,
      // Pages are private too: their policy names the signed-in organization's image hosts, so no shared cache keeps one.
      setHeaders: (reply, path) => void reply.header('cache-control', path.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'private, no-cache'),
    });
    // The web app is a single page: any non-API GET that is not a file gets index.html.
    const readSession = sessionReader(deps.db, config, deps.sessions);
    app.get('/*', async (request, reply) => {
      if (request.url.startsWith('/api')) return sendProblem(reply, 404, 'NOT_FOUND', `No route GET ${request.url.split('?')[0]}.`);
      const path = request.url.split('?')[0];
      if (path !== '/' && existsSync(join(webDist, path)) && !path.includes('..')) return reply.sendFile(path.slice(1));
      // The page's img-src names the signed-in person's organization's image hosts (see security-headers.ts).
      const actor = await readSession(request);
      const csp = documentCsp(actor ? await organizations.imageHostsOf(deps.db, actor.orgId) : []);
      return reply.type('text/html').header('content-security-policy', csp).header('vary', 'Cookie').sendFile('index.html');
    });
  }
  return app;
}
