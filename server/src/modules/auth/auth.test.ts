import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../../test/harness.ts';

let t: TestApp;
let orgId: string;
let alice: { id: string; email: string };

beforeAll(async () => {
  t = await createTestApp({ SIGNIN_FAILURES_PER_ACCOUNT: '3', SIGNIN_PER_IP_PER_MINUTE: '1000' });
  orgId = (await t.buildOrg('Acme')).id;
  alice = await t.buildPerson(orgId, { email: 'alice@acme.test', name: 'Alice' });
});
afterAll(() => t.close());

describe('sign-in', () => {
  it('sets an httpOnly SameSite session cookie and returns the person with a CSRF token', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email: 'ALICE@acme.test', password: TEST_PASSWORD } });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'hearth_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    expect(res.json().person.email).toBe('alice@acme.test');
    expect(res.json().csrfToken).toMatch(/^[\w-]{40,}$/);
  });

  it('gives the same answer for an unknown account and a wrong password', async () => {
    const wrong = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email: 'alice@acme.test', password: 'nope-nope-nope' } });
    const unknown = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email: 'ghost@acme.test', password: 'nope-nope-nope' } });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().detail).toBe(unknown.json().detail);
    expect(wrong.json().code).toBe('INVALID_CREDENTIALS');
  });

  it('slows an account down after repeated failures with 429 and Retry-After', async () => {
    const p = await t.buildPerson(orgId, { email: 'bruteforced@acme.test' });
    for (let i = 0; i < 3; i++) {
      const r = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email: p.email, password: `wrong-${i}-wrong` } });
      expect(r.statusCode).toBe(401);
    }
    const blocked = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email: p.email, password: TEST_PASSWORD } });
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('rejects malformed bodies with a 400 naming the field', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email: 'not-an-email', password: 'x', extra: 1 } });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().code).toBe('VALIDATION_FAILED');
    const fields = res.json().errors.map((e: { field: string }) => e.field).join(' ');
    expect(fields).toMatch(/email|extra/);
  });

  it('answers broken JSON with 400, not 500', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', headers: { 'content-type': 'application/json' }, payload: '{"email":' });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('MALFORMED_REQUEST');
  });

  it('does not sign in invited or deactivated people', async () => {
    const p = await t.buildPerson(orgId, { status: 'deactivated' });
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email: p.email, password: TEST_PASSWORD } });
    expect(res.statusCode).toBe(401);
  });
});

describe('sessions and CSRF', () => {
  it('requires a session for /api/me', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/me' });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('UNAUTHENTICATED');
  });

  it('refuses a signed-in state change without the CSRF token', async () => {
    const c = await t.signIn(alice.email);
    const res = await t.app.inject({ method: 'PATCH', url: `/api/people/${alice.id}`, headers: { cookie: c.cookie }, payload: { title: 'x' } });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('CSRF_FAILED');
    const ok = await c.patch(`/api/people/${alice.id}`, { title: 'Engineer' });
    expect(ok.statusCode).toBe(200);
  });

  it('refuses cross-site requests by Origin and Sec-Fetch-Site', async () => {
    const a = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', headers: { origin: 'https://evil.example' }, payload: { email: alice.email, password: TEST_PASSWORD } });
    expect(a.statusCode).toBe(403);
    const b = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', headers: { 'sec-fetch-site': 'cross-site' }, payload: { email: alice.email, password: TEST_PASSWORD } });
    expect(b.statusCode).toBe(403);
  });

  it('kills the session server-side on sign-out: the old cookie no longer works', async () => {
    const c = await t.signIn(alice.email);
    expect((await c.get('/api/me')).statusCode).toBe(200);
    expect((await c.post('/api/auth/sign-out')).statusCode).toBe(204);
    expect((await c.get('/api/me')).statusCode).toBe(401);
  });

  it('refuses a session at once when an admin deactivates the person, and applies a role change to the next request', async () => {
    const admin = await t.buildPerson(orgId, { roles: ['admin'] });
    const a = await t.signIn(admin.email);
    const p = await t.buildPerson(orgId);
    const c = await t.signIn(p.email);
    expect((await c.get('/api/me')).statusCode).toBe(200); // the session is now cached on this node
    expect((await c.get('/api/people/export.csv')).statusCode).toBe(403);
    expect((await a.patch(`/api/people/${p.id}`, { roles: ['admin'] })).statusCode).toBe(200);
    expect((await c.get('/api/people/export.csv')).statusCode).toBe(200);
    expect((await a.patch(`/api/people/${p.id}`, { status: 'deactivated' })).statusCode).toBe(200);
    expect((await c.get('/api/me')).statusCode).toBe(401);
  });

  it('ends the other sessions at once on a password change, keeping the current one', async () => {
    const p = await t.buildPerson(orgId);
    const current = await t.signIn(p.email);
    const other = await t.signIn(p.email);
    expect((await other.get('/api/me')).statusCode).toBe(200);
    const res = await current.post('/api/auth/change-password', { currentPassword: TEST_PASSWORD, newPassword: 'a-new-long-password' });
    expect(res.statusCode).toBe(200);
    expect((await other.get('/api/me')).statusCode).toBe(401);
    expect((await current.get('/api/me')).statusCode).toBe(200);
  });

  it('keeps the idle clock: a cached session is still touched at most once a minute', async () => {
    const { sql } = await import('drizzle-orm');
    const c = await t.signIn(alice.email);
    const lastSeen = async () => ((await t.db.execute(sql`select last_seen_at as at from sessions where csrf_token = ${c.csrf}`)) as unknown as { rows: { at: string }[] }).rows[0].at;
    expect((await c.get('/api/me')).statusCode).toBe(200);
    const before = await lastSeen();
    expect((await c.get('/api/me')).statusCode).toBe(200);
    expect(await lastSeen()).toEqual(before); // no write per request
    // 29 idle minutes in the database and in this node's cache: the next request is allowed and touches the row.
    await t.db.execute(sql`update sessions set last_seen_at = now() - interval '29 minutes' where csrf_token = ${c.csrf}`);
    t.deps.sessions.drop(alice.id);
    expect((await c.get('/api/me')).statusCode).toBe(200);
    expect(new Date(await lastSeen()).getTime()).toBeGreaterThan(Date.now() - 10_000);
  });

  it('ends sessions idle longer than the idle limit', async () => {
    const c = await t.signIn(alice.email);
    await t.deps.database.db.execute(
      // Simulate 31 minutes of inactivity.
      (await import('drizzle-orm')).sql`update sessions set last_seen_at = now() - interval '31 minutes'`,
    );
    expect((await c.get('/api/me')).statusCode).toBe(401);
  });
});

