import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { connectWs } from '../../../test/ws-client.ts';
import { QUESTIONS_PER_MINUTE } from './events.routes.ts';

let t: TestApp;
type Client = Awaited<ReturnType<TestApp['signIn']>>;
let fac: Client;
let host: Client;
let hostId: string;
let outsider: Client;
const p: Client[] = [];

const at = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();

beforeAll(async () => {
  t = await createTestApp({ EVENT_REMINDER_INTERVAL_SECONDS: '0', SIGNIN_PER_IP_PER_MINUTE: '1000' });
  const org = await t.buildOrg('Acme');
  const other = await t.buildOrg('Globex');
  fac = await t.signIn((await t.buildPerson(org.id, { name: 'Fay Facilitator', roles: ['facilitator'] })).email);
  const h = await t.buildPerson(org.id, { name: 'Hana Host' });
  hostId = h.id;
  host = await t.signIn(h.email);
  outsider = await t.signIn((await t.buildPerson(other.id, { name: 'Olga Outsider' })).email);
  for (let i = 0; i < 4; i++) p.push(await t.signIn((await t.buildPerson(org.id, { name: `Person ${i}` })).email));
}, 120_000);
afterAll(() => t.close());

async function liveEvent() {
  const res = await fac.post('/api/events', { title: 'Ask me anything', kind: 'webinar', startsAt: at(-10), endsAt: at(50), timeZone: 'UTC', hostIds: [hostId] });
  expect(res.statusCode, res.body).toBe(201);
  const e = res.json();
  for (const c of p.slice(0, 3)) await c.send({ method: 'PUT', url: `/api/events/${e.id}/rsvp`, payload: { status: 'going' } });
  return e;
}
const ask = (c: Client, id: string, body: string) => c.post(`/api/events/${id}/questions`, { body });
const vote = (c: Client, id: string, q: string, upvoted: boolean) => c.send({ method: 'PUT', url: `/api/events/${id}/questions/${q}/upvote`, payload: { upvoted } });
const list = async (c: Client, id: string) => (await c.get(`/api/events/${id}/questions`)).json().items as { id: string; body: string; upvotes: number; upvotedByMe: boolean; hidden: boolean; answeredAt: string | null }[];

