import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGNAL_MAX_BYTES } from '../../../../contracts/index.ts';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { connectWs } from '../../../test/ws-client.ts';

// A test-only channel kind `test-call:<id>` whose members may follow it and signal each other, so these tests
// do not depend on the live-sessions module (which registers `live-group` the same way).
let t: TestApp;
let wsUrl: string;
let origin: string;
const callId = randomUUID();
const channel = `test-call:${callId}`;
const members = new Set<string>();
const people: Record<string, { id: string; email: string }> = {};

type Ws = Awaited<ReturnType<typeof connectWs>>;

const cookies = new Map<string, string>();

async function connect(name: string, subscribe = true): Promise<Ws> {
  // One sign-in per person (sign-in is rate limited); every socket of the person reuses the session.
  if (!cookies.has(name)) cookies.set(name, (await t.signIn(people[name].email)).cookie);
  const ws = await connectWs(wsUrl, { cookie: cookies.get(name)!, origin });
  await ws.waitFor((m) => m.type === 'hello');
  if (subscribe) {
    ws.ws.send(JSON.stringify({ type: 'subscribe', channel }));
    await ws.waitFor((m) => m.type === 'subscribed' && m.channel === channel);
  }
  return ws;
}

const signal = (to: string, data: Record<string, unknown>, ch = channel) => JSON.stringify({ type: 'signal', channel: ch, to, data });
const signalsOf = (ws: Ws) => ws.messages.filter((m) => m.type === 'signal');
const refusals = (ws: Ws) => ws.messages.filter((m) => m.type === 'error' && m.code === 'SIGNAL_REFUSED');

beforeAll(async () => {
  t = await createTestApp();
  const org = await t.buildOrg('Acme');
  for (const name of ['ann', 'bob', 'cat', 'dan']) people[name] = await t.buildPerson(org.id, { name });
  members.add(people.ann.id).add(people.bob.id).add(people.cat.id);
  t.deps.hub.allow('test-call', async (actor, id) => id === callId && members.has(actor.personId));
  t.deps.hub.allowSignal('test-call', async (actor, id, to) => {
    // Random latency, like a database lookup: answers may come back out of order.
    await new Promise((r) => setTimeout(r, Math.random() * 6));
    return id === callId && members.has(actor.personId) && members.has(to);
  });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const addr = t.app.server.address() as { port: number };
  origin = `http://127.0.0.1:${addr.port}`;
  wsUrl = `ws://127.0.0.1:${addr.port}/api/ws`;
});
afterAll(() => t.close());

