// The route sweep's inventory and shared checks: every /api route of the running app (its OpenAPI document plus
// Fastify's own route table, so a new route is swept automatically), the public allow-list, what each path parameter
// names, and the problem-shape check. The only hand-kept lists are PUBLIC_ROUTES and the path-parameter kinds
// (PARAM_KINDS, BODY_ID_KINDS); an unmapped path parameter fails the inventory test and says what to add.
import type { LightMyRequestResponse } from 'fastify';
import type { TestApp } from './harness.ts';

export type Client = Awaited<ReturnType<TestApp['signIn']>>;
export type Json = Record<string, unknown>;
export interface Schema {
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
export interface Param {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema: Schema;
}
export interface Route {
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
export const PUBLIC_ROUTES: Record<string, string> = {
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
export const PARAM_KINDS: Record<string, string> = {
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
  'journal/{id}': 'journalEntry',
  'action-plans/{id}': 'actionPlan',
  'action-items/{id}': 'actionItem',
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
  'surveys/{id}': 'survey',
  'checkins/{id}': 'checkin',
  // DELETE /api/follows/{kind}/{target}: the target's kind is the value chosen for {kind} (its enum's first value).
  '{target}': 'follow-target',
  // The OpenAPI viewer's static files (public).
  'docs/{*}': 'literal:json',
};

/** Which seeded id a uuid field of a request body gets (so a cross-tenant body references the first organization). */
export const BODY_ID_KINDS: Record<string, string> = {
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
  audienceId: 'community',
};

export const NOT_A_UUID = 'not-a-uuid';

export function key(r: { method: string; path: string }) {
  return `${r.method} ${r.path}`;
}
export function isPublic(r: Route) {
  const k = key(r);
  return Object.entries(PUBLIC_ROUTES).some(([p]) => (p.endsWith('*') ? k.startsWith(p.slice(0, -1)) : k === p));
}
export const isMutating = (m: string) => !['GET', 'HEAD', 'OPTIONS'].includes(m);
export function excerpt(res: LightMyRequestResponse) {
  return res.body.replace(/\s+/g, ' ').slice(0, 220);
}
export function typeOf(s: Schema): string | undefined {
  if (Array.isArray(s.type)) return s.type.find((x) => x !== 'null');
  return s.type;
}
export function unwrap(s: Schema): Schema {
  const alt = s.anyOf ?? s.oneOf;
  if (alt) return unwrap(alt.find((x) => x.type !== 'null') ?? alt[0]);
  if (s.allOf?.length) return unwrap(s.allOf[0]);
  return s;
}
export function paramKindKey(path: string, name: string) {
  const segs = path.split('/');
  const i = segs.indexOf(`{${name}}`);
  const specific = `${segs[i - 1]}/{${name}}`;
  if (PARAM_KINDS[specific]) return specific;
  if (PARAM_KINDS[`{${name}}`]) return `{${name}}`;
  return undefined;
}

/** The route inventory: the OpenAPI document, plus any route Fastify serves that the document leaves out. */
export function inventory(app: TestApp['app']): Route[] {
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

/** Problem-shape check for a 4xx: returns a complaint or null. */
export function problemComplaint(res: LightMyRequestResponse): string | null {
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
