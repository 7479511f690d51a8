import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { connectWs } from '../../../test/ws-client.ts';

let t: TestApp;
type Client = Awaited<ReturnType<TestApp['signIn']>>;
const p: Record<string, { id: string; email: string }> = {};
const c: Record<string, Client> = {};

beforeAll(async () => {
  t = await createTestApp({ MESSAGES_PER_MINUTE: '1000', DIGEST_INTERVAL_SECONDS: '0' });
  const org = await t.buildOrg('Acme');
  for (const [k, name] of [['ann', 'Ann Able'], ['ben', 'Ben Baker'], ['cy', 'Cy Clark'], ['dee', 'Dee Dunn']] as const) p[k] = await t.buildPerson(org.id, { name });
  p.gone = await t.buildPerson(org.id, { name: 'Gus Gone', status: 'deactivated' });
  for (let i = 0; i < 8; i++) p[`x${i}`] = await t.buildPerson(org.id, { name: `Extra ${i}` });
  const other = await t.buildOrg('Globex');
  p.foreign = await t.buildPerson(other.id, { name: 'Fay Foreign' });
  for (const k of ['ann', 'ben', 'cy', 'dee', 'foreign']) c[k] = await t.signIn(p[k].email);
});
afterAll(() => t.close());

const start = (who: string, personIds: string[], title?: string) => c[who].post('/api/conversations', { personIds, ...(title ? { title } : {}) });
const send = (who: string, id: string, body: string) => c[who].post(`/api/conversations/${id}/messages`, { body });

describe('one-to-one conversations', () => {
  it('is unique per pair whoever starts it, renders sanitized Markdown and counts unread per conversation', async () => {
    const first = await start('ann', [p.ben.id]);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ isGroup: false, title: null, members: [{ id: p.ben.id, name: 'Ben Baker' }], unreadCount: 0, canLeave: false, lastMessageAt: null });
    const again = await start('ben', [p.ann.id]);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(first.json().id);
    const id = first.json().id;

    const m = await send('ann', id, 'Hi **Ben** <script>alert(1)</script> [x](javascript:alert(1))');
    expect(m.statusCode, m.body).toBe(201);
    expect(m.json().html).toContain('<strong>Ben</strong>');
    expect(m.json().html).not.toMatch(/<script|href="javascript/i);
    expect(m.json()).toMatchObject({ mine: true, author: { id: p.ann.id } });
    await send('ann', id, 'second');
    const benList = (await c.ben.get('/api/conversations')).json().items;
    expect(benList[0]).toMatchObject({ id, unreadCount: 2, lastMessagePreview: 'second', members: [{ id: p.ann.id }] });
    expect((await c.ann.get('/api/conversations')).json().items[0].unreadCount).toBe(0);
    expect((await c.ben.get('/api/conversations/unread-count')).json().count).toBe(2);
    const page = (await c.ben.get(`/api/conversations/${id}/messages`)).json();
    expect(page.items.map((x: { body: string; mine: boolean }) => [x.body, x.mine])[0]).toEqual(['second', false]);
    expect((await c.ben.post(`/api/conversations/${id}/read`)).statusCode).toBe(204);
    expect((await c.ben.get(`/api/conversations/${id}`)).json().unreadCount).toBe(0);
    expect((await c.ben.get('/api/conversations/unread-count')).json().count).toBe(0);
    expect((await c.ben.post(`/api/conversations/${id}/leave`)).statusCode).toBe(409);
  });

  it('pages history newest first with a cursor and refuses a bad cursor', async () => {
    const id = (await start('cy', [p.dee.id])).json().id;
    for (let i = 0; i < 5; i++) await send('cy', id, `m${i}`);
    const one = (await c.dee.get(`/api/conversations/${id}/messages?limit=2`)).json();
    expect(one.items.map((x: { body: string }) => x.body)).toEqual(['m4', 'm3']);
    const two = (await c.dee.get(`/api/conversations/${id}/messages?limit=2&cursor=${one.nextCursor}`)).json();
    expect(two.items.map((x: { body: string }) => x.body)).toEqual(['m2', 'm1']);
    const three = (await c.dee.get(`/api/conversations/${id}/messages?limit=2&cursor=${two.nextCursor}`)).json();
    expect(three).toMatchObject({ items: [{ body: 'm0' }], nextCursor: null });
    const bad = await c.dee.get(`/api/conversations/${id}/messages?cursor=zzz`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('cursor');
  });
});

