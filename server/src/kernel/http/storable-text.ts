import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, type FieldError } from '../errors.ts';

/**
 * Characters PostgreSQL cannot store in text or jsonb: NUL (refused in text, and as \u0000 in jsonb) and UTF-16
 * surrogates without their partner (jsonb refuses the escape; in text the driver's UTF-8 encoder silently turns them
 * into U+FFFD, so what is stored is not what was sent). A surrogate *pair* is well-formed and fine.
 */
const UNSTORABLE = /[\u0000\uD800-\uDFFF]/gu;

/** True when PostgreSQL can store the string as sent (isWellFormed is native: about 4× faster than a unicode regex). */
export const isStorableText = (s: string) => !s.includes('\u0000') && (s as string & { isWellFormed(): boolean }).isWellFormed();

/** True when some string or key of a parsed value, at any depth, cannot be stored (the fast pass: no paths built). */
function holdsUnstorable(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length) {
    const v = stack.pop();
    if (typeof v === 'string') {
      if (!isStorableText(v)) return true;
    } else if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) stack.push(v[i]);
    } else if (v !== null && typeof v === 'object' && !ArrayBuffer.isView(v)) {
      for (const k of Object.keys(v)) {
        if (!isStorableText(k)) return true;
        stack.push((v as Record<string, unknown>)[k]);
      }
    }
  }
  return false;
}

/** At most this many fields are named in one answer (a hostile body may have thousands). */
const MAX_REPORTED = 20;

/** A key or path shown back in an answer: the refused characters replaced, so the answer itself is valid text. */
const printable = (s: string) => s.replace(UNSTORABLE, '\uFFFD');

/**
 * Every place in a parsed request value (strings, object keys, at any depth of objects and arrays) holding text
 * PostgreSQL cannot store, as field errors in the format of schema validation errors (`steps.0.title`; `base` for a
 * bare string). Iterative, so a deeply nested body cannot overflow the stack.
 */
export function unstorableFields(value: unknown, base = ''): FieldError[] {
  if (!holdsUnstorable(value)) return [];
  const errors: FieldError[] = [];
  const stack: [unknown, string][] = [[value, base]];
  const join = (path: string, k: string) => (path ? `${path}.${k}` : k);
  while (stack.length && errors.length < MAX_REPORTED) {
    const [v, path] = stack.pop() as [unknown, string];
    if (typeof v === 'string') {
      if (!isStorableText(v)) errors.push({ field: path || '(body)', message: 'Contains a character that cannot be stored (NUL or an unpaired surrogate)' });
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], join(path, String(i))]);
    } else if (v !== null && typeof v === 'object' && !ArrayBuffer.isView(v)) {
      const keys = Object.keys(v);
      for (let i = keys.length - 1; i >= 0; i--) {
        const k = keys[i];
        if (!isStorableText(k)) errors.push({ field: join(path, printable(k)), message: 'The field name contains a character that cannot be stored (NUL or an unpaired surrogate)' });
        else stack.push([(v as Record<string, unknown>)[k], join(path, k)]);
      }
    }
  }
  return errors.slice(0, MAX_REPORTED);
}

/** Throws 400 INVALID_CHARACTERS naming the fields of `value` (from `where`: body, query, path…) PostgreSQL cannot store. */
export function assertStorableText(value: unknown, where: string, base = '') {
  const errors = unstorableFields(value, base);
  if (!errors.length) return;
  throw new AppError('INVALID_CHARACTERS', `Some ${where} fields contain characters that cannot be stored: ${errors.map((e) => e.field).join(', ')}.`, { errors });
}

/** Refuses the request when its path parameters, query or JSON body hold text PostgreSQL cannot store. */
async function checkRequestText(request: FastifyRequest) {
  assertStorableText(request.params, 'path');
  assertStorableText(request.query, 'query');
  assertStorableText(request.body, 'body');
}

/**
 * The one gate for text entering the database through HTTP: before schema validation, every string and key of the
 * path parameters, query and JSON body is checked, so no route (present or future) answers such input with a 500
 * from PostgreSQL or stores a U+FFFD in place of what was sent. Multipart uploads stream their parts past this hook;
 * their stored text (the file name) is checked with assertStorableText where it is read. Added to each route in
 * onRoute, after the rate limiter's own hook (call this after registering @fastify/rate-limit), so refused requests
 * still count against the rate limit; an app-wide hook would run before route-level ones.
 */
export function installStorableTextCheck(app: FastifyInstance) {
  app.addHook('onRoute', (route) => {
    const existing = route.preValidation;
    route.preValidation = [...(existing ? (Array.isArray(existing) ? existing : [existing]) : []), checkRequestText];
  });
}
