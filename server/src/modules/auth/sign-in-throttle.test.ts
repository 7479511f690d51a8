import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../../test/harness.ts';
import { issueToken } from '../../kernel/auth/one-time-tokens.ts';

const PER_SOURCE = 3;
const PER_ACCOUNT = 8;
let t: TestApp;
let orgId: string;

beforeAll(async () => {
  t = await createTestApp({ SIGNIN_FAILURES_PER_SOURCE: String(PER_SOURCE), SIGNIN_FAILURES_PER_ACCOUNT: String(PER_ACCOUNT), SIGNIN_PER_IP_PER_MINUTE: '100000' });
  orgId = (await t.buildOrg('Acme')).id;
});
afterAll(() => t.close());

/** A sign-in from an address, optionally carrying a known-device cookie. */
function signIn(email: string, password: string, ip: string, device?: string) {
  return t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password }, remoteAddress: ip, cookies: device ? { hearth_device: device } : {} });
}
const deviceOf = (res: LightMyRequestResponse) => res.cookies.find((c) => c.name === 'hearth_device');
/** A person who has signed in once at home, so that browser is known; answers the person and the device cookie. */
async function personWithDevice() {
  const p = await t.buildPerson(orgId);
  const first = await signIn(p.email, TEST_PASSWORD, '192.0.2.10');
  expect(first.statusCode).toBe(200);
  return { email: p.email, id: p.id, device: deviceOf(first)?.value as string };
}
function expectThrottled(res: LightMyRequestResponse) {
  expect(res.statusCode, res.body).toBe(429);
  expect(res.json().code).toBe('RATE_LIMITED');
  const wait = Number(res.headers['retry-after']);
  expect(wait).toBeGreaterThan(0);
  expect(wait).toBeLessThanOrEqual(15 * 60);
}

