import { sql } from 'drizzle-orm';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { startSmtpServer } from '../../../test/smtp-server.ts';
import { connectWs } from '../../../test/ws-client.ts';
import { hashToken } from '../../kernel/auth/tokens.ts';
import { createMailer } from '../../kernel/mail.ts';
import { runDigest } from './index.ts';
import { eventually } from '../../../test/eventually.ts';

let t: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
type Client = Awaited<ReturnType<TestApp['signIn']>>;
const p: Record<string, { id: string; email: string; name: string }> = {};
const c: Record<string, Client> = {};
let open: { id: string; slug: string };
let inner: { id: string; slug: string };
let orgId: string;

const settle = () => new Promise((r) => setTimeout(r, 300));
type N = { id: string; kind: string; title: string; url: string; readAt: string | null; actor: { id: string } | null };
const list = async (who: string, query = ''): Promise<N[]> => (await c[who].get(`/api/notifications${query}`)).json().items;
const waitFor = (who: string, pred: (n: N) => boolean) => eventually(() => list(who), (items) => items.some(pred)).then((items) => items.find(pred) as N);
const mailsTo = (email: string) => smtp.received.filter((m) => (m.to && 'text' in m.to ? m.to.text : '').includes(email));
const header = (m: ParsedMail, name: string) => m.headerLines.find((h) => h.key === name.toLowerCase())?.line.replace(/^[^:]+:\s*/, '').replace(/\r?\n\s+/g, ' ');

