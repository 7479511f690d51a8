import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { pgTemplateDb, withDatabase } from '../global-setup.ts';
import { httpSignIn, type ServerProcess, startServer } from '../spawn-server.ts';
import { connectWs } from '../ws-client.ts';

const adminUrl = process.env.TEST_DATABASE_URL;
const prefix = inject('pgRunPrefix');
const dbName = `${prefix}${randomBytes(6).toString('hex')}`;
let nodeA: ServerProcess;
let nodeB: ServerProcess;

beforeAll(async () => {
  if (!adminUrl) throw new Error('The two-node test needs PostgreSQL: set TEST_DATABASE_URL.');
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${dbName} template ${pgTemplateDb(prefix)}`);
  await admin.end();
  const DATABASE_URL = withDatabase(adminUrl, dbName);
  // Node A seeds the demo organization; node B shares the same database.
  // Both nodes run the check-in timer every second: they race for the same reminders.
  nodeA = await startServer({ DATABASE_URL, HEARTH_DEMO: 'on', NODE_ID: 'node-a', CHECKIN_INTERVAL_SECONDS: '1' });
  nodeB = await startServer({ DATABASE_URL, HEARTH_DEMO: 'off', NODE_ID: 'node-b', CHECKIN_INTERVAL_SECONDS: '1' });
}, 90_000);

afterAll(async () => {
  await nodeA?.stop();
  await nodeB?.stop();
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${dbName} with (force)`);
  await admin.end();
});