describe('sign-in throttling', () => {
  it('marks the browser as a known device with a long-lived httpOnly cookie sent only to the sign-in route', async () => {
    const p = await t.buildPerson(orgId);
    const res = await signIn(p.email, TEST_PASSWORD, '192.0.2.1');
    const c = deviceOf(res);
    expect(c).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/auth/sign-in', maxAge: 180 * 86_400 });
    expect(c?.value).toContain(p.id);
    expect(deviceOf(await signIn(p.email, TEST_PASSWORD, '192.0.2.1', c?.value))?.value).not.toBe(c?.value);
    expect(deviceOf(await signIn(p.email, 'wrong-wrong-wrong', '192.0.2.1'))).toBeUndefined();
  });

  it('stops an attacker at one address with 429 and Retry-After (even with the right password), while the person signs in from another address', async () => {
    const p = await t.buildPerson(orgId);
    const attacker = '203.0.113.9';
    for (let i = 0; i < PER_SOURCE; i++) expect((await signIn(p.email, `guess-${i}-guess`, attacker)).statusCode).toBe(401);
    expectThrottled(await signIn(p.email, 'guess-again-guess', attacker));
    expectThrottled(await signIn(p.email, TEST_PASSWORD, attacker));
    // Same IPv6 /64 = same source.
    for (let i = 0; i < PER_SOURCE; i++) expect((await signIn(p.email, `guess-${i}-guess`, `2001:db8:7:7::${i + 1}`)).statusCode).toBe(401);
    expectThrottled(await signIn(p.email, 'guess-again-guess', '2001:db8:7:7::ffff'));
    const person = await signIn(p.email, TEST_PASSWORD, '198.51.100.4');
    expect(person.statusCode).toBe(200);
    const audited = (await t.db.execute(sql`select count(*)::int as n from audit_log where actor_id = ${p.id} and action = 'auth.sign_in_failed'`)) as unknown as { rows: { n: number }[] };
    expect(audited.rows[0].n).toBe(2 * PER_SOURCE);
  });

  it('slows an attacker spraying from many addresses at the account ceiling; the person still signs in from their known device, anywhere', async () => {
    const p = await personWithDevice();
    for (let i = 0; i < PER_ACCOUNT; i++) expect((await signIn(p.email, `spray-${i}-spray`, `10.9.${i}.1`)).statusCode).toBe(401);
    // A new address and a new device: the ceiling applies, even to the right password.
    expectThrottled(await signIn(p.email, TEST_PASSWORD, '198.51.100.77'));
    // The known device: at home, on the road, and at one of the attacker's addresses.
    for (const ip of ['192.0.2.10', '198.51.100.200', '10.9.0.1']) {
      const res = await signIn(p.email, TEST_PASSWORD, ip, p.device);
      expect(res.statusCode, `${ip}: ${res.body}`).toBe(200);
    }
    // Someone else's device cookie, or a changed one, is no known device of this account.
    const other = await personWithDevice();
    expectThrottled(await signIn(p.email, TEST_PASSWORD, '198.51.100.78', other.device));
    expectThrottled(await signIn(p.email, TEST_PASSWORD, '198.51.100.78', `${p.device.slice(0, -2)}xx`));
  });

  it('gives a known device its own budget: wrong passwords there slow that device only, not the account', async () => {
    const p = await personWithDevice();
    for (let i = 0; i < PER_SOURCE; i++) expect((await signIn(p.email, `typo-${i}-typo`, '192.0.2.10', p.device)).statusCode).toBe(401);
    expectThrottled(await signIn(p.email, TEST_PASSWORD, '192.0.2.10', p.device));
    expect((await signIn(p.email, TEST_PASSWORD, '198.51.100.5')).statusCode).toBe(200);
  });

  it('forgets every known device when the password changes', async () => {
    const p = await personWithDevice();
    const session = await t.signIn(p.email);
    const changed = await session.post('/api/auth/change-password', { currentPassword: TEST_PASSWORD, newPassword: 'a-brand-new-passphrase' });
    expect(changed.statusCode).toBe(200);
    for (let i = 0; i < PER_ACCOUNT; i++) await signIn(p.email, `spray-${i}-spray`, `10.8.${i}.1`);
    expectThrottled(await signIn(p.email, 'a-brand-new-passphrase', '192.0.2.10', p.device));
    // The browser that changed it is known again, under the new password.
    const fresh = changed.cookies.find((c) => c.name === 'hearth_device')?.value as string;
    expect((await signIn(p.email, 'a-brand-new-passphrase', '192.0.2.10', fresh)).statusCode).toBe(200);
  });

  it('lets the person in after a password reset while strangers hold the account ceiling full: the reset link makes that browser known', async () => {
    const p = await personWithDevice();
    for (let i = 0; i < PER_ACCOUNT; i++) await signIn(p.email, `spray-${i}-spray`, `10.7.${i}.1`);
    // A new browser (the old device cookie died with the old password): the ceiling holds it back, as it should.
    expectThrottled(await signIn(p.email, TEST_PASSWORD, '198.51.100.90'));
    const token = await issueToken(t.db, 'password_reset', p.id, orgId);
    const reset = await t.app.inject({ method: 'POST', url: '/api/auth/password-reset/confirm', payload: { token, password: 'reset-and-back-in' }, remoteAddress: '198.51.100.90' });
    expect(reset.statusCode).toBe(200);
    const device = deviceOf(reset);
    expect(device).toMatchObject({ httpOnly: true, path: '/api/auth/sign-in' });
    expect((await signIn(p.email, 'reset-and-back-in', '198.51.100.90', device?.value)).statusCode).toBe(200);
    // The stranger still waits, with the new password too.
    expectThrottled(await signIn(p.email, 'reset-and-back-in', '203.0.113.4'));
  });

  it('for any spray of wrong passwords from any addresses, checks at most the budgets and always lets the person in from their known device', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: 7 }), { minLength: 1, maxLength: 14 }), async (sources) => {
        const p = await personWithDevice();
        const perSource = new Map<number, number>();
        let checked = 0;
        for (const s of sources) {
          const res = await signIn(p.email, 'spray-spray-spray', `10.7.${s}.1`);
          if (res.statusCode === 401) {
            checked++;
            perSource.set(s, (perSource.get(s) ?? 0) + 1);
          } else expectThrottled(res);
        }
        expect(checked).toBeLessThanOrEqual(PER_ACCOUNT);
        for (const n of perSource.values()) expect(n).toBeLessThanOrEqual(PER_SOURCE);
        expect((await signIn(p.email, TEST_PASSWORD, '10.7.0.1', p.device)).statusCode).toBe(200);
      }),
      { numRuns: 5 },
    );
  });
});