describe('Q&A', () => {
  it('orders questions by upvotes, then oldest first; one upvote per person, toggled; no self-upvotes', async () => {
    const e = await liveEvent();
    const a = (await ask(p[0], e.id, 'How do we start?')).json();
    const b = (await ask(p[1], e.id, 'What about <b>remote</b> teams?')).json();
    const c = (await ask(p[2], e.id, 'Any reading?')).json();
    expect(a.abilities).toEqual({ canUpvote: false, canModerate: false });
    expect((await list(p[0], e.id)).map((q) => q.id)).toEqual([a.id, b.id, c.id]);
    // Self-upvote is refused and counts nothing.
    const self = await vote(p[0], e.id, a.id, true);
    expect(self.statusCode).toBe(403);
    // Votes: c gets two, b one; repeating a vote counts once.
    expect((await vote(p[0], e.id, c.id, true)).json()).toMatchObject({ upvotes: 1, upvotedByMe: true });
    expect((await vote(p[0], e.id, c.id, true)).json().upvotes).toBe(1);
    await vote(p[1], e.id, c.id, true);
    await vote(p[2], e.id, b.id, true);
    let ordered = await list(p[3], e.id);
    expect(ordered.map((q) => [q.body, q.upvotes])).toEqual([
      ['Any reading?', 2],
      ['What about <b>remote</b> teams?', 1],
      ['How do we start?', 0],
    ]);
    // Taking a vote back (toggle off) moves the order.
    expect((await vote(p[0], e.id, c.id, false)).json()).toMatchObject({ upvotes: 1, upvotedByMe: false });
    await vote(p[1], e.id, c.id, false);
    ordered = await list(p[3], e.id);
    expect(ordered.map((q) => q.id)).toEqual([b.id, a.id, c.id]);
  });

  it('lets hosts mark answered and hide; hidden questions stay visible only to hosts and their author', async () => {
    const e = await liveEvent();
    const q = (await ask(p[0], e.id, 'Off-topic question')).json();
    expect((await p[1].patch(`/api/events/${e.id}/questions/${q.id}`, { hidden: true })).statusCode).toBe(403);
    const hidden = await host.patch(`/api/events/${e.id}/questions/${q.id}`, { hidden: true, answered: true });
    expect(hidden.json()).toMatchObject({ hidden: true, abilities: { canModerate: true } });
    expect(hidden.json().answeredAt).not.toBeNull();
    expect(await list(p[1], e.id)).toEqual([]);
    expect((await list(p[0], e.id)).map((x) => x.hidden)).toEqual([true]);
    expect((await list(host, e.id)).map((x) => x.id)).toEqual([q.id]);
    expect((await vote(p[1], e.id, q.id, true)).statusCode).toBe(404);
  });

  it('lets going attendees and hosts ask; others get 403; plain text only, 500 characters at most; limited per person', async () => {
    const e = await liveEvent();
    expect((await ask(p[3], e.id, 'Not going yet')).statusCode).toBe(403);
    expect((await ask(outsider, e.id, 'Hello')).statusCode).toBe(404);
    const long = await ask(p[0], e.id, 'x'.repeat(501));
    expect(long.statusCode).toBe(400);
    expect(long.json().errors[0].field).toBe('body');
    expect((await ask(host, e.id, 'Host question')).statusCode).toBe(201);
    await p[3].send({ method: 'PUT', url: `/api/events/${e.id}/rsvp`, payload: { status: 'going' } });
    const codes: number[] = [];
    for (let i = 0; i < QUESTIONS_PER_MINUTE + 1; i++) codes.push((await ask(p[3], e.id, `Question ${i}`)).statusCode);
    expect(codes).toEqual([...Array(QUESTIONS_PER_MINUTE).fill(201), 429]);
  });

  it('closes the Q&A when the event ends', async () => {
    const res = await fac.post('/api/events', { title: 'Over', kind: 'webinar', startsAt: at(-120), endsAt: at(-60), timeZone: 'UTC' });
    const asked = await ask(fac, res.json().id, 'Too late?');
    expect(asked.statusCode).toBe(409);
    expect(asked.json().code).toBe('EVENT_ENDED');
  });
});

describe('live updates', () => {
  it('tells a follower of event:<id> about new questions, votes, RSVPs and edits (ids only), and refuses outsiders', async () => {
    const e = await liveEvent();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const port = (t.app.server.address() as { port: number }).port;
    const origin = `http://127.0.0.1:${port}`;
    const channel = `event:${e.id}`;
    const ws = await connectWs(`ws://127.0.0.1:${port}/api/ws`, { cookie: p[3].cookie, origin });
    ws.ws.send(JSON.stringify({ type: 'subscribe', channel }));
    await ws.waitFor((m) => m.type === 'subscribed' && m.ok === true);
    const other = await connectWs(`ws://127.0.0.1:${port}/api/ws`, { cookie: outsider.cookie, origin });
    other.ws.send(JSON.stringify({ type: 'subscribe', channel }));
    await other.waitFor((m) => m.type === 'subscribed' && m.ok === false);

    const q = (await ask(p[0], e.id, 'Live one')).json();
    const m1 = await ws.waitFor((m) => m.type === 'changed' && m.channel === channel && m.what === 'questions');
    expect(m1).toEqual({ type: 'changed', channel, what: 'questions', id: q.id });
    await vote(p[1], e.id, q.id, true);
    await p[3].send({ method: 'PUT', url: `/api/events/${e.id}/rsvp`, payload: { status: 'going' } });
    await ws.waitFor((m) => m.type === 'changed' && m.what === 'rsvp' && m.id === e.id);
    await fac.patch(`/api/events/${e.id}`, { location: 'Hall B' });
    await ws.waitFor((m) => m.type === 'changed' && m.what === 'event' && m.id === e.id);
    expect(ws.messages.filter((m) => m.what === 'questions')).toHaveLength(2);
    // Ids only: no message carries the question's text.
    expect(JSON.stringify(ws.messages)).not.toContain('Live one');
    expect(other.messages.some((m) => m.type === 'changed')).toBe(false);
    await ws.close();
    await other.close();
  });
});
