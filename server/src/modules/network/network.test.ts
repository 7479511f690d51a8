import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../../test/eventually.ts';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { selectRows } from '../../kernel/db/rows.ts';
import { EventBus } from '../../kernel/events.ts';
import fc from 'fast-check';
import { consumeEvents } from './network.events.ts';
import { strongestTies } from './network.graph.ts';

// The interaction graph is a ledger built from events: the same history gives the same ties, however often it is
// delivered and whether it is delivered live or replayed from the outbox by a consumer that is new.

let t: TestApp;
type Client = Awaited<ReturnType<TestApp['signIn']>>;
const c: Record<string, Client> = {};
const id: Record<string, string> = {};
let orgId: string;

beforeAll(async () => {
  t = await createTestApp({ POSTS_PER_MINUTE: '1000', MESSAGES_PER_MINUTE: '1000' });
  orgId = (await t.buildOrg('Acme')).id;
  const people = { ann: 'Sales', bo: 'Sales', cy: 'Engineering', di: 'Engineering', ed: 'Design' };
  for (const [name, department] of Object.entries(people)) {
    const p = await t.buildPerson(orgId, { name, department, roles: name === 'ann' ? ['admin'] : [] });
    id[name] = p.id;
    c[name] = await t.signIn(p.email);
  }
  const other = await t.buildOrg('Globex');
  const admin = await t.buildPerson(other.id, { roles: ['admin'] });
  c.otherAdmin = await t.signIn(admin.email);
});
afterAll(() => t.close());

const ties = () => selectRows<{ a: string; b: string; kind: string; weight: number }>(t.db, sql`select a::text, b::text, kind, weight::float8 as weight from network_ties where org_id = ${orgId} order by a, b, kind`);
const pair = (x: string, y: string) => (id[x] < id[y] ? [id[x], id[y]] : [id[y], id[x]]);

