// The route sweep's harness: each sweep file calls useRouteSweep() for its own app, seed and request helpers (valid
// requests built from the route schemas with organization A's ids, and a check that the app still answers).
import { randomUUID } from 'node:crypto';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { createTestApp, type TestApp } from './harness.ts';
import { BODY_ID_KINDS, type Client, excerpt, inventory, isMutating, type Json, key, PARAM_KINDS, paramKindKey, type Route, type Schema, typeOf, unwrap } from './route-sweep.routes.ts';
import { seed } from './route-sweep.seed.ts';

/** One sweep's app, seed and request helpers (its own per test file: nothing is shared between files). */
export interface RouteSweep {
  readonly t: TestApp;
  /** Every /api route of the app (filled before the tests run). */
  readonly routes: Route[];
  /** Ids of organization A's things, by kind. */
  readonly ids: Record<string, string>;
  /** Seed steps that failed (each makes the sweep weaker for that kind, so the test reports them). */
  readonly seedProblems: string[];
  /** Path parameters with no PARAM_KINDS entry (they were swept with a random uuid). */
  readonly unmapped: Set<string>;
  readonly aAdmin: Client;
  readonly bAdmin: Client;
  /** Organization A's people who own the seeded things (admin, first learner, mentor): an edit is tried as each in turn. */
  readonly editors: Client[];
  gen(schema: Schema, name?: string, depth?: number): unknown;
  validBody(r: Route): unknown;
  urlFor(r: Route, opts?: { override?: string; query?: Record<string, string>; param?: { name: string; raw: string } }): string;
  send(c: Client | null, r: Route, opts?: { url?: string; payload?: unknown; rawBody?: string; noBody?: boolean; headers?: Record<string, string>; noCsrf?: boolean }): Promise<LightMyRequestResponse>;
  brokenAfter(r: Route, res: LightMyRequestResponse, what?: string): Promise<string | null>;
}

