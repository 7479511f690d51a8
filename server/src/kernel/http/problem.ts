import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, databaseErrorSummary, type FieldError, isDatabaseUnavailable } from '../errors.ts';

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Not signed in',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  410: 'Gone',
  413: 'Too large',
  414: 'Address too long',
  415: 'Unsupported media type',
  422: 'Unprocessable',
  429: 'Too many requests',
  500: 'Server error',
  503: 'Service unavailable',
};

/** Sends an application/problem+json answer with a stable code. */
export function sendProblem(
  reply: FastifyReply,
  status: number,
  code: string,
  detail: string,
  extra: { errors?: FieldError[]; retryAfterSeconds?: number } = {},
) {
  if (extra.retryAfterSeconds) reply.header('retry-after', String(Math.ceil(extra.retryAfterSeconds)));
  return reply
    .code(status)
    .type('application/problem+json; charset=utf-8')
    .serializer(JSON.stringify)
    .send({ status, code, title: TITLES[status] ?? 'Error', detail, errors: extra.errors, requestId: String(reply.request.id) });
}

/** Retry-After of a 503 during a database outage: the pool reconnects on the next request once PostgreSQL is back. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

let outageLoggedAt = 0;
let outageUnlogged = 0;

/**
 * Logs 503s of an outage at most once per 5 s (thousands of requests may fail in a few seconds), with the driver's
 * message and code only: drizzle's wrapper holds the SQL parameters (session token hashes, what people wrote).
 */
function outageLog(request: FastifyRequest, err: unknown) {
  const now = Date.now();
  if (now - outageLoggedAt < 5000) {
    outageUnlogged++;
    return;
  }
  request.log.warn({ err: databaseErrorSummary(err), alsoUnavailableSinceLastLog: outageUnlogged }, 'database unavailable: answered 503');
  outageLoggedAt = now;
  outageUnlogged = 0;
}

function fieldName(path: string): string {
  return path.replace(/^\//, '').replace(/\//g, '.') || '(body)';
}

/** Maps every error to problem+json: user errors keep their message, server errors are masked and logged. */
export function installErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (err instanceof AppError) return sendProblem(reply, err.status, err.code, err.message, err.extra);
    if (hasZodFastifySchemaValidationErrors(err)) {
      const errors = err.validation.map((v) => {
        const keys = v.keyword === 'unrecognized_keys' ? (v.params as { keys?: string[] }).keys : undefined;
        const base = fieldName(v.instancePath);
        return keys?.length
          ? { field: keys.map((k) => (base === '(body)' ? k : `${base}.${k}`)).join(', '), message: 'Unknown field' }
          : { field: base, message: v.message ?? 'Invalid value' };
      });
      const where = err.validationContext === 'querystring' ? 'query' : (err.validationContext ?? 'request');
      return sendProblem(reply, 400, 'VALIDATION_FAILED', `Some ${where} fields are not valid: ${errors.map((e) => e.field).join(', ')}.`, { errors });
    }
    if (isResponseSerializationError(err)) {
      request.log.error({ err, issues: err.cause?.issues }, 'response failed its contract');
      return sendProblem(reply, 500, 'INTERNAL', 'Something went wrong on our side. Please try again.');
    }
    if (isDatabaseUnavailable(err)) {
      outageLog(request, err);
      return sendProblem(reply, 503, 'DATABASE_UNAVAILABLE', 'The database is not reachable right now. Please try again shortly.', { retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS });
    }
    const status = err.statusCode ?? 500;
    if (status === 429) return sendProblem(reply, 429, 'RATE_LIMITED', err.message || 'Too many requests. Please wait and try again.');
    if (status === 413 || err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return sendProblem(reply, 413, 'PAYLOAD_TOO_LARGE', 'The request body is too large.');
    if (status === 415 || err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return sendProblem(reply, 415, 'UNSUPPORTED_MEDIA_TYPE', 'Send JSON (Content-Type: application/json).');
    if (status >= 400 && status < 500) {
      const detail = err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err instanceof SyntaxError ? 'The request body is not valid JSON.' : err.message;
      return sendProblem(reply, status, status === 400 ? 'MALFORMED_REQUEST' : 'INVALID_REQUEST', detail);
    }
    request.log.error({ err }, 'unhandled error');
    return sendProblem(reply, 500, 'INTERNAL', 'Something went wrong on our side. Please try again.');
  });
  app.setNotFoundHandler((request, reply) => sendProblem(reply, 404, 'NOT_FOUND', `No route ${request.method} ${request.url.split('?')[0]}.`));
}
