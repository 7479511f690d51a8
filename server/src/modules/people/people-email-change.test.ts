import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../../test/harness.ts';
import { issueToken } from '../../kernel/auth/one-time-tokens.ts';
import { MAX_CHANGES_PER_DAY, MAX_CONFIRM_FAILURES } from './people.email-change.ts';

let t: TestApp;
let orgId: string;
let admin: { id: string; email: string };
let sent: { to: string; subject: string; text: string }[];

beforeAll(async () => {
  t = await createTestApp({ SIGNIN_FAILURES_PER_ACCOUNT: '1000', SIGNIN_PER_IP_PER_MINUTE: '100000', API_RATE_LIMIT_PER_MINUTE: '100000' });
  sent = (t.mailer as unknown as { sent: typeof sent }).sent;
  orgId = (await t.buildOrg('Acme')).id;
  admin = await t.buildPerson(orgId, { email: 'mallory@acme.test', name: 'Mallory Admin', roles: ['admin'] });
});
afterAll(() => t.close());

const anon = (url: string, payload: unknown) => t.app.inject({ method: 'POST', url, payload: payload as object });
const mailsTo = (address: string) => sent.filter((m) => m.to === address);
const tokenIn = (text: string, path: string) => new RegExp(`/${path}\\?token=([\\w-]+)`).exec(text)?.[1];
const emailOf = async (id: string) => ((await t.db.execute(sql`select email from people where id = ${id}`)) as unknown as { rows: { email: string }[] }).rows[0].email;
const auditOf = async (personId: string) =>
  ((await t.db.execute(sql`select action, actor_id as "actorId", before, after, data from audit_log where target = ${`person:${personId}`} order by id`)) as unknown as {
    rows: { action: string; actorId: string | null; before: Record<string, unknown> | null; after: Record<string, unknown> | null; data: Record<string, unknown> | null }[];
  }).rows;
const signInStatus = async (email: string, password: string) => (await anon('/api/auth/sign-in', { email, password })).statusCode;
let n = 0;
/** A refused sign-in: wrong credentials, or (after five from this test's one address) the sign-in throttle. */
const REFUSED = [401, 429];
const victim = async () => t.buildPerson(orgId, { email: `vic${++n}@acme.test`, name: `Vic Tim ${n}` });

