/** Stable error codes and the HTTP status each maps to (the one place that mapping lives). */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  MALFORMED_REQUEST: 400,
  INVALID_CHARACTERS: 400,
  NOTHING_TO_CHANGE: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  CSRF_FAILED: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  SHARE_NOT_ALLOWED: 404, PEER_NOT_ALLOWED: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  EMAIL_TAKEN: 409,
  RULES_OUTDATED: 409,
  RULES_NOT_ACCEPTED: 409,
  THREAD_LOCKED: 409,
  LAST_OWNER: 409,
  SESSION_FULL: 409, SESSION_ENDED: 409, STALE_STATE: 409, SEGMENT_CLOSED: 409, NOTES_CONFLICT: 409, ALREADY_VOTED: 409, POLL_CLOSED: 409, PAIR_PRIVATE: 409, PLACEMENT_REFUSED: 409,
  MENTOR_FULL: 409,
  COHORT_FULL: 409,
  EVENT_CANCELLED: 409,
  EVENT_ENDED: 409,
  SURVEY_LOCKED: 409, SURVEY_CLOSED: 409, ALREADY_ANSWERED: 409,
  TOKEN_INVALID: 410,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNPROCESSABLE: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  DATABASE_UNAVAILABLE: 503,
  SHUTTING_DOWN: 503,
} as const;

/** A stable error code. */
export type ErrorCode = keyof typeof ERROR_STATUS;

/** One field-level problem. */
export interface FieldError {
  field: string;
  message: string;
}

/** The one error type services throw; the HTTP layer turns it into problem+json. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extra: { errors?: FieldError[]; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.status = ERROR_STATUS[code];
  }
}

/** Shorthand for a 404 that does not reveal whether the thing exists. */
export const notFound = (what = 'That') => new AppError('NOT_FOUND', `${what} was not found.`);

/** PostgreSQL / driver error codes meaning the database cannot be reached right now. */
export function isDatabaseUnavailable(err: unknown, depth = 0): boolean {
  const e = err as { code?: string; message?: string; cause?: unknown } | null;
  if (!e || depth > 3) return false;
  if (e.cause && isDatabaseUnavailable(e.cause, depth + 1)) return true;
  const code = e.code ?? '';
  if (['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', '57P01', '57P02', '57P03', '53300'].includes(code)) return true;
  if (code.startsWith('08')) return true;
  const msg = e.message ?? '';
  // "not queryable": a query (often a transaction's rollback) on a client whose connection already died.
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Client was closed and is not queryable|PGlite is closed/i.test(msg);
}

/**
 * For a catch that turns "could not load it" into a refusal (404 for what one may not see, 400 for a bad reference):
 * throws the refusal, except for an outage, which is rethrown as is so that it answers 503 (a reply written during
 * an outage must not be reported as "not found").
 */
export function refuseUnlessUnavailable(refusal: AppError): (err: unknown) => never {
  return (err) => {
    throw isDatabaseUnavailable(err) ? err : refusal;
  };
}

/** For a catch that reads "could not load it" as "no access" (null): rethrows an outage instead (see above). */
export function nullUnlessUnavailable(err: unknown): null {
  if (isDatabaseUnavailable(err)) throw err;
  return null;
}

/**
 * For a catch that reads a refusal (404, 403, …) as "no": answers null for an AppError and rethrows anything else
 * (an outage, a bug), so that work which must happen (an event's delivery) fails and is tried again rather than
 * quietly skipping someone.
 */
export function nullWhenRefused(err: unknown): null {
  if (err instanceof AppError) return null;
  throw err;
}

/** The driver's own error under wrappers (drizzle's "Failed query" carries the SQL and its parameters): message and code only, safe to log. */
export function databaseErrorSummary(err: unknown): { message?: string; code?: string } {
  let e = err as { message?: string; code?: string; cause?: unknown } | null;
  for (let depth = 0; e?.cause && depth < 4; depth++) e = e.cause as typeof e;
  return { message: e?.message, code: e?.code };
}

/** True for a unique-constraint violation (optionally on a named constraint). */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  const e = (err as { code?: string; constraint?: string; cause?: unknown }) ?? {};
  if (e.code === '23505') return !constraint || e.constraint === constraint;
  return e.cause ? isUniqueViolation(e.cause, constraint) : false;
}