describe('two stateless nodes on one PostgreSQL', () => {
  it('a client on node A sees presence of a person connected to node B, live', async () => {
    const admin = await httpSignIn(nodeA.url, 'admin@example.com', 'hearth-demo');
    const sam = await httpSignIn(nodeB.url, 'sam.okafor@example.com', 'hearth-demo');
    const a = await connectWs(`${nodeA.url.replace('http', 'ws')}/api/ws`, { cookie: admin.cookie, origin: nodeA.url });
    await a.waitFor((m) => m.type === 'hello');
    const b = await connectWs(`${nodeB.url.replace('http', 'ws')}/api/ws`, { cookie: sam.cookie, origin: nodeB.url });
    await a.waitFor((m) => m.type === 'presence' && (m.online as string[]).includes(sam.personId));
    // Node A's presence list includes the person connected to node B.
    const list = await fetch(`${nodeA.url}/api/presence`, { headers: { cookie: admin.cookie } });
    expect(((await list.json()) as { online: string[] }).online).toContain(sam.personId);
    await b.close();
    await a.waitFor((m) => m.type === 'presence' && (m.offline as string[]).includes(sam.personId));
    await a.close();
  }, 30_000);

  it('a session made on one node works on the other', async () => {
    const admin = await httpSignIn(nodeA.url, 'admin@example.com', 'hearth-demo');
    const me = await fetch(`${nodeB.url}/api/me`, { headers: { cookie: admin.cookie } });
    expect(me.status).toBe(200);
  });

  it('a session ended on one node is refused at once on the other, though the other had it cached', async () => {
    const sam = await httpSignIn(nodeA.url, 'sam.okafor@example.com', 'hearth-demo');
    expect((await fetch(`${nodeB.url}/api/me`, { headers: { cookie: sam.cookie } })).status).toBe(200);
    expect((await fetch(`${nodeB.url}/api/me`, { headers: { cookie: sam.cookie } })).status).toBe(200);
    const out = await fetch(`${nodeA.url}/api/auth/sign-out`, { method: 'POST', headers: { cookie: sam.cookie, 'x-csrf-token': sam.csrf } });
    expect(out.status).toBe(204);
    expect((await fetch(`${nodeB.url}/api/me`, { headers: { cookie: sam.cookie } })).status).toBe(401);
  });

  it("an admin's edit on one node shows in the other node's directory, which had the page cached", async () => {
    const admin = await httpSignIn(nodeA.url, 'admin@example.com', 'hearth-demo');
    const reader = await httpSignIn(nodeB.url, 'sam.okafor@example.com', 'hearth-demo');
    const titleOnB = async () => {
      const page = (await (await fetch(`${nodeB.url}/api/people?limit=50&q=okafor`, { headers: { cookie: reader.cookie } })).json()) as { items: { id: string; title: string }[] };
      return page.items.find((p) => p.id === reader.personId)?.title;
    };
    const before = await titleOnB();
    expect(before).toBeTruthy();
    expect(await titleOnB()).toBe(before); // served from node B's cache
    const edit = await fetch(`${nodeA.url}/api/people/${reader.personId}`, {
      method: 'PATCH',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Head of Caching' }),
    });
    expect(edit.status).toBe(200);
    // The invalidation travels by NOTIFY after the commit (milliseconds); allow it a moment, far below the cache TTL.
    const deadline = Date.now() + 2000;
    let title = await titleOnB();
    while (title !== 'Head of Caching' && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20));
      title = await titleOnB();
    }
    expect(title).toBe('Head of Caching');
  });

  it('posts on both nodes at once notify the mentioned person once each: the nodes share the deliveries, none twice, none left', async () => {
    const maya = await httpSignIn(nodeA.url, 'maya.patel@example.com', 'hearth-demo');
    const writers = [await httpSignIn(nodeA.url, 'sam.okafor@example.com', 'hearth-demo'), await httpSignIn(nodeB.url, 'lea.schmidt@example.com', 'hearth-demo')];
    const nodes = [nodeA, nodeB];
    const post = async (i: number, url: string, body: unknown) => {
      const w = writers[i % 2];
      const res = await fetch(`${nodes[i % 2].url}${url}`, { method: 'POST', headers: { cookie: w.cookie, 'x-csrf-token': w.csrf, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      if (!res.ok) throw new Error(`${res.status} ${await res.text()}`);
      return (await res.json()) as { id: string };
    };
    const community = await post(0, '/api/communities', { name: `Two nodes ${Date.now()}` });
    await fetch(`${nodeB.url}/api/communities/${community.id}/join`, { method: 'POST', headers: { cookie: writers[1].cookie, 'x-csrf-token': writers[1].csrf, 'content-type': 'application/json' }, body: JSON.stringify({ acceptRulesVersion: 1 }) });
    const threads = await Promise.all(
      Array.from({ length: 12 }, (_, i) => post(i, `/api/communities/${community.id}/threads`, { title: `Question ${i}`, body: `[@Maya Patel](/people/${maya.personId}), thoughts?` })),
    );
    const ids = new Set(threads.map((t) => t.id));
    const mine = async () => {
      const page = (await (await fetch(`${nodeB.url}/api/notifications?limit=50`, { headers: { cookie: maya.cookie } })).json()) as { items: { kind: string; url: string }[] };
      return page.items.filter((n) => n.kind === 'mention' && ids.has(n.url.split('/')[2]?.split('#')[0]));
    };
    const deadline = Date.now() + 10_000;
    let got = await mine();
    while (got.length < 12 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      got = await mine();
    }
    await new Promise((r) => setTimeout(r, 1500)); // both nodes poll at least once more
    got = await mine();
    expect(got).toHaveLength(12);
    expect(new Set(got.map((n) => n.url)).size).toBe(12);
    const db = new pg.Client({ connectionString: withDatabase(adminUrl as string, dbName) });
    await db.connect();
    const left = await db.query(`select count(*)::int as n from event_deliveries d join domain_events e on e.id = d.event_id where e.payload->>'threadId' = any($1)`, [[...ids]]);
    await db.end();
    expect(left.rows[0].n).toBe(0);
  }, 60_000);

  it('both nodes run the check-in timer every second and each check-in reminder reaches each person once', async () => {
    const admin = await httpSignIn(nodeA.url, 'admin@example.com', 'hearth-demo');
    const maya = await httpSignIn(nodeB.url, 'maya.patel@example.com', 'hearth-demo');
    const call = async (method: string, url: string, body?: unknown) => {
      const res = await fetch(`${nodeA.url}${url}`, { method, headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'application/json' }, body: body ? JSON.stringify(body) : undefined });
      if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
      return res.json() as Promise<Record<string, unknown>>;
    };
    const reports = ((await call('GET', `/api/people/${maya.personId}`)).reports as { id: string }[]).slice(0, 3);
    expect(reports).toHaveLength(3);
    const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
    // Ended two weeks ago with a one-week check-in: due a week ago, so each run may send the reminder and the nudge.
    const title = `Two-node check-ins ${Date.now()}`;
    const program = await call('POST', '/api/programs', { title, startsOn: day(-30), endsOn: day(-14), checkinWeeks: 1 });
    await call('PATCH', `/api/programs/${program.id}`, { status: 'running' });
    await call('POST', `/api/programs/${program.id}/enrollments`, { personIds: reports.map((r) => r.id) });
    const mine = async () => {
      const page = (await (await fetch(`${nodeB.url}/api/notifications?limit=50`, { headers: { cookie: maya.cookie } })).json()) as { items: { kind: string; title: string }[] };
      return page.items.filter((n) => n.kind === 'checkin' && n.title.includes(title));
    };
    const deadline = Date.now() + 15_000;
    let got = await mine();
    while (got.length < reports.length * 2 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
      got = await mine();
    }
    await new Promise((r) => setTimeout(r, 3000)); // both timers run several more times
    got = await mine();
    // One "time to meet" and one "a week overdue" per report, whichever node claimed them.
    expect(got.filter((n) => n.title.startsWith('Time to meet'))).toHaveLength(reports.length);
    expect(got.filter((n) => n.title.includes('a week overdue'))).toHaveLength(reports.length);
  }, 60_000);
});
