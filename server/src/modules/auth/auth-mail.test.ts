import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { startSmtpServer } from '../../../test/smtp-server.ts';
import { createMailer } from '../../kernel/mail.ts';

let t: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;

beforeAll(async () => {
  smtp = await startSmtpServer();
  // The real nodemailer SMTP transport talks to a real SMTP server on loopback.
  const mailer = createMailer(smtp.url, 'Hearth <hearth@test.example>', '.tmp/unused-outbox', () => {});
  t = await createTestApp({ PUBLIC_URL: 'https://hearth.test.example' }, { mailer });
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

describe('mail over SMTP', () => {
  it('sends a password reset link that works once, and an invitation', async () => {
    const org = await t.buildOrg('Acme');
    const p = await t.buildPerson(org.id, { email: 'reset.me@acme.test', name: 'Rita <b>Reset</b>' });
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { email: p.email } });
    expect(res.statusCode).toBe(202);
    const mail = smtp.received.find((m) => m.subject === 'Reset your Hearth password');
    expect(mail?.to && 'text' in mail.to ? mail.to.text : '').toContain('reset.me@acme.test');
    expect(mail?.html).toContain('Rita &lt;b&gt;Reset&lt;/b&gt;');
    const token = /https:\/\/hearth\.test\.example\/reset-password\?token=([\w-]+)/.exec(mail?.text ?? '')?.[1];
    expect(token).toBeTruthy();
    const ok = await t.app.inject({ method: 'POST', url: '/api/auth/password-reset/confirm', payload: { token, password: 'a-fresh-password' } });
    expect(ok.statusCode).toBe(200);
    const again = await t.app.inject({ method: 'POST', url: '/api/auth/password-reset/confirm', payload: { token, password: 'a-fresh-password-2' } });
    expect(again.statusCode).toBe(410);

    const admin = await t.buildPerson(org.id, { roles: ['admin'] });
    const c = await t.signIn(admin.email);
    expect((await c.post('/api/people', { name: 'Ivan Invitee', email: 'ivan@acme.test' })).statusCode).toBe(201);
    const invite = smtp.received.find((m) => m.subject === 'You are invited to Hearth');
    expect(invite?.text).toMatch(/https:\/\/hearth\.test\.example\/accept-invite\?token=[\w-]{40,}/);
  });
});