describe('groups', () => {
  it('needs a title and 2–8 other people, and lets members leave', async () => {
    const noTitle = await start('ann', [p.ben.id, p.cy.id]);
    expect(noTitle.statusCode).toBe(400);
    expect(noTitle.json().errors[0].field).toBe('title');
    const titledPair = await start('ann', [p.ben.id], 'Just us');
    expect(titledPair.json().errors[0].field).toBe('title');
    const nine = await start('ann', [p.ben.id, p.cy.id, p.dee.id, ...[0, 1, 2, 3, 4, 5].map((i) => p[`x${i}`].id)], 'Too many');
    expect(nine.statusCode).toBe(400);
    expect(nine.json().errors[0].field).toBe('personIds');
    const onlyMe = await start('ann', [p.ann.id]);
    expect(onlyMe.json().errors[0].field).toBe('personIds');
    const eight = await start('ann', [p.ben.id, p.cy.id, ...[0, 1, 2, 3, 4, 5].map((i) => p[`x${i}`].id)], 'Big group');
    expect(eight.statusCode).toBe(201);
    expect(eight.json().members).toHaveLength(8);

    const g = (await start('ann', [p.ben.id, p.cy.id], 'Book club')).json();
    expect(g).toMatchObject({ isGroup: true, title: 'Book club', canLeave: true });
    await send('ben', g.id, 'hello group');
    expect((await c.cy.get(`/api/conversations/${g.id}`)).json().unreadCount).toBe(1);
    expect((await c.cy.post(`/api/conversations/${g.id}/leave`)).statusCode).toBe(204);
    expect((await c.cy.get(`/api/conversations/${g.id}`)).statusCode).toBe(404);
    expect((await send('cy', g.id, 'still here?')).statusCode).toBe(404);
    expect((await c.ann.get(`/api/conversations/${g.id}`)).json().members.map((m: { id: string }) => m.id)).toEqual([p.ben.id]);
    expect((await c.cy.get('/api/conversations')).json().items.map((x: { id: string }) => x.id)).not.toContain(g.id);
  });
});

describe('authorization', () => {
  it('keeps conversations 404 for non-members and other organizations, and refuses foreign or deactivated people', async () => {
    const id = (await start('ann', [p.ben.id])).json().id;
    for (const who of ['cy', 'foreign']) {
      expect((await c[who].get(`/api/conversations/${id}`)).statusCode).toBe(404);
      expect((await c[who].get(`/api/conversations/${id}/messages`)).statusCode).toBe(404);
      expect((await send(who, id, 'let me in')).statusCode).toBe(404);
      expect((await c[who].post(`/api/conversations/${id}/read`)).statusCode).toBe(404);
      expect((await c[who].post(`/api/conversations/${id}/leave`)).statusCode).toBe(404);
    }
    expect((await start('ann', [p.foreign.id])).statusCode).toBe(404);
    expect((await start('foreign', [p.ann.id])).statusCode).toBe(404);
    expect((await start('ann', [p.gone.id])).statusCode).toBe(404);
    // A refused group writes nothing: no conversation, no members.
    const count = async () => ((await t.db.execute(sql`select count(*)::int as n from conversations`)) as unknown as { rows: { n: number }[] }).rows[0].n;
    const before = await count();
    expect((await start('ann', [p.ben.id, p.foreign.id], 'Mixed')).statusCode).toBe(404);
    expect(await count()).toBe(before);
    expect((await t.app.inject({ method: 'GET', url: '/api/conversations' })).statusCode).toBe(401);
    expect((await c.ann.get('/api/conversations/not-a-uuid')).statusCode).toBe(400);
  });

  it('refuses empty, over-long and unknown fields naming the field', async () => {
    const id = (await start('ann', [p.dee.id])).json().id;
    for (const [body, field] of [[{ body: '   ' }, 'body'], [{ body: 'x'.repeat(4001) }, 'body'], [{ body: 'x', html: '<b>' }, 'html']] as const) {
      const r = await c.ann.post(`/api/conversations/${id}/messages`, body);
      expect(r.statusCode).toBe(400);
      expect(JSON.stringify(r.json().errors)).toContain(field);
    }
  });
});

describe('limits and live updates', () => {
  it('answers 429 with Retry-After when one person sends too fast, and stores only what was accepted', async () => {
    const limited = await createTestApp({ MESSAGES_PER_MINUTE: '3', DIGEST_INTERVAL_SECONDS: '0' });
    const org = await limited.buildOrg('Fast');
    const a = await limited.buildPerson(org.id);
    const b = await limited.buildPerson(org.id);
    const ca = await limited.signIn(a.email);
    const id = (await ca.post('/api/conversations', { personIds: [b.id] })).json().id;
    const codes: number[] = [];
    for (let i = 0; i < 4; i++) codes.push((await ca.post(`/api/conversations/${id}/messages`, { body: `m${i}` })).statusCode);
    expect(codes).toEqual([201, 201, 201, 429]);
    const last = await ca.post(`/api/conversations/${id}/messages`, { body: 'again' });
    expect(Number(last.headers['retry-after'])).toBeGreaterThan(0);
    expect(last.json().code).toBe('RATE_LIMITED');
    expect((await ca.get(`/api/conversations/${id}/messages`)).json().items).toHaveLength(3);
    await limited.close();
  });

  it('tells every member’s socket about a new message with ids only', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const port = (t.app.server.address() as { port: number }).port;
    const id = (await start('cy', [p.ben.id])).json().id;
    const ws = await connectWs(`ws://127.0.0.1:${port}/api/ws`, { cookie: c.ben.cookie, origin: `http://127.0.0.1:${port}` });
    await ws.waitFor((m) => m.type === 'hello');
    const msg = (await send('cy', id, 'a very private sentence')).json();
    const changed = await ws.waitFor((m) => m.type === 'changed' && m.what === 'messages');
    expect(changed).toEqual({ type: 'changed', channel: `person:${p.ben.id}`, what: 'messages', id });
    expect(msg.id).toBeTruthy();
    expect(JSON.stringify(ws.messages)).not.toContain('private sentence');
    await ws.close();
  });
});
