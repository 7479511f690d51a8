import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';
import { type Actor, loadSession, type SessionCache, type SessionPolicy } from '../auth/sessions.ts';
import type { Db } from '../db/database.ts';
import { AppError } from '../errors.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in person, or null. */
    actor: Actor | null;
  }
}

/** Name of the session cookie; the __Host- prefix (which demands Secure) is used in production. */
export const sessionCookieName = (config: Config) => (config.NODE_ENV === 'production' ? '__Host-hearth_session' : 'hearth_session');

/** Origins allowed to make state-changing requests and open WebSockets. */
export function allowedOrigins(config: Config): Set<string> {
  const list = config.ALLOWED_ORIGINS.split(',').map((s) => s.trim()).filter(Boolean);
  if (config.PUBLIC_URL) list.push(new URL(config.PUBLIC_URL).origin);
  return new Set(list);
}

/** True when the request's Origin is ours: configured, or the same host the request was sent to. */
export function isSameOrigin(request: FastifyRequest, allowed: Set<string>): boolean {
  const origin = request.headers.origin;
  if (!origin) return true; // non-browser clients send none; SameSite + the CSRF token still apply
  if (allowed.has(origin)) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Reads the signed-in person from a request's session cookie (null when there is none or it is not live). */
export function sessionReader(db: Db, config: Config, cache?: SessionCache) {
  const policy: SessionPolicy = { idleMinutes: config.SESSION_IDLE_MINUTES, absoluteHours: config.SESSION_ABSOLUTE_HOURS };
  const cookie = sessionCookieName(config);
  return async (request: FastifyRequest): Promise<Actor | null> => {
    const token = request.cookies[cookie];
    return token && token.length < 200 ? loadSession(db, token, policy, new Date(), cache) : null;
  };
}

/** Loads the session on every /api request and enforces CSRF rules on state-changing ones. */
export function installSessionAndCsrf(app: FastifyInstance, db: Db, config: Config, cache?: SessionCache) {
  const readSession = sessionReader(db, config, cache);
  const origins = allowedOrigins(config);
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    request.actor = await readSession(request);
    if (SAFE.has(request.method)) return;
    if (request.headers['sec-fetch-site'] === 'cross-site' || !isSameOrigin(request, origins)) {
      throw new AppError('CSRF_FAILED', 'This request came from another site and was refused.');
    }
    // Signed-in state changes must carry the session's CSRF token (double defence with SameSite=Lax).
    if (request.actor && request.headers['x-csrf-token'] !== request.actor.csrfToken) {
      throw new AppError('CSRF_FAILED', 'Missing or wrong X-CSRF-Token header. Reload the page and try again.');
    }
  });
}

/** Returns the actor or throws 401. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('UNAUTHENTICATED', 'Please sign in.');
  return request.actor;
}
