// Route sweep: every HTTP route of the app, present and future, is checked for two non-negotiables.
//  1. Bad input never yields a 5xx: it gets a 4xx application/problem+json answer with a stable `code`.
//  2. Authorization: signed out → 401 (except the public allow-list below); a person from another organization
//     gets 404/403 on every route that names something of the first organization, never 2xx and never 5xx;
//     every state-changing route refuses a signed-in request without the CSRF header.
// Routes come from the running app (its OpenAPI document plus Fastify's own route table), so a new route is
// swept automatically. The only hand-kept lists are PUBLIC_ROUTES and the path-parameter kinds (PARAM_KINDS,
// BODY_ID_KINDS); an unmapped path parameter fails the inventory test and says what to add.
import { randomUUID } from 'node:crypto';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './harness.ts';
import { changedTables, settledFingerprint, textSlots, UNSTORABLE_TEXT, UNSTORABLE_URL_TEXT } from './route-sweep.inputs.ts';

type Client = Awaited<ReturnType<TestApp['signIn']>>;
type Json = Record<string, unknown>;
interface Schema {
  type?: string | string[];
  format?: string;
  pattern?: string;
  enum?: unknown[];
  const?: unknown;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  nullable?: boolean;
  default?: unknown;
}
interface Param {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema: Schema;
}
interface Route {
  method: string;
  /** OpenAPI-style path: /api/communities/{id}. */
  path: string;
  params: Param[];
  body?: Schema;
  /** False for routes Fastify serves but the OpenAPI document does not describe (WebSocket, docs UI). */
  documented: boolean;
}

/**
 * Routes anyone may call without a session, each with the reason. Paths ending in `*` match a prefix.
 * Everything else under /api must answer 401 to a signed-out caller.
 */
const PUBLIC_ROUTES: Record<string, string> = {
  'GET /api/health': 'liveness/readiness probe for load balancers and orchestrators',
  'POST /api/auth/sign-in': 'the way to get a session',
  'POST /api/auth/sign-out': 'ending a session that may already be gone must not fail',
  'POST /api/auth/accept-invite': 'an invited person has no session yet; the invitation token authorizes',
  'POST /api/auth/password-reset': 'someone who forgot the password cannot sign in',
  'POST /api/auth/password-reset/confirm': 'the emailed reset token authorizes',
  'POST /api/auth/email-change/lookup': 'link in the confirmation or dispute mail; the emailed token authorizes',
  'POST /api/auth/email-change/confirm': 'the new address confirms with the emailed token and the account password; no session needed',
  'POST /api/auth/email-change/dispute': 'the old address stops or reverts a change with the emailed token; its owner may be locked out',
  'GET /api/notifications/unsubscribe': 'link in an email; the signed token authorizes',
  'POST /api/notifications/unsubscribe': 'RFC 8058 one-click unsubscribe from mail providers; the signed token authorizes',
  'GET /api/docs*': 'the OpenAPI document and its viewer describe the API, no data',
};

/**
 * What a path parameter names, keyed by `<segment before it>/{param}` (or `{param}` alone when the name is
 * unambiguous). The value is a key of the seeded organization's ids. Parameters whose schema is an enum
 * take the enum's first value and need no entry.
 */
const PARAM_KINDS: Record<string, string> = {
  'communities/{id}': 'community',
  'communities/{ref}': 'community',
  'threads/{id}': 'thread',
  'posts/{id}': 'post',
  'resources/{id}': 'resource',
  'collections/{id}': 'collection',
  'media/{id}': 'media',
  'pathways/{id}': 'pathway',
  'steps/{stepId}': 'pathwayStep',
  'programs/{id}': 'program',
  'plans/{planId}': 'programPlan',
  'sessions/{sessionId}': 'programSession',
  'people/{id}': 'person',
  '{personId}': 'person',
  '{resourceId}': 'resource',
  'notifications/{id}': 'notification',
  'conversations/{id}': 'conversation',
  'events/{id}': 'event',
  'questions/{questionId}': 'eventQuestion',
  'live-sessions/{id}': 'liveSession',
  'groups/{groupId}': 'liveGroup',
  'segments/{segmentId}': 'liveSegment',
  'match-runs/{id}': 'matchRun',
  'requests/{id}': 'mentoringRequest',
  'relationships/{id}': 'relationship',
  'goals/{goalId}': 'mentoringGoal',
  'meetings/{meetingId}': 'mentoringMeeting',
  'notes/{noteId}': 'mentoringNote',
  'expert-questions/{id}': 'expertQuestion',
  // DELETE /api/follows/{kind}/{target}: the target's kind is the value chosen for {kind} (its enum's first value).
  '{target}': 'follow-target',
  // The OpenAPI viewer's static files (public).
  'docs/{*}': 'literal:json',
};

