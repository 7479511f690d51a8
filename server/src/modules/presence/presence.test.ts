import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { connectWs, handshakeStatus } from '../../../test/ws-client.ts';

let t: TestApp;
let wsUrl: string;
let origin: string;
const people: Record<string, { id: string; email: string }> = {};

beforeAll(async () => {
  t = await createTestApp({ SIGNIN_PER_IP_PER_MINUTE: '1000' });
  const org = await t.buildOrg('Acme');
  const other = await t.buildOrg('Globex');
  people.ann = await t.buildPerson(org.id, { name: 'Ann' });
  people.bob = await t.buildPerson(org.id, { name: 'Bob' });
  people.olga = await t.buildPerson(other.id, { name: 'Olga' });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const addr = t.app.server.address() as { port: number };
  origin = `http://127.0.0.1:${addr.port}`;
  wsUrl = `ws://127.0.0.1:${addr.port}/api/ws`;
});
afterAll(() => t.close());

describe('presence over the WebSocket', () => {
  it('tells connected colleagues when someone comes online and goes offline, without leaking other organizations', async () => {
    const ann = await t.signIn(people.ann.email);
    const bob = await t.signIn(people.bob.email);
    const olga = await t.signIn(people.olga.email);
    const a = await connectWs(wsUrl, { cookie: ann.cookie, origin });
    const hello = await a.waitFor((m) => m.type === 'hello');
    expect(hello.online).toContain(people.ann.id);
    const o = await connectWs(wsUrl, { cookie: olga.cookie, origin });
    const b = await connectWs(wsUrl, { cookie: bob.cookie, origin });
    await a.waitFor((m) => m.type === 'presence' && (m.online as string[]).includes(people.bob.id));
    const online = (await ann.get('/api/presence')).json().online;
    expect(online.sort()).toEqual([people.ann.id, people.bob.id].sort());
    await b.close();
    await a.waitFor((m) => m.type === 'presence' && (m.offline as string[]).includes(people.bob.id));
    expect(JSON.stringify(a.messages)).not.toContain(people.olga.id);
    await o.close();
    await a.close();
  });

  it('keeps a person online while another of their connections is open', async () => {
    const ann = await t.signIn(people.ann.email);
    const bob = await t.signIn(people.bob.email);
    const a = await connectWs(wsUrl, { cookie: ann.cookie, origin });
    const b1 = await connectWs(wsUrl, { cookie: bob.cookie, origin });
    const b2 = await connectWs(wsUrl, { cookie: bob.cookie, origin });
    await b1.close();
    // A ping round-trip orders the check after the close has been processed.
    await new Promise((r) => setTimeout(r, 300));
    expect((await ann.get('/api/presence')).json().online).toContain(people.bob.id);
    await b2.close();
    await a.waitFor((m) => m.type === 'presence' && (m.offline as string[]).includes(people.bob.id));
    await a.close();
  });

  it('announces a wave of arrivals in batches rather than one message per connection', async () => {
    const org = (await t.db.execute(sql`select org_id from people where id = ${people.ann.id}`)) as unknown as { rows: { org_id: string }[] };
    const crowd: { id: string; email: string }[] = [];
    for (let i = 0; i < 8; i++) crowd.push(await t.buildPerson(org.rows[0].org_id, { name: `Crowd ${i}` }));
    const clients = await Promise.all(crowd.map((p) => t.signIn(p.email)));
    const ann = await t.signIn(people.ann.email);
    const a = await connectWs(wsUrl, { cookie: ann.cookie, origin });
    await a.waitFor((m) => m.type === 'hello');
    const sockets = await Promise.all(clients.map((c) => connectWs(wsUrl, { cookie: c.cookie, origin })));
    const seen = new Set<string>();
    await a.waitFor((m) => {
      if (m.type === 'presence') for (const id of m.online as string[]) seen.add(id);
      return crowd.every((p) => seen.has(p.id));
    });
    const batches = a.messages.filter((m) => m.type === 'presence' && (m.online as string[]).some((id) => crowd.some((p) => p.id === id)));
    expect(batches.length).toBeLessThan(crowd.length);
    // A later connection's hello lists everyone who is online.
    const late = await connectWs(wsUrl, { cookie: clients[0].cookie, origin });
    const hello = await late.waitFor((m) => m.type === 'hello');
    expect(hello.online).toEqual(expect.arrayContaining([people.ann.id, ...crowd.map((p) => p.id)]));
    await Promise.all([...sockets, late, a].map((s) => s.close()));
  });

  it('refuses a foreign Origin and a missing session before the upgrade', async () => {
    const ann = await t.signIn(people.ann.email);
    expect(await handshakeStatus(wsUrl, { cookie: ann.cookie, origin: 'https://evil.example' })).toBe(403);
    expect(await handshakeStatus(wsUrl, { origin })).toBe(401);
  });

  it('answers pings and rejects malformed messages without closing', async () => {
    const ann = await t.signIn(people.ann.email);
    const a = await connectWs(wsUrl, { cookie: ann.cookie, origin });
    a.ws.send('not json');
    await a.waitFor((m) => m.type === 'error' && m.code === 'BAD_MESSAGE');
    a.ws.send(JSON.stringify({ type: 'ping' }));
    await a.waitFor((m) => m.type === 'pong');
    await a.close();
  });
});