/** Builds the app and seeds both organizations before the file's tests (and closes it after them). */
export function useRouteSweep(): RouteSweep {
  let t: TestApp;
  /** Ids of organization A's things, by kind. */
  const ids: Record<string, string> = {};
  /** Seed steps that failed (each makes the sweep weaker for that kind, so the test reports them). */
  const seedProblems: string[] = [];
  /** Path parameters with no PARAM_KINDS entry (they were swept with a random uuid). */
  const unmapped = new Set<string>();
  const routes: Route[] = [];
  let aAdmin: Client;
  let bAdmin: Client;
  /** Organization A's people who own the seeded things (admin, first learner, mentor): an edit is tried as each in turn. */
  const editors: Client[] = [];

  /** A value the schema accepts; uuid fields named in BODY_ID_KINDS get organization A's ids. */
  function gen(schema: Schema, name = '', depth = 0): unknown {
    const s = unwrap(schema);
    if (s.const !== undefined) return s.const;
    if (s.enum) return s.enum[0];
    const type = typeOf(s) ?? (s.properties ? 'object' : undefined);
    switch (type) {
      case 'string': {
        if (s.format === 'uuid') return ids[BODY_ID_KINDS[name]] ?? randomUUID();
        if (s.format === 'date-time') return new Date(Date.now() + (/end|until|to$/i.test(name) ? 8 : 7) * 86_400_000).toISOString();
        if (s.format === 'date' || s.pattern === '^\\d{4}-\\d{2}-\\d{2}$') return '2027-03-15';
        if (s.format === 'email') return `sweep-${randomUUID().slice(0, 8)}@example.com`;
        if (s.format === 'uri' || s.format === 'url') return 'https://example.com/sweep';
        if (/time ?zone/i.test(name)) return 'Europe/Berlin';
        if (/^(color|colour)$/i.test(name)) return '#336699';
        const text = 'Sweep text';
        const min = s.minLength ?? 1;
        const v = text.length >= min ? text : text.padEnd(min, 'x');
        return s.maxLength !== undefined ? v.slice(0, Math.max(min, Math.min(v.length, s.maxLength))) : v;
      }
      case 'integer':
      case 'number': {
        const lo = s.minimum ?? 1;
        return s.maximum !== undefined ? Math.min(Math.max(lo, 1), s.maximum) : Math.max(lo, 1);
      }
      case 'boolean':
        return true;
      case 'array': {
        const n = s.minItems ?? (s.items && typeOf(unwrap(s.items)) === 'string' && unwrap(s.items).format === 'uuid' ? 1 : 0);
        return Array.from({ length: n }, () => gen(s.items ?? {}, name, depth + 1));
      }
      case 'object': {
        const out: Json = {};
        if (depth > 6) return out;
        const req = new Set(s.required ?? []);
        // Required fields, plus at most one optional id field (some bodies accept one reference or another, not both).
        let optionalIds = 0;
        for (const [k, v] of Object.entries(s.properties ?? {})) {
          const u = unwrap(v);
          const idField = BODY_ID_KINDS[k] && (u.format === 'uuid' || (u.items && unwrap(u.items).format === 'uuid'));
          if (req.has(k)) out[k] = gen(v, k, depth + 1);
          else if (idField && optionalIds++ === 0) out[k] = gen(v, k, depth + 1);
          else if (u.format === 'uri' && /url/i.test(k)) out[k] = gen(v, k, depth + 1);
        }
        return out;
      }
      default:
        return 'Sweep';
    }
  }

  /**
   * A valid body for a route. A PATCH whose fields are all optional also gets one plain field (text, flag or number;
   * else its first), since an empty PATCH is refused as asking for nothing (400) before the route checks who may edit.
   */
  function validBody(r: Route): unknown {
    const body = gen(r.body ?? {});
    if (r.method !== 'PATCH' || !body || typeof body !== 'object' || Array.isArray(body) || Object.keys(body).length) return body;
    const props = Object.entries(unwrap(r.body ?? {}).properties ?? {});
    const plain = props.find(([, p]) => { const u = unwrap(p); return !u.format && !u.enum && ['string', 'boolean', 'integer', 'number'].includes(typeOf(u) ?? ''); }) ?? props[0];
    return plain ? { [plain[0]]: gen(plain[1], plain[0]) } : body;
  }

  /** The concrete URL of a route with A's ids (or `override` for every uuid path parameter). */
  function urlFor(r: Route, opts: { override?: string; query?: Record<string, string>; param?: { name: string; raw: string } } = {}) {
    let kindValue = '';
    const pathParams = r.params.filter((p) => p.in === 'path');
    let url = r.path.replace(/\{([^}]+)\}/g, (_m, name: string) => {
      if (opts.param?.name === name) return opts.param.raw;
      const p = pathParams.find((x) => x.name === name);
      const s = p ? unwrap(p.schema) : {};
      if (s.enum) {
        kindValue = String(s.enum[0]);
        return encodeURIComponent(kindValue);
      }
      if (opts.override !== undefined) return opts.override;
      return encodeURIComponent(resolveParam(r.path, name, kindValue));
    });
    const required: Record<string, string> = {};
    for (const p of r.params) if (p.in === 'query' && p.required) required[p.name] = String(gen(p.schema, p.name));
    const q = new URLSearchParams({ ...required, ...(opts.query ?? {}) }).toString();
    if (q) url += `?${q}`;
    return url;
  }
  function resolveParam(path: string, name: string, kindValue: string): string {
    const k = paramKindKey(path, name);
    if (!k) {
      unmapped.add(`${path.split('/').slice(0, path.split('/').indexOf(`{${name}}`)).pop()}/{${name}} in ${path}`);
      return randomUUID();
    }
    let kind = PARAM_KINDS[k];
    if (kind.startsWith('literal:')) return kind.slice('literal:'.length);
    if (kind === 'follow-target') kind = kindValue === 'tag' ? 'tag' : kindValue;
    if (kind === 'tag') return 'sweep-topic';
    return ids[kind] ?? randomUUID();
  }

  function send(c: Client | null, r: Route, opts: { url?: string; payload?: unknown; rawBody?: string; noBody?: boolean; headers?: Record<string, string>; noCsrf?: boolean } = {}) {
    const headers: Record<string, string> = { ...(opts.headers ?? {}) };
    if (c) {
      headers.cookie = c.cookie;
      if (!opts.noCsrf) headers['x-csrf-token'] = c.csrf;
    }
    const o: InjectOptions = { method: r.method as InjectOptions['method'], url: opts.url ?? urlFor(r), headers };
    if (opts.rawBody !== undefined) {
      o.payload = opts.rawBody;
      headers['content-type'] = 'application/json';
    } else if (opts.payload !== undefined) o.payload = opts.payload as InjectOptions['payload'];
    else if (r.body && isMutating(r.method) && !opts.noBody) o.payload = validBody(r) as InjectOptions['payload'];
    return t.app.inject(o);
  }

  /** True while the app still answers its health check; when not, describes the database connections (PostgreSQL). */
  async function alive(): Promise<string | null> {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    if (res.statusCode === 200) return null;
    let diag = '';
    const url = t.deps.config.DATABASE_URL;
    if (url) {
      try {
        const pg = (await import('pg')).default;
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        const rows = (await c.query("select state, wait_event, left(query, 160) as q from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()")).rows;
        await c.end();
        diag = ` connections: ${JSON.stringify(rows)}`;
      } catch (e) {
        diag = ` (could not inspect: ${(e as Error).message})`;
      }
    }
    return `health ${res.statusCode} ${excerpt(res)}${diag}`;
  }

  /** Checks the app after a request: a 5xx, or every 20th request, triggers a health check. Returns a failure line when the app broke. */
  let sinceCheck = 0;
  async function brokenAfter(r: Route, res: LightMyRequestResponse, what = ''): Promise<string | null> {
    if (res.statusCode < 500 && ++sinceCheck % 20 !== 0) return null;
    const dead = await alive();
    return dead ? `APP BROKEN after ${key(r)} ${what} (${res.statusCode}): ${dead}` : null;
  }

  beforeAll(async () => {
    t = await createTestApp({ SIGNIN_PER_IP_PER_MINUTE: '10000', API_RATE_LIMIT_PER_MINUTE: '1000000', POSTS_PER_MINUTE: '100000', MESSAGES_PER_MINUTE: '100000', DIGEST_INTERVAL_SECONDS: '0', EXPERT_FALLBACK_INTERVAL_SECONDS: '0', EVENT_REMINDER_INTERVAL_SECONDS: '0' });
    routes.push(...inventory(t.app));
    ({ aAdmin, bAdmin } = await seed(t, { ids, seedProblems, editors, routes, gen }));
  }, 600_000);
  afterAll(async () => {
    await t?.close();
  });

  return {
    get t() {
      return t;
    },
    routes,
    ids,
    seedProblems,
    unmapped,
    get aAdmin() {
      return aAdmin;
    },
    get bAdmin() {
      return bAdmin;
    },
    editors,
    gen,
    validBody,
    urlFor,
    send,
    brokenAfter,
  };
}