describe('an admin cannot take over an account by changing its email', () => {
  it('fails at every step, in any order: the email stays, no reset reaches the admin, sign-in as the person never works', async () => {
    const step = fc.constantFrom('resetNew', 'resetOld', 'confirmBare', 'confirmGuess', 'signInNew', 'useAdminMail', 'reRequest');
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 7 }), async (steps) => {
        const vic = await victim();
        const adminMailboxes = [`mallory.private+${n}@evil.test`];
        const c = await t.signIn(admin.email);
        // 1. The admin points the person's email at an address they control.
        const changed = await c.patch(`/api/people/${vic.id}`, { email: adminMailboxes[0] });
        expect(changed.statusCode).toBe(200);
        expect(changed.json().email).toBe(vic.email);
        expect(changed.json().pendingEmail.email).toBe(adminMailboxes[0]);
        for (const s of steps) {
          const latest = adminMailboxes[adminMailboxes.length - 1];
          const confirmToken = tokenIn(mailsTo(latest).at(-1)?.text ?? '', 'confirm-email') as string;
          if (s === 'resetNew') expect((await anon('/api/auth/password-reset', { email: latest })).statusCode).toBe(202);
          if (s === 'resetOld') expect((await anon('/api/auth/password-reset', { email: vic.email })).statusCode).toBe(202);
          if (s === 'confirmBare') expect([400, 410]).toContain((await anon('/api/auth/email-change/confirm', { token: confirmToken })).statusCode);
          if (s === 'confirmGuess') expect([400, 410]).toContain((await anon('/api/auth/email-change/confirm', { token: confirmToken, password: 'a-guessed-password' })).statusCode);
          if (s === 'signInNew') expect(REFUSED).toContain(await signInStatus(latest, TEST_PASSWORD));
          if (s === 'reRequest') {
            const next = `mallory.other+${n}.${adminMailboxes.length}@evil.test`;
            const asked = await c.patch(`/api/people/${vic.id}`, { email: next });
            // A few changes a day per person; past that the request is refused and nothing is mailed.
            expect(asked.statusCode).toBe(adminMailboxes.length < MAX_CHANGES_PER_DAY ? 200 : 429);
            if (asked.statusCode === 200) adminMailboxes.push(next);
          }
          if (s === 'useAdminMail') {
            // Every token that reached the admin's mailboxes, tried as a reset token: none works.
            for (const m of adminMailboxes.flatMap(mailsTo)) {
              const tok = tokenIn(m.text, 'reset-password') ?? tokenIn(m.text, 'confirm-email');
              if (tok) expect((await anon('/api/auth/password-reset/confirm', { token: tok, password: 'taken-over-now' })).statusCode).toBe(410);
            }
          }
          // After every step: the sign-in email is the person's, and nothing that could set a password reached the admin.
          expect(await emailOf(vic.id)).toBe(vic.email);
          for (const box of adminMailboxes) {
            expect(mailsTo(box).every((m) => m.subject === 'Confirm your new Hearth sign-in email' && !m.text.includes('reset-password'))).toBe(true);
            expect(REFUSED).toContain(await signInStatus(box, 'taken-over-now'));
          }
        }
        // Reset mail only ever went to the confirmed (old) address, and the person can still sign in as before.
        expect(sent.filter((m) => m.subject === 'Reset your Hearth password' && m.to !== vic.email && adminMailboxes.includes(m.to))).toEqual([]);
        expect(await signInStatus(vic.email, TEST_PASSWORD)).toBe(200);
      }),
      { numRuns: 12 },
    );
  });

  it('cancels the change after too many wrong passwords, so guessing on with the token gets nowhere', async () => {
    const vic = await victim();
    const c = await t.signIn(admin.email);
    await c.patch(`/api/people/${vic.id}`, { email: 'guessing@evil.test' });
    const token = tokenIn(mailsTo('guessing@evil.test').at(-1)?.text ?? '', 'confirm-email') as string;
    for (let i = 1; i < MAX_CONFIRM_FAILURES; i++) {
      const r = await anon('/api/auth/email-change/confirm', { token, password: `guess-${i}-guess` });
      expect(r.statusCode).toBe(400);
      expect(r.json().errors[0].field).toBe('password');
    }
    expect((await anon('/api/auth/email-change/confirm', { token, password: 'last-guess-guess' })).statusCode).toBe(410);
    // Even the right password no longer helps: the change is gone.
    expect((await anon('/api/auth/email-change/confirm', { token, password: TEST_PASSWORD })).statusCode).toBe(410);
    expect(await emailOf(vic.id)).toBe(vic.email);
    const actions = (await auditOf(vic.id)).map((e) => e.action);
    expect(actions.filter((a) => a === 'people.email_change_confirm_failed')).toHaveLength(MAX_CONFIRM_FAILURES - 1);
    expect(actions.at(-1)).toBe('people.email_change_cancelled');
  });
});