describe('the interaction graph', () => {
  it('records replies, mentions and direct messages as ties (counts only), once each however often an event is delivered', async () => {
    const community = (await c.bo.post('/api/communities', { name: 'Guild', visibility: 'open' })).json();
    await c.cy.post(`/api/communities/${community.id}/join`, { acceptRulesVersion: 1 });
    const thread = (await c.bo.post(`/api/communities/${community.id}/threads`, { title: 'Pricing', body: `Ideas, [@di](/people/${id.di})?` })).json();
    expect((await c.cy.post(`/api/threads/${thread.id}/posts`, { body: 'One idea' })).statusCode).toBe(201);
    const convo = (await c.ed.post('/api/conversations', { personIds: [id.ann] })).json();
    expect((await c.ed.post(`/api/conversations/${convo.id}/messages`, { body: 'hello' })).statusCode).toBe(201);
    const expected = [
      { pair: pair('bo', 'di'), kind: 'mention' },
      { pair: pair('bo', 'cy'), kind: 'reply' },
      { pair: pair('ann', 'ed'), kind: 'message' },
    ];
    const got = await eventually(ties, (rows) => rows.length >= expected.length);
    for (const e of expected) expect(got).toContainEqual({ a: e.pair[0], b: e.pair[1], kind: e.kind, weight: 1 });
    expect(got).toHaveLength(expected.length);

    // Delivered again, three times (a node died before it settled each): nothing is counted twice.
    await eventually(async () => (await selectRows(t.db, sql`select 1 from event_deliveries where consumer like 'network:%'`)).length, (n) => n === 0);
    const events = await selectRows<{ id: number; type: string }>(t.db, sql`select id, type from domain_events where org_id = ${orgId} and type in ('discussions.reply_posted', 'discussions.mentioned', 'messages.sent')`);
    for (let i = 0; i < 3; i++) {
      for (const e of events) await t.db.execute(sql`insert into event_deliveries (event_id, consumer) values (${e.id}, ${`network:${e.type}`}) on conflict do nothing`);
      await t.deps.events.drain();
    }
    expect(await ties()).toEqual(got);
  });

  it('a consumer new to the database rebuilds exactly the same graph by replaying the history', async () => {
    const before = await ties();
    expect(before.length).toBeGreaterThan(0);
    // Rebuild from scratch: the ledger, its effects and the consumers' registration go; a node with the consumers starts.
    await t.db.execute(sql`delete from network_ties`);
    await t.db.execute(sql`delete from event_effects where consumer = 'network'`);
    await t.db.execute(sql`delete from event_consumers where name like 'network:%'`);
    const bus = new EventBus();
    consumeEvents({ ...t.deps, events: bus });
    await bus.start(t.db, { pollMs: 20 });
    await eventually(ties, (rows) => rows.length >= before.length);
    await bus.drain();
    await bus.stop();
    expect(await ties()).toEqual(before);
  });

  it('reports the organization network to its admins only: ties, mixing by department, brokers by name', async () => {
    const r = (await c.ann.get('/api/network/report')).json();
    expect(r).toMatchObject({ people: 5, ties: 3, isolates: 0 });
    expect(r.components).toEqual([3, 2]);
    // bo–di and ann–ed cross departments, bo–cy too: every tie is external.
    expect(r.eiIndex.overall).toBe(1);
    // No department figure covers fewer than 5 people: Sales (2), Engineering (2) and Design (1) count only together.
    expect(Object.keys(r.eiIndex.byDepartment)).toEqual(['Small teams (fewer than 5)']);
    expect(r.brokers).toEqual([{ id: id.bo, name: 'bo', department: 'Sales', betweenness: expect.any(Number) }]);
    expect(r.brokersMethod).toBe('exact');
    expect((await c.bo.get('/api/network/report')).statusCode).toBe(404);
    expect((await c.otherAdmin.get('/api/network/report')).json()).toMatchObject({ ties: 0, brokers: [] });
    const early = (await c.ann.get('/api/network/report?from=2020-01-01&to=2020-12-31')).json();
    expect(early).toMatchObject({ ties: 0, isolates: 5 });
    expect((await c.ann.get('/api/network/report?from=2021-01-01&to=2020-12-31')).statusCode).toBe(400);
    expect((await c.ann.get('/api/network/report?from=2021-02-29')).statusCode).toBe(400);
    // Year 0000 parses in JavaScript but not in PostgreSQL: refused before it reaches the database.
    for (const r of ['report', 'departments', 'graph']) expect((await c.ann.get(`/api/network/${r}?from=0000-01-01&to=0000-01-02`)).statusCode).toBe(400);
    // At most three years, as the department view: a whole history of betweenness is not one request's work.
    for (const r of ['report', 'departments', 'graph']) expect((await c.ann.get(`/api/network/${r}?from=2000-01-01&to=2020-01-01`)).statusCode).toBe(400);
    expect((await c.ann.get('/api/analytics/activity?scope=organization&from=0000-01-01&to=0000-01-02')).statusCode).toBe(400);
  });

  it('draws the network for admins: every active person once, each tie once between the right people, brokers marked', async () => {
    const g = (await c.ann.get('/api/network/graph')).json();
    expect(g.nodes.map((n: { name: string }) => n.name).sort()).toEqual(['ann', 'bo', 'cy', 'di', 'ed']);
    const named = (i: number) => g.nodes[i].id as string;
    const drawn = g.edges.map(([x, y, w]: [number, number, number]) => [...[named(x), named(y)].sort(), w].join(' ')).sort();
    const stored = await selectRows<{ a: string; b: string; w: number }>(t.db, sql`select a::text, b::text, sum(weight)::float8 as w from network_ties where org_id = ${orgId} group by a, b`);
    expect(drawn).toEqual(stored.map((r) => `${r.a} ${r.b} ${r.w}`).sort());
    expect(g.edgesTotal).toBe(stored.length);
    for (const [i, n] of g.nodes.entries()) expect(n.degree).toBe(g.edges.filter(([x, y]: number[]) => x === i || y === i).length);
    expect(g.nodes.filter((n: { broker: number | null }) => n.broker !== null).map((n: { name: string }) => n.name)).toEqual(['bo']);
    // Departments under 5 people are drawn together, as every figure counts them.
    expect(new Set(g.nodes.map((n: { department: string }) => n.department))).toEqual(new Set(['Small teams (fewer than 5)']));
    expect((await c.bo.get('/api/network/graph')).statusCode).toBe(404);
    expect((await c.otherAdmin.get('/api/network/graph')).json()).toMatchObject({ edges: [], edgesTotal: 0 });
    expect((await c.ann.get('/api/network/graph?from=2021-01-01&to=2020-12-31')).statusCode).toBe(400);
  });

  it('keeps the strongest ties when there are more than the picture draws', () => {
    const tie = fc.record({ a: fc.constantFrom('p', 'q', 'r', 's'), b: fc.constantFrom('t', 'u', 'v'), weight: fc.integer({ min: 1, max: 9 }) });
    fc.assert(
      fc.property(fc.array(tie, { maxLength: 30 }), fc.integer({ min: 0, max: 40 }), (ties, max) => {
        const kept = strongestTies(ties, max);
        expect(kept).toHaveLength(Math.min(max, ties.length));
        const dropped = [...ties];
        for (const k of kept) dropped.splice(dropped.indexOf(k), 1);
        const lightestKept = Math.min(...kept.map((k) => k.weight));
        for (const d of dropped) expect(d.weight).toBeLessThanOrEqual(lightestKept);
      }),
    );
  });

  it('opens the organization network to a person an admin makes an analyst, and closes it when the role is taken away', async () => {
    const routes = ['/api/network/report', '/api/network/departments', '/api/network/graph'];
    for (const r of routes) expect((await c.cy.get(r)).statusCode).toBe(404);
    expect((await c.ann.patch(`/api/people/${id.cy}`, { roles: ['analyst'] })).json().roles).toEqual(['member', 'analyst']);
    for (const r of routes) expect((await c.cy.get(r)).statusCode).toBe(200);
    expect((await c.cy.get('/api/network/report')).json().brokers).toEqual([expect.objectContaining({ name: 'bo' })]);
    // An analyst is not an admin: people, settings and the audit log stay closed.
    expect((await c.cy.patch(`/api/people/${id.di}`, { roles: ['analyst'] })).statusCode).toBe(403);
    expect((await c.cy.get('/api/audit')).statusCode).toBe(403);
    expect((await c.ann.patch(`/api/people/${id.cy}`, { roles: [] })).statusCode).toBe(200);
    for (const r of routes) expect((await c.cy.get(r)).statusCode).toBe(404);
  });
});