beforeAll(async () => {
  smtp = await startSmtpServer();
  const mailer = createMailer(smtp.url, 'Hearth <hearth@test.example>', '.tmp/unused-outbox', () => {});
  t = await createTestApp({ PUBLIC_URL: 'https://hearth.test.example', POSTS_PER_MINUTE: '1000', DIGEST_INTERVAL_SECONDS: '0' }, { mailer });
  const org = await t.buildOrg('Acme');
  orgId = org.id;
  p.mod = await t.buildPerson(org.id, { name: 'Mo Moderator' });
  p.asker = await t.buildPerson(org.id, { name: 'Ann <b>Asker</b>' });
  p.helper = await t.buildPerson(org.id, { name: 'Hal Helper' });
  p.lurker = await t.buildPerson(org.id, { name: 'Lou Lurker' });
  p.outsider = await t.buildPerson(org.id, { name: 'Oz Outsider' });
  const other = await t.buildOrg('Globex');
  p.foreign = await t.buildPerson(other.id, { name: 'Fay Foreign' });
  for (const k of Object.keys(p)) c[k] = await t.signIn(p[k].email);
  open = (await c.mod.post('/api/communities', { name: 'Support', visibility: 'open' })).json();
  inner = (await c.mod.post('/api/communities', { name: 'Inner Circle', visibility: 'private' })).json();
  for (const k of ['asker', 'helper', 'lurker']) await c[k].post(`/api/communities/${open.id}/join`, { acceptRulesVersion: 1 });
  await c.mod.post(`/api/communities/${inner.id}/members`, { personIds: [p.helper.id] });
  await c.helper.post(`/api/communities/${inner.id}/join`, { acceptRulesVersion: 1 });
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

const mention = (k: string) => `[@${p[k].name}](/people/${p[k].id})`;
async function thread(who: string, communityId: string, title: string, body: string, kind = 'question') {
  const r = await c[who].post(`/api/communities/${communityId}/threads`, { kind, title, body });
  expect(r.statusCode, r.body).toBe(201);
  return r.json() as { id: string; posts: { id: string }[] };
}

describe('notifications from events', () => {
  it('notifies a mentioned colleague and the asker, and mails the mention at once with one-click unsubscribe headers', async () => {
    const q = await thread('asker', open.id, 'How do I <img src=x onerror=alert(1)> give feedback?', 'Please help');
    const reply = (await c.helper.post(`/api/threads/${q.id}/posts`, { body: `${mention('lurker')} you know this` })).json();
    const n = await waitFor('lurker', (x) => x.kind === 'mention');
    expect(n).toMatchObject({ title: 'Hal Helper mentioned you in “How do I <img src=x onerror=alert(1)> give feedback?”', url: `/threads/${q.id}#post-${reply.id}`, readAt: null, actor: { id: p.helper.id } });
    const answer = await waitFor('asker', (x) => x.kind === 'answer');
    expect(answer.title).toBe('Hal Helper answered your question “How do I <img src=x onerror=alert(1)> give feedback?”');

    const mail = await eventually(async () => mailsTo(p.lurker.email).find((m) => m.subject?.includes('mentioned you')), Boolean);
    expect(mail, 'mention mail').toBeTruthy();
    expect(header(mail as ParsedMail, 'List-Unsubscribe')).toMatch(/^<https:\/\/hearth\.test\.example\/api\/notifications\/unsubscribe\?token=[\w-]{40,}>$/);
    expect(header(mail as ParsedMail, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    expect(mail?.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(mail?.html).not.toContain('<img');
    expect(mail?.text).toContain(`https://hearth.test.example/threads/${q.id}#post-${reply.id}`);
    // The asker's answer mail escapes their own name too.
    const answerMail = await eventually(async () => mailsTo(p.asker.email).find((m) => m.subject?.includes('answered your question')), Boolean);
    expect(answerMail?.html).toContain('Hi Ann &lt;b&gt;Asker&lt;/b&gt;');
  });

  it('never notifies a mentioned person who cannot read the community', async () => {
    const before = (await list('outsider')).length;
    const q = await thread('mod', inner.id, 'Private plans', `${mention('outsider')} and ${mention('helper')} look`, 'discussion');
    await waitFor('helper', (x) => x.kind === 'mention' && x.url.startsWith(`/threads/${q.id}`));
    await settle();
    expect(await list('outsider')).toHaveLength(before);
    expect(mailsTo(p.outsider.email)).toHaveLength(0);
  });

  it('sends "reply" for discussions, nothing for one’s own reply, and only the mention when the reply also mentions the author', async () => {
    const d = await thread('lurker', open.id, 'Lunch and learn ideas', 'Ideas?', 'discussion');
    await c.lurker.post(`/api/threads/${d.id}/posts`, { body: 'my own follow-up' });
    await c.helper.post(`/api/threads/${d.id}/posts`, { body: 'Negotiation basics' });
    const r = await waitFor('lurker', (x) => x.kind === 'reply' && x.url.startsWith(`/threads/${d.id}`));
    expect(r.title).toBe('Hal Helper replied to “Lunch and learn ideas”');
    await c.asker.post(`/api/threads/${d.id}/posts`, { body: `${mention('lurker')} great thread` });
    await waitFor('lurker', (x) => x.kind === 'mention' && x.url.startsWith(`/threads/${d.id}`));
    await settle();
    const about = (await list('lurker')).filter((x) => x.url.startsWith(`/threads/${d.id}`));
    expect(about.map((x) => x.kind).sort()).toEqual(['mention', 'reply']);
  });

  it('tells the answerer their answer was accepted', async () => {
    const q = await thread('asker', open.id, 'Best retro format?', 'Ideas');
    const a = (await c.helper.post(`/api/threads/${q.id}/posts`, { body: 'Start, stop, continue' })).json();
    await c.asker.send({ method: 'PUT', url: `/api/threads/${q.id}/accepted`, payload: { postId: a.id } });
    const n = await waitFor('helper', (x) => x.kind === 'accepted');
    expect(n).toMatchObject({ title: 'Ann <b>Asker</b> accepted your answer to “Best retro format?”', url: `/threads/${q.id}#post-${a.id}` });
  });

  it('tells moderators about join requests and invitees about invitations (even to a secret community)', async () => {
    const req = (await c.mod.post('/api/communities', { name: 'Ask First', visibility: 'request' })).json();
    await c.outsider.post(`/api/communities/${req.id}/join`, { acceptRulesVersion: 1 });
    const jr = await waitFor('mod', (x) => x.kind === 'join_request');
    expect(jr).toMatchObject({ title: 'Oz Outsider asked to join Ask First', url: `/communities/${req.slug}/members` });
    const secret = (await c.mod.post('/api/communities', { name: 'Skunkworks', visibility: 'secret' })).json();
    await c.mod.post(`/api/communities/${secret.id}/members`, { personIds: [p.lurker.id] });
    const inv = await waitFor('lurker', (x) => x.kind === 'invited');
    expect(inv).toMatchObject({ title: 'Mo Moderator invited you to join Skunkworks', url: `/communities/${secret.slug}` });
  });

  it('tells a resource’s author about a review by someone else, not about their own', async () => {
    const [res] = (
      (await t.db.execute(sql`insert into resources (org_id, author_id, type, title, url) values (${orgId}, ${p.asker.id}, 'article', 'Radical Candor', 'https://example.com') returning id`)) as unknown as { rows: { id: string }[] }
    ).rows;
    const review = (personId: string) =>
      t.deps.events.transaction(t.db, async (_tx, emit) => emit({ type: 'resources.reviewed', orgId, payload: { resourceId: res.id, personId, authorId: p.asker.id, rating: 5 } }));
    await review(p.asker.id);
    await review(p.helper.id);
    const n = await waitFor('asker', (x) => x.kind === 'review');
    expect(n).toMatchObject({ title: 'Hal Helper reviewed “Radical Candor” (5/5)', url: `/resources/${res.id}` });
    await settle();
    expect((await list('asker')).filter((x) => x.kind === 'review')).toHaveLength(1);
  });

  it('delivered again (a node died before it could mark the delivery done), an event notifies and mails nobody twice', async () => {
    const thread = (await c.helper.post(`/api/communities/${open.id}/threads`, { title: 'Twice told', body: `Asking [@Hal](/people/${p.mod.id}) once.` })).json();
    const first = await waitFor('mod', (x) => x.kind === 'mention' && x.url.includes(thread.id));
    const told = () => mailsTo(p.mod.email).filter((m) => m.subject?.includes('Twice told')).length;
    expect(await eventually(told, (n) => n === 1)).toBe(1);
    const [event] = (
      (await t.db.execute(sql`select id from domain_events where type = 'discussions.mentioned' and payload->>'threadId' = ${thread.id}`)) as unknown as { rows: { id: number }[] }
    ).rows;
    const undelivered = async () => ((await t.db.execute(sql`select 1 from event_deliveries where event_id = ${event.id}`)) as unknown as { rows: unknown[] }).rows.length;
    await eventually(undelivered, (n) => n === 0);
    for (let i = 0; i < 3; i++) {
      await t.db.execute(sql`insert into event_deliveries (event_id, consumer) values (${event.id}, 'notifications:discussions.mentioned')`);
      await t.deps.events.drain();
    }
    await settle();
    expect((await list('mod')).filter((x) => x.url.includes(thread.id)).map((x) => x.id)).toEqual([first.id]);
    expect(told()).toBe(1);
  });
});

describe('read state and preferences', () => {
  it('counts unread, filters, pages, marks one and all read, and keeps others’ notifications 404', async () => {
    const count = async () => (await c.lurker.get('/api/notifications/unread-count')).json().count as number;
    const unread = await count();
    expect(unread).toBeGreaterThanOrEqual(3);
    const first = await c.lurker.get('/api/notifications?limit=1');
    expect(first.json().items).toHaveLength(1);
    const second = (await c.lurker.get(`/api/notifications?limit=1&cursor=${first.json().nextCursor}`)).json();
    expect(second.items[0].id).not.toBe(first.json().items[0].id);
    const target = first.json().items[0].id;
    expect((await c.helper.post(`/api/notifications/${target}/read`)).statusCode).toBe(404);
    expect((await c.foreign.post(`/api/notifications/${target}/read`)).statusCode).toBe(404);
    expect((await c.lurker.post(`/api/notifications/${target}/read`)).statusCode).toBe(204);
    expect(await count()).toBe(unread - 1);
    expect((await list('lurker', '?unread=true')).map((x) => x.id)).not.toContain(target);
    expect((await c.lurker.post('/api/notifications/read-all')).json().count).toBe(unread - 1);
    expect(await count()).toBe(0);
    expect(await list('lurker', '?unread=true')).toEqual([]);
    expect((await c.foreign.get('/api/notifications')).json().items).toEqual([]);
    expect((await t.app.inject({ method: 'GET', url: '/api/notifications' })).statusCode).toBe(401);
    const bad = await c.lurker.get('/api/notifications?cursor=nonsense');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('cursor');
  });

  it('saves preferences, refuses unknown kinds and fields, and mutes kinds in-app', async () => {
    expect((await c.helper.get('/api/notifications/preferences')).json()).toEqual({ emailMentions: true, emailAnswers: true, emailMessages: false, digest: 'daily', muted: [] });
    const bad = await c.helper.send({ method: 'PUT', url: '/api/notifications/preferences', payload: { muted: ['gossip'] } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toContain('muted');
    const unknown = await c.helper.send({ method: 'PUT', url: '/api/notifications/preferences', payload: { emailEverything: true } });
    expect(unknown.statusCode).toBe(400);
    const saved = await c.helper.send({ method: 'PUT', url: '/api/notifications/preferences', payload: { muted: ['reply', 'reply'], emailMentions: false } });
    expect(saved.json()).toMatchObject({ muted: ['reply'], emailMentions: false, emailAnswers: true });
    const d = await thread('helper', open.id, 'Muted replies here', 'x', 'discussion');
    await c.asker.post(`/api/threads/${d.id}/posts`, { body: 'a reply nobody hears about' });
    await c.asker.post(`/api/threads/${d.id}/posts`, { body: `${mention('helper')} but this one counts` });
    const m = await waitFor('helper', (x) => x.kind === 'mention' && x.url.startsWith(`/threads/${d.id}`));
    expect(m).toBeTruthy();
    await settle();
    expect((await list('helper')).filter((x) => x.url.startsWith(`/threads/${d.id}`)).map((x) => x.kind)).toEqual(['mention']);
    // emailMentions is off: that mention was not mailed.
    expect(mailsTo(p.helper.email).filter((x) => x.subject?.includes('Muted replies'))).toHaveLength(0);
  });
});

describe('a failing mail server', () => {
  it('still notifies every mentioned person in-app and leaves the mail for the digest', async () => {
    const send = t.deps.mailer.send;
    t.deps.mailer.send = async () => Promise.reject(new Error('smtp down'));
    try {
      const d = await thread('mod', open.id, 'Mail outage', `${mention('lurker')} ${mention('asker')} ${mention('helper')} hello`, 'discussion');
      for (const k of ['lurker', 'asker', 'helper']) await waitFor(k, (x) => x.kind === 'mention' && x.url.startsWith(`/threads/${d.id}`));
      const rows = (await t.db.execute(sql`select count(*)::int as n from notifications where title like '%Mail outage%' and emailed_at is not null`)) as unknown as { rows: { n: number }[] };
      expect(rows.rows[0].n).toBe(0);
    } finally {
      t.deps.mailer.send = send;
    }
  });
});

describe('direct message mail', () => {
  it('mails a new direct message only to members who asked for it, without its text', async () => {
    await c.lurker.send({ method: 'PUT', url: '/api/notifications/preferences', payload: { emailMessages: true } });
    const conv = (await c.helper.post('/api/conversations', { personIds: [p.lurker.id, p.asker.id], title: 'Coffee' })).json();
    const askerBefore = mailsTo(p.asker.email).length;
    expect((await c.helper.post(`/api/conversations/${conv.id}/messages`, { body: 'the secret agenda' })).statusCode).toBe(201);
    const mail = await eventually(async () => mailsTo(p.lurker.email).find((m) => m.subject === 'Hal Helper sent you a message'), Boolean);
    expect(mail?.text).toContain(`https://hearth.test.example/messages/${conv.id}`);
    expect(mail?.text).not.toContain('secret agenda');
    expect(header(mail as ParsedMail, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    await settle();
    expect(mailsTo(p.asker.email)).toHaveLength(askerBefore);
    expect(mailsTo(p.helper.email).filter((m) => m.subject?.includes('sent you a message'))).toHaveLength(0);
  });
});

describe('one-click unsubscribe', () => {
  it('turns all mail off without a session; the link of every mail works, older ones too and again after use; unknown or expired links are 410', async () => {
    const q = await thread('asker', open.id, 'Unsubscribe me later', 'x', 'discussion');
    await c.asker.post(`/api/threads/${q.id}/posts`, { body: `${mention('outsider')} first` });
    const firstMail = await eventually(async () => mailsTo(p.outsider.email)[0], Boolean);
    const firstToken = /token=([\w-]+)/.exec(header(firstMail, 'List-Unsubscribe') ?? '')?.[1] as string;
    await c.asker.post(`/api/threads/${q.id}/posts`, { body: `${mention('outsider')} second` });
    const mails = await eventually(async () => mailsTo(p.outsider.email), (m) => m.length === 2);
    const url = /<([^>]+)>/.exec(header(mails[1], 'List-Unsubscribe') ?? '')?.[1] as string;
    const path = new URL(url).pathname + new URL(url).search;
    const secondToken = new URL(url).searchParams.get('token') as string;
    expect(secondToken).not.toBe(firstToken);
    // The link shown in the mail body leads to the web confirmation page carrying the same token.
    expect(mails[1].text).toContain(`https://hearth.test.example/unsubscribe?token=${secondToken}`);

    // Opening the link (GET) changes nothing; it leads to the confirmation page.
    const get = await t.app.inject({ method: 'GET', url: path });
    expect(get.statusCode).toBe(303);
    expect(get.headers.location).toBe(`/unsubscribe?token=${secondToken}`);
    expect((await c.outsider.get('/api/notifications/preferences')).json().emailMentions).toBe(true);

    // The older mail's link works too.
    const oneClick = (token: string) =>
      t.app.inject({ method: 'POST', url: `/api/notifications/unsubscribe?token=${token}`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click' });
    const older = await oneClick(firstToken);
    expect(older.statusCode, older.body).toBe(200);
    expect((await c.outsider.get('/api/notifications/preferences')).json()).toMatchObject({ emailMentions: false, emailAnswers: false, emailMessages: false, digest: 'off' });
    // Mail turned back on in the settings; the newer link (or the same one again) turns it off again.
    expect((await c.outsider.send({ method: 'PUT', url: '/api/notifications/preferences', payload: { emailMentions: true, digest: 'daily' } })).statusCode).toBe(200);
    const post = await t.app.inject({ method: 'POST', url: path, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click' });
    expect(post.statusCode, post.body).toBe(200);
    expect((await c.outsider.get('/api/notifications/preferences')).json()).toMatchObject({ emailMentions: false, digest: 'off' });
    expect((await oneClick(secondToken)).statusCode).toBe(200);

    // A made-up token, and a link older than 90 days, are 410.
    const unknown = await oneClick('x'.repeat(43));
    expect(unknown.statusCode).toBe(410);
    expect(unknown.json().code).toBe('TOKEN_INVALID');
    await t.db.execute(sql`update unsubscribe_tokens set created_at = now() - interval '91 days' where person_id = ${p.outsider.id}`);
    expect((await oneClick(firstToken)).statusCode).toBe(410);
    const missing = await t.app.inject({ method: 'POST', url: '/api/notifications/unsubscribe', payload: {} });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0].field).toBe('token');
    // Tokens are stored only as hashes.
    const count = async (hashes: string[]) =>
      ((await t.db.execute(sql`select count(*)::int as n from unsubscribe_tokens where token_hash in ${hashes}`)) as unknown as { rows: { n: number }[] }).rows[0].n;
    expect(await count([firstToken, secondToken])).toBe(0);
    expect(await count([hashToken(firstToken), hashToken(secondToken)])).toBe(2);

    // Mentions still arrive in-app, but no longer by mail.
    await c.asker.post(`/api/threads/${q.id}/posts`, { body: `${mention('outsider')} third` });
    await eventually(() => list('outsider'), (items) => items.filter((x) => x.kind === 'mention').length === 3);
    await settle();
    expect(mailsTo(p.outsider.email)).toHaveLength(2);
  });

  it('forgets a person’s expired tokens when their next mail goes out, and keeps the others', async () => {
    expect((await c.asker.send({ method: 'PUT', url: '/api/notifications/preferences', payload: { emailMentions: true } })).statusCode).toBe(200);
    const q = await thread('mod', open.id, 'Token pruning', 'x', 'discussion');
    const tokensOf = async () =>
      ((await t.db.execute(sql`select created_at < now() - interval '90 days' as expired from unsubscribe_tokens where person_id = ${p.asker.id}`)) as unknown as { rows: { expired: boolean }[] }).rows;
    await c.mod.post(`/api/threads/${q.id}/posts`, { body: `${mention('asker')} one` });
    await eventually(async () => mailsTo(p.asker.email).filter((m) => m.subject?.includes('Token pruning')), (l) => l.length === 1);
    const before = (await tokensOf()).length;
    expect(before).toBeGreaterThanOrEqual(1);
    // All of them expire but one, made today.
    await t.db.execute(sql`update unsubscribe_tokens set created_at = now() - interval '91 days' where person_id = ${p.asker.id}`);
    await c.mod.post(`/api/threads/${q.id}/posts`, { body: `${mention('asker')} two` });
    await eventually(async () => mailsTo(p.asker.email).filter((m) => m.subject?.includes('Token pruning')), (l) => l.length === 2);
    expect(await tokensOf()).toEqual([{ expired: false }]);
  });

  it('also accepts the token in a JSON body from the web page', async () => {
    const q = await thread('asker', open.id, 'Web unsubscribe', 'x', 'discussion');
    await c.asker.post(`/api/threads/${q.id}/posts`, { body: `${mention('mod')} hi` });
    const mail = await eventually(async () => mailsTo(p.mod.email).find((m) => m.subject?.includes('Web unsubscribe')), Boolean);
    const token = /token=([\w-]+)/.exec(header(mail as ParsedMail, 'List-Unsubscribe') ?? '')?.[1];
    const r = await t.app.inject({ method: 'POST', url: '/api/notifications/unsubscribe', payload: { token } });
    expect(r.statusCode).toBe(200);
    expect((await c.mod.get('/api/notifications/preferences')).json().digest).toBe('off');
  });
});

describe('daily digest', () => {
  const age = (personId: string) => t.db.execute(sql`update notifications set created_at = now() - interval '4 hours' where person_id = ${personId}`);

  it('mails unread notifications older than a few hours once per 24 h, claims each person once across runs, and gives the claim back when mail fails', async () => {
    const q = await thread('helper', open.id, 'Digest <script>x</script> topic', 'x', 'discussion');
    await c.helper.send({ method: 'PUT', url: '/api/notifications/preferences', payload: { muted: [] } });
    await c.lurker.post(`/api/threads/${q.id}/posts`, { body: 'reply one' });
    await waitFor('helper', (x) => x.kind === 'reply' && x.url.startsWith(`/threads/${q.id}`));
    // Not old enough yet: nothing is due.
    await t.db.execute(sql`update notification_prefs set last_digest_at = null`);
    await t.db.execute(sql`update notifications set emailed_at = now() where person_id <> ${p.helper.id}`);
    expect(await runDigest(t.deps)).toBe(0);
    await age(p.helper.id);

    // A failing mail server: nothing is marked mailed and the claim is given back.
    const failing = { ...t.deps, mailer: { send: async () => Promise.reject(new Error('smtp down')) } };
    expect(await runDigest(failing)).toBe(0);
    const prefs = (await t.db.execute(sql`select last_digest_at from notification_prefs where person_id = ${p.helper.id}`)) as unknown as { rows: { last_digest_at: unknown }[] };
    expect(prefs.rows[0].last_digest_at).toBeNull();

    // Two runs at once (two nodes): exactly one digest.
    const before = mailsTo(p.helper.email).length;
    const sent = await Promise.all([runDigest(t.deps), runDigest(t.deps)]);
    expect(sent[0] + sent[1]).toBe(1);
    const digest = await eventually(async () => mailsTo(p.helper.email).slice(before), (m) => m.length === 1);
    expect(digest[0].subject).toMatch(/^Your Hearth digest: \d+ unread notifications?$/);
    expect(digest[0].html).toContain('Digest &lt;script&gt;x&lt;/script&gt; topic');
    expect(digest[0].html).not.toContain('<script>');
    expect(header(digest[0], 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');

    // Within 24 h no second digest, even with new old-enough notifications.
    await c.lurker.post(`/api/threads/${q.id}/posts`, { body: 'reply two' });
    await eventually(() => list('helper', '?unread=true'), (items) => items.filter((x) => x.url.startsWith(`/threads/${q.id}`)).length === 2);
    await age(p.helper.id);
    expect(await runDigest(t.deps)).toBe(0);
    // A day later only the notifications not mailed yet are listed.
    await t.db.execute(sql`update notification_prefs set last_digest_at = now() - interval '25 hours' where person_id = ${p.helper.id}`);
    expect(await runDigest(t.deps)).toBe(1);
    const next = await eventually(async () => mailsTo(p.helper.email).slice(before), (m) => m.length === 2);
    expect(next[1].subject).toBe('Your Hearth digest: 1 unread notification');
  });

  it('skips people who turned the digest off', async () => {
    await c.asker.send({ method: 'PUT', url: '/api/notifications/preferences', payload: { digest: 'off' } });
    await t.db.execute(sql`update notifications set emailed_at = null, read_at = null, created_at = now() - interval '5 hours' where person_id = ${p.asker.id}`);
    await t.db.execute(sql`update notifications set emailed_at = now() where person_id <> ${p.asker.id}`);
    expect(await runDigest(t.deps)).toBe(0);
  });
});

describe('live unread badge', () => {
  it('sends a changed message (ids only) to the mentioned person’s socket', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const port = (t.app.server.address() as { port: number }).port;
    const ws = await connectWs(`ws://127.0.0.1:${port}/api/ws`, { cookie: c.lurker.cookie, origin: `http://127.0.0.1:${port}` });
    await ws.waitFor((m) => m.type === 'hello');
    const q = await thread('asker', open.id, 'Live secret title', `${mention('lurker')} ping`, 'discussion');
    const msg = await ws.waitFor((m) => m.type === 'changed' && m.channel === `person:${p.lurker.id}`);
    expect(msg).toMatchObject({ what: 'notifications' });
    const n = await waitFor('lurker', (x) => x.url.startsWith(`/threads/${q.id}`));
    expect(msg.id).toBe(n.id);
    expect(JSON.stringify(ws.messages)).not.toContain('Live secret title');
    await ws.close();
  });
});