describe('invitations and password reset', () => {
  it('an admin invites a person, the link sets a password once and signs them in', async () => {
    const admin = await t.buildPerson(orgId, { roles: ['admin'] });
    const c = await t.signIn(admin.email);
    const res = await c.post('/api/people', { name: 'Nina New', email: 'nina@acme.test', department: 'Sales' });
    expect(res.statusCode).toBe(201);
    const mail = (t.mailer as unknown as { sent: { to: string; text: string }[] }).sent.find((m) => m.to === 'nina@acme.test');
    expect(mail?.text).toContain('/accept-invite?token=');
    const token = new URL(res.json().inviteUrl).searchParams.get('token') as string;
    const accepted = await t.app.inject({ method: 'POST', url: '/api/auth/accept-invite', payload: { token, password: 'a-long-new-password' } });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().person.status).toBe('active');
    const again = await t.app.inject({ method: 'POST', url: '/api/auth/accept-invite', payload: { token, password: 'another-password' } });
    expect(again.statusCode).toBe(410);
    const dup = await c.post('/api/people', { name: 'Nina Again', email: 'nina@acme.test' });
    expect(dup.statusCode).toBe(409);
  });

  it('a member cannot invite', async () => {
    const c = await t.signIn(alice.email);
    const res = await c.post('/api/people', { name: 'X', email: 'x@acme.test' });
    expect(res.statusCode).toBe(403);
  });

  it('reset answers the same for unknown emails and ends existing sessions after use', async () => {
    const p = await t.buildPerson(orgId);
    const c = await t.signIn(p.email);
    const unknown = await t.app.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { email: 'nobody@acme.test' } });
    const known = await t.app.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { email: p.email } });
    expect(unknown.statusCode).toBe(202);
    expect(known.json()).toEqual(unknown.json());
    const mail = (t.mailer as unknown as { sent: { to: string; text: string }[] }).sent.find((m) => m.to === p.email);
    const token = /token=([\w-]+)/.exec(mail?.text ?? '')?.[1] as string;
    const done = await t.app.inject({ method: 'POST', url: '/api/auth/password-reset/confirm', payload: { token, password: 'brand-new-password' } });
    expect(done.statusCode).toBe(200);
    expect((await c.get('/api/me')).statusCode).toBe(401);
    const reuse = await t.app.inject({ method: 'POST', url: '/api/auth/password-reset/confirm', payload: { token, password: 'brand-new-password2' } });
    expect(reuse.statusCode).toBe(410);
    const signIn = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email: p.email, password: 'brand-new-password' } });
    expect(signIn.statusCode).toBe(200);
  });
});

describe('API rate limit', () => {
  it('counts a signed-in person by person, not by IP', async () => {
    const app = await createTestApp({ API_RATE_LIMIT_PER_MINUTE: '3', SIGNIN_PER_IP_PER_MINUTE: '1000' });
    try {
      const o = (await app.buildOrg('Limits')).id;
      const a = await app.signIn((await app.buildPerson(o)).email);
      const b = await app.signIn((await app.buildPerson(o)).email);
      for (let i = 0; i < 3; i++) expect((await a.get('/api/me')).statusCode).toBe(200);
      const limited = await a.get('/api/me');
      expect(limited.statusCode).toBe(429);
      expect(limited.json().code).toBe('RATE_LIMITED');
      // Same IP, another person: their own budget.
      expect((await b.get('/api/me')).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });
});