/** Which seeded id a uuid field of a request body gets (so a cross-tenant body references the first organization). */
const BODY_ID_KINDS: Record<string, string> = {
  communityId: 'community',
  programId: 'program',
  resourceId: 'resource',
  threadId: 'thread',
  replyToId: 'post',
  mediaId: 'media',
  personId: 'person',
  personIds: 'person',
  mentorId: 'person',
  menteeId: 'person',
  managerId: 'person',
  hostIds: 'person',
  eventId: 'event',
  groupId: 'liveGroup',
  segmentId: 'liveSegment',
  fromSegmentId: 'liveSegment',
};

const NOT_A_UUID = 'not-a-uuid';

let t: TestApp;
/** Ids of organization A's things, by kind. */
const ids: Record<string, string> = {};
/** Seed steps that failed (each makes the sweep weaker for that kind, so the test reports them). */
const seedProblems: string[] = [];
/** Path parameters with no PARAM_KINDS entry (they were swept with a random uuid). */
const unmapped = new Set<string>();
let routes: Route[] = [];
let aAdmin: Client;
let bAdmin: Client;
/** Organization A's people who own the seeded things (admin, first learner, mentor): an edit is tried as each in turn. */
const editors: Client[] = [];

function key(r: { method: string; path: string }) {
  return `${r.method} ${r.path}`;
}
function isPublic(r: Route) {
  const k = key(r);
  return Object.entries(PUBLIC_ROUTES).some(([p]) => (p.endsWith('*') ? k.startsWith(p.slice(0, -1)) : k === p));
}
const isMutating = (m: string) => !['GET', 'HEAD', 'OPTIONS'].includes(m);
function excerpt(res: LightMyRequestResponse) {
  return res.body.replace(/\s+/g, ' ').slice(0, 220);
}
function typeOf(s: Schema): string | undefined {
  if (Array.isArray(s.type)) return s.type.find((x) => x !== 'null');
  return s.type;
}
function unwrap(s: Schema): Schema {
  const alt = s.anyOf ?? s.oneOf;
  if (alt) return unwrap(alt.find((x) => x.type !== 'null') ?? alt[0]);
  if (s.allOf?.length) return unwrap(s.allOf[0]);
  return s;
}

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
function paramKindKey(path: string, name: string) {
  const segs = path.split('/');
  const i = segs.indexOf(`{${name}}`);
  const specific = `${segs[i - 1]}/{${name}}`;
  if (PARAM_KINDS[specific]) return specific;
  if (PARAM_KINDS[`{${name}}`]) return `{${name}}`;
  return undefined;
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

/** The route inventory: the OpenAPI document, plus any route Fastify serves that the document leaves out. */
function inventory(app: TestApp['app']): Route[] {
  const spec = (app as unknown as { swagger(): { paths: Record<string, Record<string, { parameters?: Param[]; requestBody?: { content?: Record<string, { schema?: Schema }> } }>> } }).swagger();
  const out: Route[] = [];
  for (const [path, ops] of Object.entries(spec.paths)) {
    if (!path.startsWith('/api/')) continue;
    for (const [m, op] of Object.entries(ops)) {
      const method = m.toUpperCase();
      if (!['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].includes(method)) continue;
      out.push({ method, path, params: op.parameters ?? [], body: op.requestBody?.content?.['application/json']?.schema, documented: true });
    }
  }
  // Fastify's own table (printRoutes prints a tree; rebuild full paths from the indentation).
  const text = app.printRoutes({ commonPrefix: false });
  const stack: string[] = [];
  for (const line of text.split('\n')) {
    const m = /^([│ ]*)[├└]── (.*?)(?: \(([A-Z, ]+)\))?$/.exec(line.replace(/\u00a0/g, ' '));
    if (!m) continue;
    const depth = Math.round(m[1].length / 4);
    stack.length = depth;
    stack[depth] = m[2];
    if (!m[3]) continue;
    const full = stack.join('').replace(/:(\w+)/g, '{$1}').replace(/\/\*$/, '/{*}');
    for (const method of m[3].split(',').map((x) => x.trim())) {
      if (!['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].includes(method)) continue;
      if (!full.startsWith('/api/')) continue;
      // The router merges parameters at one position ({ref}|{id}); compare with the document shape-only.
      const shape = (p: string) => p.replace(/\{[^}/]*\}(\|\{[^}/]*\})*/g, '{}');
      if (out.some((r) => r.method === method && shape(r.path) === shape(full))) continue;
      const params = [...full.matchAll(/\{(\w+)\}/g)].map((x) => ({ name: x[1], in: 'path' as const, required: true, schema: { type: 'string' } }));
      out.push({ method, path: full, params, documented: false });
    }
  }
  return out;
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

/** Problem-shape check for a 4xx: returns a complaint or null. */
function problemComplaint(res: LightMyRequestResponse): string | null {
  if (res.statusCode >= 500) return `server error ${res.statusCode}`;
  if (res.statusCode < 400) return `not refused (${res.statusCode})`;
  let body: Json;
  try {
    body = res.json();
  } catch {
    return `${res.statusCode} without a JSON body`;
  }
  if (typeof body.code !== 'string' || !/^[A-Z][A-Z0-9_]+$/.test(body.code)) return `${res.statusCode} without a stable code`;
  if (!String(res.headers['content-type'] ?? '').startsWith('application/problem+json')) return `${res.statusCode} ${body.code} not application/problem+json`;
  return null;
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

async function seed() {
  const ok = async (what: string, res: Promise<LightMyRequestResponse>, expectStatus = [200, 201]) => {
    const r = await res;
    if (!expectStatus.includes(r.statusCode)) {
      seedProblems.push(`${what}: ${r.statusCode} ${excerpt(r)}`);
      return undefined;
    }
    return r.body ? (r.json() as Json) : {};
  };
  const put = (c: Client, url: string, payload: unknown) => c.send({ method: 'PUT', url, payload: payload as never });
  const orgA = await t.buildOrg(`Sweep A ${randomUUID().slice(0, 6)}`);
  const orgB = await t.buildOrg(`Sweep B ${randomUUID().slice(0, 6)}`);
  const pa = await t.buildPerson(orgA.id, { name: 'Ada Admin', roles: ['admin', 'facilitator'], department: 'People' });
  const pm = await t.buildPerson(orgA.id, { name: 'Max Mentor', department: 'Data' });
  const learners = [];
  for (const [i, dept] of ['Sales', 'Design', 'Finance', 'Sales'].entries()) learners.push(await t.buildPerson(orgA.id, { name: `Lena Learner ${i}`, department: dept }));
  const pb = await t.buildPerson(orgB.id, { name: 'Bo Other-Org Admin', roles: ['admin', 'facilitator'] });
  aAdmin = await t.signIn(pa.email);
  bAdmin = await t.signIn(pb.email);
  const mentor = await t.signIn(pm.email);
  const lc: Client[] = [];
  for (const l of learners) lc.push(await t.signIn(l.email));
  const l1 = lc[0];
  editors.push(aAdmin, l1, mentor);
  ids.person = learners[0].id;

  const community = await ok('community', aAdmin.post('/api/communities', { name: 'Sweep Guild', description: 'Org A only', visibility: 'open' }));
  if (community) ids.community = String(community.id);
  if (ids.community) for (const c of lc) await ok('join community', c.post(`/api/communities/${ids.community}/join`, { acceptRulesVersion: Number(community?.rulesVersion ?? 1) || 1 }));
  const thread = ids.community && (await ok('thread', aAdmin.post(`/api/communities/${ids.community}/threads`, { kind: 'question', title: 'Sweep question', body: 'How do we sweep?' })));
  if (thread) ids.thread = String(thread.id);
  const post = ids.thread && (await ok('post', l1.post(`/api/threads/${ids.thread}/posts`, { body: 'Like this.' })));
  if (post) ids.post = String(post.id);
  const resource = await ok('resource', aAdmin.post('/api/resources', { type: 'article', title: 'Sweep article', url: 'https://example.com/sweep-a', communityId: ids.community ?? null }));
  if (resource) ids.resource = String(resource.id);
  const collection = await ok('collection', aAdmin.post('/api/collections', { title: 'Sweep shelf', communityId: ids.community ?? null }));
  if (collection) ids.collection = String(collection.id);
  if (ids.collection && ids.resource) await ok('collection item', put(aAdmin, `/api/collections/${ids.collection}/items/${ids.resource}`, {}), [200, 201, 204]);
  const pathway = await ok('pathway', aAdmin.post('/api/pathways', { title: 'Sweep path', communityId: ids.community, steps: [{ kind: 'task', title: 'Do one thing' }] }));
  if (pathway) {
    ids.pathway = String(pathway.id);
    const steps = pathway.steps as { id: string }[] | undefined;
    if (steps?.[0]) ids.pathwayStep = steps[0].id;
    else seedProblems.push(`pathway step: no steps[0].id in ${JSON.stringify(pathway).slice(0, 200)}`);
  }

  const route = (m: string, p: string) => routes.find((r) => r.method === m && r.path === p);
  const progRoute = route('POST', '/api/programs');
  const sessionSchema = progRoute?.body?.properties?.sessions?.items;
  const program = await ok('program', aAdmin.post('/api/programs', { title: 'Sweep program', sessions: sessionSchema ? [{ ...(gen(sessionSchema) as Json), title: 'Kick-off' }] : [] }));
  if (program) {
    ids.program = String(program.id);
    const sessions = program.sessions as { id: string }[] | undefined;
    if (sessions?.[0]) ids.programSession = sessions[0].id;
    else seedProblems.push(`program session: no sessions[0].id in ${JSON.stringify(program).slice(0, 200)}`);
    await ok('program enrollments', aAdmin.post(`/api/programs/${ids.program}/enrollments`, { personIds: learners.map((l) => l.id) }), [200, 201, 204]);
    const plan = await ok('program plan', aAdmin.post(`/api/programs/${ids.program}/plans`, { kind: 'cohorts', size: 2 }));
    if (plan) ids.programPlan = String(plan.id);
  }

  const event = await ok(
    'event',
    aAdmin.post('/api/events', { title: 'Sweep workshop', kind: 'workshop', startsAt: new Date(Date.now() + 3 * 86_400_000).toISOString(), endsAt: new Date(Date.now() + 3 * 86_400_000 + 3_600_000).toISOString(), timeZone: 'Europe/Berlin' }),
  );
  if (event) {
    ids.event = String(event.id);
    await ok('event rsvp', put(l1, `/api/events/${ids.event}/rsvp`, gen(route('PUT', '/api/events/{id}/rsvp')?.body ?? {})), [200, 201, 204]);
    const q = await ok('event question', l1.post(`/api/events/${ids.event}/questions`, { body: 'Will there be slides?' }));
    if (q) ids.eventQuestion = String(q.id);
  }

  const conversation = await ok('conversation', aAdmin.post('/api/conversations', { personIds: [learners[0].id] }));
  if (conversation) {
    ids.conversation = String(conversation.id);
    await ok('message', aAdmin.post(`/api/conversations/${ids.conversation}/messages`, { body: 'Private to org A' }));
  }

  // Live session with a breakout group: four learners join, the facilitator starts and advances to the groups segment.
  const live = await ok('live session', aAdmin.post('/api/live-sessions', { title: 'Sweep live', startsAt: new Date(Date.now() + 86_400_000).toISOString() }));
  if (live) {
    ids.liveSession = String(live.id);
    const segs = live.segments as { id: string; kind: string }[] | undefined;
    ids.liveSegment = segs?.find((s) => s.kind === 'poll')?.id ?? segs?.[0]?.id ?? '';
    if (!ids.liveSegment) delete ids.liveSegment;
    for (const c of lc) await ok('live join', c.post(`/api/live-sessions/${ids.liveSession}/join`));
    await ok('live start', aAdmin.post(`/api/live-sessions/${ids.liveSession}/start`));
    for (let i = 0; i < 10; i++) {
      const st = await ok('live state', aAdmin.get(`/api/live-sessions/${ids.liveSession}/state`));
      const seg = st?.segment as { id: string; kind: string } | undefined;
      if (!seg || seg.kind === 'groups') break;
      if (!(await ok('live advance', aAdmin.post(`/api/live-sessions/${ids.liveSession}/advance`, { fromSegmentId: seg.id })))) break;
    }
    const mine = await ok('live state (learner)', l1.get(`/api/live-sessions/${ids.liveSession}/state`));
    const g = mine?.myGroup as { id: string } | undefined;
    if (g?.id) ids.liveGroup = g.id;
    else seedProblems.push(`live group: no myGroup in state ${JSON.stringify(mine).slice(0, 200)}`);
  }

  // Mentoring: a mentor profile, a mentee profile, a request accepted into a relationship with a goal, note and meeting.
  await ok('mentor profile', put(mentor, '/api/mentoring/profile', { mentor: { skills: [{ skill: 'sql', level: 5 }], topics: ['growth'], capacity: 3, availabilityHours: 2, seniority: 5, preferences: {}, active: true } }));
  await ok('mentee profile', put(l1, '/api/mentoring/profile', { mentee: { goals: ['growth'], skills: [{ skill: 'sql', level: 3 }], seniority: 2, preferences: {}, active: true } }));
  const request = await ok('mentoring request', l1.post('/api/mentoring/requests', { mentorId: pm.id, message: 'Help me with SQL?' }));
  if (request) {
    ids.mentoringRequest = String(request.id);
    const acc = await ok('accept request', mentor.post(`/api/mentoring/requests/${ids.mentoringRequest}/accept`, { message: 'Sure' }));
    if (acc?.relationshipId) ids.relationship = String(acc.relationshipId);
  }
  if (ids.relationship) {
    const rel = `/api/mentoring/relationships/${ids.relationship}`;
    const goal = await ok('goal', l1.post(`${rel}/goals`, { title: 'Write a window function' }));
    if (goal) ids.mentoringGoal = String(goal.id);
    const note = await ok('note', l1.post(`${rel}/notes`, { body: 'Private mentoring note' }));
    if (note) ids.mentoringNote = String(note.id);
    const meeting = await ok('meeting', l1.post(`${rel}/meetings`, { startsAt: new Date(Date.now() + 2 * 86_400_000).toISOString(), durationMinutes: 30, emailInvite: false }));
    if (meeting) ids.mentoringMeeting = String(meeting.id);
    for (const k of ['mentoringGoal', 'mentoringNote', 'mentoringMeeting']) if (ids[k] === 'undefined') delete ids[k];
  }
  const eq = await ok('expert question', l1.post('/api/mentoring/expert-questions', { skill: 'sql', question: 'What is a CTE?' }));
  if (eq) ids.expertQuestion = String(eq.id);
  const run = await ok('match run', aAdmin.post('/api/mentoring/match-runs', {}));
  if (run) ids.matchRun = String(run.id);

  // Media: a one-pixel PNG uploaded as multipart.
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
  const boundary = `sweep${randomUUID().slice(0, 8)}`;
  const multipart = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="pixel.png"\r\nContent-Type: image/png\r\n\r\n`),
    png,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const media = await ok('media', aAdmin.send({ method: 'POST', url: '/api/media', payload: multipart, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } }));
  if (media) ids.media = String(media.id);

  // A notification for the thread author (the reply above); delivery may be asynchronous.
  for (let i = 0; i < 40 && !ids.notification; i++) {
    const items = ((await aAdmin.get('/api/notifications')).json().items ?? []) as { id: string }[];
    if (items[0]) ids.notification = items[0].id;
    else await new Promise((r) => setTimeout(r, 100));
  }
  if (!ids.notification) seedProblems.push('notification: the thread author got none');
  for (const [k, v] of Object.entries(ids)) if (!v || v === 'undefined') {
    seedProblems.push(`${k}: empty id`);
    delete ids[k];
  }
}

beforeAll(async () => {
  t = await createTestApp({ SIGNIN_PER_IP_PER_MINUTE: '10000', API_RATE_LIMIT_PER_MINUTE: '1000000', POSTS_PER_MINUTE: '100000', MESSAGES_PER_MINUTE: '100000', DIGEST_INTERVAL_SECONDS: '0', EXPERT_FALLBACK_INTERVAL_SECONDS: '0', EVENT_REMINDER_INTERVAL_SECONDS: '0' });
  routes = inventory(t.app);
  await seed();
}, 600_000);
afterAll(async () => {
  await t?.close();
});

describe('route sweep', () => {
  it('has an inventory: every path parameter is mapped, every public entry exists, the seed is complete', () => {
    expect(routes.length).toBeGreaterThan(100);
    for (const r of routes) urlFor(r);
    const stalePublic = Object.keys(PUBLIC_ROUTES).filter((p) => !routes.some((r) => (p.endsWith('*') ? key(r).startsWith(p.slice(0, -1)) : key(r) === p)));
    const seededKinds = new Set(Object.values(PARAM_KINDS).filter((k) => k !== 'follow-target' && !k.startsWith('literal:')));
    const missing = [...seededKinds].filter((k) => !ids[k]);
    expect(
      {
        unmapped: [...unmapped],
        stalePublic,
        seedProblems,
        notSeeded: missing,
      },
      'Unmapped path parameters: add `<segment>/{param}: <kind>` to PARAM_KINDS and seed one of that kind in seed(). ' +
        'Stale public entries: remove them from PUBLIC_ROUTES. Seed problems make the sweep blind for that kind.',
    ).toEqual({ unmapped: [], stalePublic: [], seedProblems: [], notSeeded: [] });
  });

  it('answers 401 with a code to a signed-out caller on every non-public /api route', async () => {
    const failures: string[] = [];
    for (const r of routes) {
      if (isPublic(r)) continue;
      const res = await send(null, r);
      const body = res.statusCode < 500 && res.body.startsWith('{') ? (res.json() as Json) : {};
      if (res.statusCode !== 401 || body.code !== 'UNAUTHENTICATED') failures.push(`${key(r)} → ${res.statusCode} ${excerpt(res)}`);
      const broken = await brokenAfter(r, res);
      if (broken) {
        failures.push(broken);
        break;
      }
    }
    expect(failures, 'signed-out callers must get 401 UNAUTHENTICATED').toEqual([]);
  }, 600_000);

  it('never answers a public route with a 5xx when signed out, even to garbage', async () => {
    const failures: string[] = [];
    for (const r of routes.filter(isPublic)) {
      for (const raw of [undefined, '[]', '{"__proto__":{"x":1}}', '"x"']) {
        const res = await send(null, r, { rawBody: isMutating(r.method) ? raw : undefined });
        if (res.statusCode >= 500) failures.push(`${key(r)} body ${raw} → ${res.statusCode} ${excerpt(res)}`);
        const broken = await brokenAfter(r, res, `body ${raw}`);
        if (broken) return void expect([...failures, broken]).toEqual([]);
      }
    }
    expect(failures).toEqual([]);
  }, 600_000);

  it('refuses every state-changing /api route signed in without the CSRF header (403 with a code)', async () => {
    const failures: string[] = [];
    for (const r of routes.filter((x) => isMutating(x.method))) {
      const res = await send(aAdmin, r, { noCsrf: true });
      const complaint = problemComplaint(res);
      if (res.statusCode !== 403 || complaint || res.json().code !== 'CSRF_FAILED') failures.push(`${key(r)} → ${res.statusCode} ${complaint ?? ''} ${excerpt(res)}`);
      const broken = await brokenAfter(r, res);
      if (broken) {
        failures.push(broken);
        break;
      }
    }
    expect(failures).toEqual([]);
  }, 600_000);

  it("gives a person of another organization 404/403 on every route naming organization A's things, and never A's ids", async () => {
    const failures: string[] = [];
    const aIds = Object.entries(ids).filter(([k]) => k !== 'tag');
    for (const r of routes) {
      if (isPublic(r)) continue;
      const url = urlFor(r);
      const payload = r.body && isMutating(r.method) ? validBody(r) : undefined;
      const inPath = aIds.some(([, v]) => url.includes(v));
      const inBody = aIds.some(([, v]) => JSON.stringify(payload ?? '').includes(v));
      const res = await send(bAdmin, r, { url, payload });
      const leaked = aIds.filter(([, v]) => res.body.includes(v)).map(([k]) => k);
      const broken = await brokenAfter(r, res);
      if (broken) {
        failures.push(broken);
        break;
      }
      if (res.statusCode >= 500) failures.push(`${key(r)} → ${res.statusCode} ${excerpt(res)}`);
      else if (leaked.length) failures.push(`${key(r)} → ${res.statusCode} exposes A's ${leaked.join(', ')}: ${excerpt(res)}`);
      else if (inPath || inBody) {
        // A's id in the path: 404 (or 403 where the route is org-independent). Only in the body (a reference to
        // A's thing from B's own request): any refusal with a code (400/403/404/409/422).
        const allowed = inPath ? [403, 404] : [400, 403, 404, 409, 422];
        const complaint = problemComplaint(res);
        if (complaint || !allowed.includes(res.statusCode)) failures.push(`${key(r)} ${url}${payload ? ` ${JSON.stringify(payload).slice(0, 120)}` : ''} → ${res.statusCode} ${complaint ?? ''} ${excerpt(res)}`);
      }
    }
    expect(failures, "another organization's person must get 404/403 and never see A's ids").toEqual([]);
  }, 600_000);

  it('answers malformed input with a 4xx problem and a code, never a 5xx', async () => {
    const failures: string[] = [];
    let broken: string | null = null;
    const check = async (r: Route, what: string, res: LightMyRequestResponse) => {
      const complaint = problemComplaint(res);
      if (complaint) failures.push(`${key(r)} [${what}] → ${complaint}: ${excerpt(res)}`);
      broken ??= await brokenAfter(r, res, what);
    };
    for (const r of routes) {
      if (broken) {
        failures.push(broken);
        break;
      }
      const pathParams = r.params.filter((p) => p.in === 'path' && !unwrap(p.schema).enum);
      const uuidParams = pathParams.filter((p) => unwrap(p.schema).format === 'uuid');
      // Path parameters: a non-uuid, a huge number, an over-long value.
      if (uuidParams.length) {
        for (const bad of [NOT_A_UUID, '99999999999999999999', '1e309', '%00', 'x'.repeat(250)]) {
          await check(r, `path ${bad.slice(0, 20)}`, await send(aAdmin, r, { url: urlFor(r, { override: encodeURIComponent(bad) }) }));
        }
      }
      // Query: each typed parameter gets a value of the wrong type or out of range.
      for (const q of r.params.filter((p) => p.in === 'query')) {
        const s = unwrap(q.schema);
        const bads: string[] = [];
        const ty = typeOf(s);
        if (s.enum) bads.push('definitely-not-a-choice');
        else if (ty === 'integer' || ty === 'number') bads.push('abc', '1e309', '-99999999999999999999', '1.5e400');
        else if (ty === 'boolean') bads.push('maybe');
        else if (s.format === 'uuid') bads.push(NOT_A_UUID);
        else if (s.format === 'date-time') bads.push('yesterday-ish');
        if (s.maxLength !== undefined && !s.enum) bads.push('x'.repeat(s.maxLength + 1));
        for (const bad of bads) await check(r, `query ${q.name}=${bad.slice(0, 20)}`, await send(aAdmin, r, { url: urlFor(r, { query: { [q.name]: bad } }) }));
      }
      // Body: wrong shapes, missing required fields, wrong-typed, over-long and out-of-range fields, unknown and __proto__ keys.
      if (r.body && isMutating(r.method)) {
        const s = unwrap(r.body);
        const base = validBody(r) as Json;
        const cases: [string, string][] = [
          ['array instead of object', '[]'],
          ['string instead of object', '"hello"'],
          ['number instead of object', '12345678901234567890'],
          ['__proto__ key', JSON.stringify(base).replace(/^\{/, '{"__proto__":{"isAdmin":true},').replace(',}', '}')],
          ['constructor.prototype key', JSON.stringify({ ...base, constructor: { prototype: { isAdmin: true } } })],
          ['invalid JSON', '{"a":'],
        ];
        if (s.required?.length) cases.push(['missing required fields', '{}']);
        if (s.additionalProperties === false) cases.push(['unknown field', JSON.stringify({ ...base, sweepUnknownField: 1 })]);
        for (const [name, prop] of Object.entries(s.properties ?? {})) {
          const p = unwrap(prop);
          const ty = p.enum ? 'enum' : typeOf(p);
          const bads: unknown[] = [];
          if (ty === 'string' || ty === 'enum') bads.push(12345, ['array'], { o: 1 });
          if (ty === 'enum') bads.push('definitely-not-a-choice');
          if (ty === 'string' && p.maxLength !== undefined) bads.push('x'.repeat(p.maxLength + 1));
          if (ty === 'string' && p.format === 'uuid') bads.push(NOT_A_UUID);
          if (ty === 'string' && p.format === 'date-time') bads.push('2026-02-30T25:61:00Z');
          if (ty === 'integer' || ty === 'number') bads.push('12', 1e308, -1e308, 2 ** 64, 1.5, true);
          if (ty === 'boolean') bads.push('yes', 1);
          if (ty === 'array') bads.push({ not: 'an array' }, 'string', [{ __proto__: null, deep: [[[[[]]]]] }]);
          if (ty === 'array' && p.maxItems !== undefined) bads.push(Array.from({ length: p.maxItems + 1 }, () => gen(p.items ?? {}, name)));
          if (ty === 'object') bads.push([], 'string', 7);
          for (const bad of bads) {
            // An integer field given 1.5 or a number field given a valid-range integer would be valid: skip those.
            if (ty === 'number' && bad === 1.5) continue;
            await check(r, `body ${name}=${JSON.stringify(bad)?.slice(0, 30)}`, await send(aAdmin, r, { rawBody: JSON.stringify({ ...base, [name]: bad }) }));
          }
        }
        for (const [what, raw] of cases) await check(r, `body ${what}`, await send(aAdmin, r, { rawBody: raw }));
      }
    }
    expect(failures, 'malformed input must be refused with a 4xx problem+json carrying a code').toEqual([]);
  }, 600_000);

  it('refuses text PostgreSQL cannot store (NUL, lone surrogates) in every string field, key, query and path parameter with a 4xx, never a 5xx', async () => {
    const failures: string[] = [];
    let broken: string | null = null;
    let sent = 0;
    const check = async (r: Route, what: string, res: LightMyRequestResponse, expectation: 'refused' | 'no-5xx' = 'refused') => {
      sent++;
      const complaint = expectation === 'refused' ? problemComplaint(res) : res.statusCode >= 500 ? `server error ${res.statusCode}` : null;
      if (complaint) failures.push(`${key(r)} [${what}] → ${complaint}: ${excerpt(res)}`);
      broken ??= await brokenAfter(r, res, what);
    };
    for (const r of routes) {
      if (broken) break;
      for (const p of r.params.filter((x) => x.in === 'path')) {
        for (const [label, raw, expectation] of UNSTORABLE_URL_TEXT) await check(r, `path ${p.name} ${label}`, await send(aAdmin, r, { url: urlFor(r, { param: { name: p.name, raw } }) }), expectation);
      }
      for (const q of r.params.filter((x) => x.in === 'query')) {
        for (const [label, raw, expectation] of UNSTORABLE_URL_TEXT) {
          const url = urlFor(r, { query: { [q.name]: 'SWEEP-TEXT' } }).replace('SWEEP-TEXT', raw);
          await check(r, `query ${q.name} ${label}`, await send(aAdmin, r, { url }), expectation);
        }
      }
      if (!r.body || !isMutating(r.method)) continue;
      const base = validBody(r);
      for (const [label, bad] of UNSTORABLE_TEXT) {
        for (const slot of textSlots(r.body, (s, name) => gen(s as Schema, name))) {
          await check(r, `body ${slot.field || '(body)'} ${label}`, await send(aAdmin, r, { rawBody: JSON.stringify(slot.make(bad)) }));
        }
        // A key of the body itself (an unknown one is stripped by most contracts, but must still never reach the database).
        if (base && typeof base === 'object' && !Array.isArray(base)) await check(r, `body key ${label}`, await send(aAdmin, r, { rawBody: JSON.stringify({ ...base, [`sweep${bad}`]: 'x' }) }));
      }
    }
    if (broken) failures.push(broken);
    expect(sent, 'the sweep found text fields to try').toBeGreaterThan(500);
    expect(failures, 'text PostgreSQL cannot store must be refused with a 4xx problem+json carrying a code').toEqual([]);
  }, 600_000);

  it('answers every PATCH route given an empty object or no body with 400 or a 200 that writes nothing, never a 5xx', async () => {
    const failures: string[] = [];
    const patches = routes.filter((r) => r.method === 'PATCH');
    expect(patches.length).toBeGreaterThan(5);
    // A field a PATCH leaves out must stay as it is: a default in an update contract would overwrite it on every edit.
    for (const r of patches) {
      const s = unwrap(r.body ?? {});
      for (const [name, p] of Object.entries(s.properties ?? {})) {
        if (!s.required?.includes(name) && (p.default !== undefined || unwrap(p).default !== undefined)) failures.push(`${key(r)} body field ${name} has a default: an edit leaving it out would reset it`);
      }
    }
    for (const r of patches) {
      for (const [what, opts] of [['{}', { rawBody: '{}' }], ['no body', { noBody: true }]] as const) {
        const before = await settledFingerprint(t.db);
        // Tried as each owner of A's things in turn, so the edit is not simply refused for want of permission.
        let res: LightMyRequestResponse | undefined;
        for (const c of editors) {
          res = await send(c, r, opts);
          if (res.statusCode !== 403 && res.statusCode !== 404) break;
        }
        const after = await settledFingerprint(t.db);
        if (!res) continue;
        const written = changedTables(before, after);
        const line = `${key(r)} [${what}] → ${res.statusCode}`;
        if (res.statusCode === 403 || res.statusCode === 404) failures.push(`${line}: no owner of A's things may edit it (sweep blind): ${excerpt(res)}`);
        else if (res.statusCode >= 300) {
          const complaint = problemComplaint(res);
          if (complaint || res.statusCode !== 400) failures.push(`${line} ${complaint ?? ''}: ${excerpt(res)}`);
        }
        if (written.length) failures.push(`${line} wrote to ${written.join(', ')}`);
        const broken = await brokenAfter(r, res, what);
        if (broken) return void expect([...failures, broken]).toEqual([]);
      }
    }
    expect(failures, 'an empty PATCH must be refused (400) or change nothing (200)').toEqual([]);
  }, 600_000);
});
