// Shared set-up of the live-sessions tests: an organization with facilitators, an admin and participants from
// several departments, another organization, and helpers to create and run sessions through the API.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.ts';

/** A signed-in API client. */
export type Client = Awaited<ReturnType<TestApp['signIn']>>;
/** A person with their client. */
export interface Member {
  id: string;
  name: string;
  department: string | null;
  c: Client;
}

const DEPARTMENTS = ['Sales', 'Engineering', 'Design', 'Finance'];

/** Builds Acme (facilitator, co-facilitator, admin, a member without roles, `n` participants) and Globex (an admin). */
export async function buildCast(t: TestApp, n = 8) {
  const org = await t.buildOrg(`Acme ${randomUUID().slice(0, 6)}`);
  const other = await t.buildOrg(`Globex ${randomUUID().slice(0, 6)}`);
  const member = async (orgId: string, name: string, over: Record<string, unknown> = {}): Promise<Member> => {
    const p = await t.buildPerson(orgId, { name, ...over });
    return { id: p.id, name: p.name, department: p.department, c: await t.signIn(p.email) };
  };
  const fac = await member(org.id, 'Fay Facilitator', { roles: ['facilitator'] });
  const co = await member(org.id, 'Cody Cofacilitator');
  const admin = await member(org.id, 'Ada Admin', { roles: ['admin'] });
  const plain = await member(org.id, 'Pat Plain');
  const outsider = await member(other.id, 'Olga Outsider', { roles: ['admin'] });
  const people: Member[] = [];
  for (let i = 0; i < n; i++) people.push(await member(org.id, `Learner ${String(i).padStart(2, '0')}`, { department: DEPARTMENTS[i % DEPARTMENTS.length] }));
  return { org, other, fac, co, admin, plain, outsider, people };
}

/** An app with a cast for one test file: built before its tests, closed after them. */
export function useLiveApp(n = 8) {
  const live = {} as { t: TestApp; cast: Awaited<ReturnType<typeof buildCast>> };
  beforeAll(async () => {
    live.t = await createTestApp({ SIGNIN_PER_IP_PER_MINUTE: '1000' });
    live.cast = await buildCast(live.t, n);
  }, 180_000);
  afterAll(() => live.t.close());
  return live;
}

/** The API path of a session, or of one of its routes. */
export const url = (id: string, rest = '') => `/api/live-sessions/${id}${rest}`;

/** Creates a session as `c` and returns it (201 expected). */
export async function createSession(c: Client, body: Record<string, unknown> = {}) {
  const res = await c.post('/api/live-sessions', { title: 'Leading with curiosity, live', startsAt: new Date(Date.now() + 86_400_000).toISOString(), ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

/** Joins everyone and expects 200. */
export async function joinAll(id: string, members: Member[]) {
  for (const m of members) {
    const r = await m.c.post(`/api/live-sessions/${id}/join`);
    expect(r.statusCode, r.body).toBe(200);
  }
}

/** The state as `c` sees it. */
export async function stateOf(c: Client, id: string) {
  const r = await c.get(`/api/live-sessions/${id}/state`);
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
}

/** Advances (as the facilitator) until the running segment has `kind`. */
export async function advanceTo(fac: Client, id: string, kind: string) {
  let s = await stateOf(fac, id);
  for (let i = 0; i < 20 && s.segment?.kind !== kind; i++) {
    const r = await fac.post(`/api/live-sessions/${id}/advance`, { fromSegmentId: s.segment?.id ?? null });
    expect(r.statusCode, r.body).toBe(200);
    s = r.json();
  }
  expect(s.segment?.kind).toBe(kind);
  return s;
}

/** Posts a chat message and returns the response. */
export function say(c: Client, id: string, body: string, groupId?: string, clientId = randomUUID()) {
  return c.post(`/api/live-sessions/${id}/messages`, { body, clientId, ...(groupId ? { groupId } : {}) });
}

/** PUT helper (the harness client has get/post/patch). */
export function put(c: Client, url: string, payload: unknown) {
  return c.send({ method: 'PUT', url, payload: payload as never });
}