describe('peer signals over the WebSocket', () => {
  it('relays a signal between two members to every socket of the recipient, with `from` set by the server', async () => {
    const ann = await connect('ann');
    const bob = await connect('bob');
    const bobOtherTab = await connect('bob', false);
    // A forged `from` in the client message is ignored: the server names the authenticated sender.
    ann.ws.send(JSON.stringify({ type: 'signal', channel, to: people.bob.id, from: people.cat.id, data: { kind: 'offer', sdp: 'v=0 offer' } }));
    const got = await bob.waitFor((m) => m.type === 'signal');
    expect(got).toEqual({ type: 'signal', channel, from: people.ann.id, data: { kind: 'offer', sdp: 'v=0 offer' } });
    expect(await bobOtherTab.waitFor((m) => m.type === 'signal')).toEqual(got);
    expect(signalsOf(ann)).toEqual([]);
    bob.ws.send(signal(people.ann.id, { kind: 'answer', sdp: 'v=0 answer' }));
    expect(await ann.waitFor((m) => m.type === 'signal')).toMatchObject({ from: people.bob.id, data: { kind: 'answer' } });
    expect(refusals(ann)).toEqual([]);
    expect(refusals(bob)).toEqual([]);
    await Promise.all([ann.close(), bob.close(), bobOtherTab.close()]);
  });

  it('refuses a signal to a non-member, from a socket that does not follow the channel, to oneself and in unknown channels', async () => {
    const ann = await connect('ann');
    const annUnsubscribed = await connect('ann', false);
    const bob = await connect('bob');
    const dan = await connect('dan', false);

    ann.ws.send(signal(people.dan.id, { kind: 'hello' }));
    expect(await ann.waitFor((m) => m.code === 'SIGNAL_REFUSED')).toMatchObject({ type: 'error', channel, to: people.dan.id });

    annUnsubscribed.ws.send(signal(people.bob.id, { kind: 'hello' }));
    expect(await annUnsubscribed.waitFor((m) => m.code === 'SIGNAL_REFUSED')).toMatchObject({ channel, to: people.bob.id });

    ann.ws.send(signal(people.ann.id, { kind: 'hello' }));
    ann.ws.send(signal(people.bob.id, { kind: 'hello' }, `nothing:${callId}`));
    await ann.waitFor(() => refusals(ann).length === 3);

    // The next allowed signal is the first and only one anybody receives: nothing refused was relayed.
    ann.ws.send(signal(people.bob.id, { kind: 'bye' }));
    await bob.waitFor((m) => m.type === 'signal');
    await new Promise((r) => setTimeout(r, 200));
    expect(signalsOf(bob).map((m) => m.data)).toEqual([{ kind: 'bye' }]);
    expect(signalsOf(dan)).toEqual([]);
    expect(signalsOf(ann)).toEqual([]);
    await Promise.all([ann.close(), annUnsubscribed.close(), bob.close(), dan.close()]);
  });

  it('refuses a non-member sender, who cannot follow the channel either', async () => {
    const dan = await connect('dan', false);
    const bob = await connect('bob');
    dan.ws.send(JSON.stringify({ type: 'subscribe', channel }));
    expect(await dan.waitFor((m) => m.type === 'subscribed')).toMatchObject({ ok: false });
    dan.ws.send(signal(people.bob.id, { kind: 'offer', sdp: 'x' }));
    await dan.waitFor((m) => m.code === 'SIGNAL_REFUSED');
    await new Promise((r) => setTimeout(r, 200));
    expect(signalsOf(bob)).toEqual([]);
    await Promise.all([dan.close(), bob.close()]);
  });

  it('refuses oversize or malformed signals as signals, and accepts data of exactly the limit', async () => {
    const ann = await connect('ann');
    const bob = await connect('bob');
    const wrap = (n: number) => ({ kind: 'offer', sdp: 'x'.repeat(n - JSON.stringify({ kind: 'offer', sdp: '' }).length) });
    expect(JSON.stringify(wrap(SIGNAL_MAX_BYTES)).length).toBe(SIGNAL_MAX_BYTES);
    ann.ws.send(signal(people.bob.id, wrap(SIGNAL_MAX_BYTES + 1)));
    expect(await ann.waitFor((m) => m.code === 'SIGNAL_REFUSED')).toMatchObject({ channel, to: people.bob.id });
    ann.ws.send(JSON.stringify({ type: 'signal', channel, to: 'not-a-person', data: { kind: 'hello' } }));
    ann.ws.send(JSON.stringify({ type: 'signal', channel, to: people.bob.id, data: 'a string' }));
    await ann.waitFor(() => refusals(ann).length === 3);
    expect(ann.messages.some((m) => m.code === 'BAD_MESSAGE')).toBe(false);

    ann.ws.send(signal(people.bob.id, wrap(SIGNAL_MAX_BYTES)));
    const got = await bob.waitFor((m) => m.type === 'signal');
    expect(JSON.stringify(got.data).length).toBe(SIGNAL_MAX_BYTES);
    expect(signalsOf(bob)).toHaveLength(1);
    await Promise.all([ann.close(), bob.close()]);
  });

  it('keeps the order of one socket’s signals even when the authorizer answers out of order', async () => {
    const ann = await connect('ann');
    const cat = await connect('cat');
    const n = 40;
    for (let i = 0; i < n; i++) ann.ws.send(signal(people.cat.id, { kind: 'candidate', i }));
    await cat.waitFor(() => signalsOf(cat).length === n, 10_000);
    expect(signalsOf(cat).map((m) => (m.data as { i: number }).i)).toEqual([...Array(n).keys()]);
    await Promise.all([ann.close(), cat.close()]);
  });

  it('stops following after unsubscribe: later signals are refused', async () => {
    const ann = await connect('ann');
    const bob = await connect('bob');
    ann.ws.send(JSON.stringify({ type: 'unsubscribe', channel }));
    ann.ws.send(signal(people.bob.id, { kind: 'hello' }));
    await ann.waitFor((m) => m.code === 'SIGNAL_REFUSED');
    await new Promise((r) => setTimeout(r, 200));
    expect(signalsOf(bob)).toEqual([]);
    await Promise.all([ann.close(), bob.close()]);
  });
});