describe('changing a sign-in email', () => {
  it('waits for the new address to confirm with the password; the pending change shows to the person and admins only', async () => {
    const vic = await victim();
    const colleague = await t.buildPerson(orgId);
    const c = await t.signIn(admin.email);
    const before = await anon('/api/auth/password-reset', { email: vic.email });
    expect(before.statusCode).toBe(202);
    const oldReset = tokenIn(mailsTo(vic.email).at(-1)?.text ?? '', 'reset-password') as string;

    expect((await c.patch(`/api/people/${vic.id}`, { email: 'Vic.New@Acme.test', title: 'Analyst' })).statusCode).toBe(200);
    const self = await t.signIn(vic.email);
    expect((await self.get('/api/me')).json().person.pendingEmail.email).toBe('vic.new@acme.test');
    expect((await c.get(`/api/people/${vic.id}`)).json().pendingEmail).toMatchObject({ email: 'vic.new@acme.test', requestedBy: { id: admin.id, name: 'Mallory Admin' } });
    expect((await (await t.signIn(colleague.email)).get(`/api/people/${vic.id}`)).json().pendingEmail).toBeNull();

    // The old address is told, with a way to stop it; the new one gets the confirmation link.
    const notice = mailsTo(vic.email).find((m) => m.subject === 'Your Hearth sign-in email is being changed');
    expect(notice?.text).toContain('vic.new@acme.test');
    expect(notice?.text).toContain('Mallory Admin');
    expect(tokenIn(notice?.text ?? '', 'dispute-email-change')).toBeTruthy();
    const token = tokenIn(mailsTo('vic.new@acme.test')[0].text, 'confirm-email') as string;
    expect((await anon('/api/auth/email-change/lookup', { token, kind: 'confirm' })).json()).toEqual({ newEmail: 'vic.new@acme.test', needsPassword: true, state: 'pending' });

    const ok = await anon('/api/auth/email-change/confirm', { token, password: TEST_PASSWORD });
    expect(ok.statusCode).toBe(200);
    expect(await emailOf(vic.id)).toBe('vic.new@acme.test');
    expect(await signInStatus('vic.new@acme.test', TEST_PASSWORD)).toBe(200);
    expect(await signInStatus(vic.email, TEST_PASSWORD)).toBe(401);
    expect((await anon('/api/auth/email-change/confirm', { token, password: TEST_PASSWORD })).statusCode).toBe(410);
    // A reset link mailed to the old address before the change no longer works.
    expect((await anon('/api/auth/password-reset/confirm', { token: oldReset, password: 'brand-new-password' })).statusCode).toBe(410);
    expect((await self.get('/api/me')).json().person.pendingEmail).toBeNull();

    const entries = await auditOf(vic.id);
    expect(entries.map((e) => e.action)).toEqual(['people.email_change_requested', 'people.person_updated', 'people.email_change_confirmed']);
    expect(entries[0]).toMatchObject({ actorId: admin.id, before: { email: vic.email }, after: { pendingEmail: 'vic.new@acme.test' } });
    expect(entries[1]).toMatchObject({ actorId: admin.id, before: { title: null }, after: { title: 'Analyst' } });
    expect(entries[2]).toMatchObject({ actorId: vic.id, before: { email: vic.email }, after: { email: 'vic.new@acme.test' }, data: { requestedBy: admin.id } });
  });

  it('lets the old address stop a pending change, and revert one that took effect (signing every session out)', async () => {
    const vic = await victim();
    const c = await t.signIn(admin.email);
    await c.patch(`/api/people/${vic.id}`, { email: 'pending.one@acme.test' });
    const dispute1 = tokenIn(mailsTo(vic.email).at(-1)?.text ?? '', 'dispute-email-change') as string;
    const confirm1 = tokenIn(mailsTo('pending.one@acme.test')[0].text, 'confirm-email') as string;
    expect((await anon('/api/auth/email-change/lookup', { token: dispute1, kind: 'dispute' })).json().state).toBe('pending');
    expect((await anon('/api/auth/email-change/dispute', { token: dispute1 })).json().message).toContain('stays as it is');
    expect((await anon('/api/auth/email-change/confirm', { token: confirm1, password: TEST_PASSWORD })).statusCode).toBe(410);
    expect(await emailOf(vic.id)).toBe(vic.email);

    await c.patch(`/api/people/${vic.id}`, { email: 'taken.over@acme.test' });
    const dispute2 = tokenIn(mailsTo(vic.email).at(-1)?.text ?? '', 'dispute-email-change') as string;
    const confirm2 = tokenIn(mailsTo('taken.over@acme.test')[0].text, 'confirm-email') as string;
    expect((await anon('/api/auth/email-change/confirm', { token: confirm2, password: TEST_PASSWORD })).statusCode).toBe(200);
    const session = await t.signIn('taken.over@acme.test');
    await anon('/api/auth/password-reset', { email: 'taken.over@acme.test' });
    const newReset = tokenIn(mailsTo('taken.over@acme.test').at(-1)?.text ?? '', 'reset-password') as string;
    expect((await anon('/api/auth/email-change/lookup', { token: dispute2, kind: 'dispute' })).json().state).toBe('confirmed');

    const reverted = await anon('/api/auth/email-change/dispute', { token: dispute2 });
    expect(reverted.json().message).toContain('put back');
    expect(await emailOf(vic.id)).toBe(vic.email);
    expect((await session.get('/api/me')).statusCode).toBe(401);
    expect((await anon('/api/auth/password-reset/confirm', { token: newReset, password: 'brand-new-password' })).statusCode).toBe(410);
    // Repeating the link changes nothing more.
    expect((await anon('/api/auth/email-change/dispute', { token: dispute2 })).json().message).toContain('nothing left');
    const actions = (await auditOf(vic.id)).map((e) => e.action);
    expect(actions.filter((a) => a === 'people.email_change_disputed')).toHaveLength(1);
    expect(actions.filter((a) => a === 'people.email_change_reverted')).toHaveLength(1);
    const revert = (await auditOf(vic.id)).find((e) => e.action === 'people.email_change_reverted');
    expect(revert).toMatchObject({ actorId: vic.id, before: { email: 'taken.over@acme.test' }, after: { email: vic.email }, data: { via: 'old address', requestedBy: admin.id } });
  });

  it('refuses expired and unknown links, a taken address and other people; the person or an admin may withdraw it', async () => {
    const vic = await victim();
    const other = await t.buildPerson(orgId);
    const c = await t.signIn(admin.email);
    expect((await c.patch(`/api/people/${vic.id}`, { email: other.email })).statusCode).toBe(409);
    expect((await (await t.signIn(vic.email)).patch(`/api/people/${vic.id}`, { email: 'self.service@acme.test' })).statusCode).toBe(403);

    await c.patch(`/api/people/${vic.id}`, { email: 'late@acme.test' });
    const late = tokenIn(mailsTo('late@acme.test')[0].text, 'confirm-email') as string;
    await t.db.execute(sql`update email_changes set expires_at = now() - interval '1 minute' where new_email = 'late@acme.test'`);
    expect((await anon('/api/auth/email-change/confirm', { token: late, password: TEST_PASSWORD })).statusCode).toBe(410);
    expect((await c.get(`/api/people/${vic.id}`)).json().pendingEmail).toBeNull();
    expect((await anon('/api/auth/email-change/confirm', { token: 'x'.repeat(43), password: TEST_PASSWORD })).statusCode).toBe(410);
    expect((await anon('/api/auth/email-change/dispute', { token: 'short' })).statusCode).toBe(400);

    await c.patch(`/api/people/${vic.id}`, { email: 'withdrawn@acme.test' });
    const stranger = await t.signIn((await t.buildPerson(orgId)).email);
    expect((await stranger.send({ method: 'DELETE', url: `/api/people/${vic.id}/email-change` })).statusCode).toBe(403);
    const otherOrg = await t.buildOrg('Globex');
    const foreignAdmin = await t.signIn((await t.buildPerson(otherOrg.id, { roles: ['admin'] })).email);
    expect((await foreignAdmin.send({ method: 'DELETE', url: `/api/people/${vic.id}/email-change` })).statusCode).toBe(404);
    const self = await t.signIn(vic.email);
    const withdrawn = await self.send({ method: 'DELETE', url: `/api/people/${vic.id}/email-change` });
    expect(withdrawn.statusCode).toBe(200);
    expect(withdrawn.json().pendingEmail).toBeNull();
    const token = tokenIn(mailsTo('withdrawn@acme.test')[0].text, 'confirm-email') as string;
    expect((await anon('/api/auth/email-change/confirm', { token, password: TEST_PASSWORD })).statusCode).toBe(410);
    expect((await self.send({ method: 'DELETE', url: `/api/people/${vic.id}/email-change` })).statusCode).toBe(404);
  });

  it('applies the same rule to an admin changing their own email, and asks no password of an invited person', async () => {
    const own = await t.buildPerson(orgId, { email: 'own.admin@acme.test', roles: ['admin'] });
    const c = await t.signIn(own.email);
    expect((await c.patch(`/api/people/${own.id}`, { email: 'own.admin.new@acme.test' })).json().email).toBe('own.admin@acme.test');
    const token = tokenIn(mailsTo('own.admin.new@acme.test')[0].text, 'confirm-email') as string;
    expect((await anon('/api/auth/email-change/confirm', { token })).statusCode).toBe(400);
    expect((await anon('/api/auth/email-change/confirm', { token, password: TEST_PASSWORD })).statusCode).toBe(200);

    const invited = await t.buildPerson(orgId, { email: 'not.yet@acme.test', status: 'invited', passwordHash: null });
    // The invitation mailed to the old address before the change.
    const oldInvitation = await issueToken(t.db, 'invite', invited.id, orgId);
    await c.patch(`/api/people/${invited.id}`, { email: 'not.yet.new@acme.test' });
    const inviteToken = tokenIn(mailsTo('not.yet.new@acme.test')[0].text, 'confirm-email') as string;
    expect((await anon('/api/auth/email-change/lookup', { token: inviteToken, kind: 'confirm' })).json().needsPassword).toBe(false);
    expect((await anon('/api/auth/email-change/confirm', { token: inviteToken })).statusCode).toBe(200);
    expect(await emailOf(invited.id)).toBe('not.yet.new@acme.test');
    // Confirmed by the token alone, so the old invitation is void: nobody starts using an account whose address
    // someone else chose (they could reset its password and read what was written there).
    expect((await anon('/api/auth/accept-invite', { token: oldInvitation, password: 'a-long-new-password' })).statusCode).toBe(410);
  });

  it('allows a few email changes a day for one person, so the five guesses of each confirmation do not add up without end', async () => {
    const vic = await victim();
    const c = await t.signIn(admin.email);
    for (let i = 0; i < MAX_CHANGES_PER_DAY; i++) expect((await c.patch(`/api/people/${vic.id}`, { email: `try${i}.${n}@evil.test` })).statusCode).toBe(200);
    const refused = await c.patch(`/api/people/${vic.id}`, { email: `one.more.${n}@evil.test` });
    expect(refused.statusCode).toBe(429);
    expect(refused.json().code).toBe('RATE_LIMITED');
    expect(mailsTo(`one.more.${n}@evil.test`)).toEqual([]);
    expect(await emailOf(vic.id)).toBe(vic.email);
  });
});
