import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../../test/eventually.ts';
import { createTestApp, type TestApp } from '../../../test/harness.ts';

let t: TestApp;
let healthy = false;
const handled: number[] = [];
const orgs: Record<string, string> = {};
type Client = Awaited<ReturnType<TestApp['signIn']>>;
const c: Record<string, Client> = {};

beforeAll(async () => {
  t = await createTestApp({ EVENT_POLL_MS: '20', EVENT_RETRY_BASE_MS: '10', EVENT_MAX_ATTEMPTS: '2' });
  // A consumer whose dependency is down until the test says otherwise.
  t.deps.events.on('probe.happened', 'probe', async (e) => {
    if (!healthy) throw new Error(`downstream unavailable for ${String(e.payload.n)}`);
    handled.push(e.id);
  });
  for (const name of ['acme', 'globex']) {
    const org = await t.buildOrg(name);
    orgs[name] = org.id;
    const admin = await t.buildPerson(org.id, { roles: ['admin'] });
    c[`${name}Admin`] = await t.signIn(admin.email);
  }
  const member = await t.buildPerson(orgs.acme);
  c.member = await t.signIn(member.email);
});
afterAll(() => t.close());

const emit = (orgId: string, n: number) => t.deps.events.transaction(t.db, async (_tx, e) => e({ type: 'probe.happened', orgId, payload: { n } }));

describe('System page: event deliveries', () => {
  it('lists an organization’s parked deliveries to its admins only, and retries one or all of them (audited)', async () => {
    await emit(orgs.acme, 1);
    await emit(orgs.acme, 2);
    await emit(orgs.globex, 3);
    const report = await eventually(async () => (await c.acmeAdmin.get('/api/system/events')).json(), (r) => r.dead === 2, 5000);
    expect(report).toMatchObject({ dead: 2, pending: 0, oldestPendingSeconds: null });
    expect(report.items).toHaveLength(2);
    expect(report.items[0]).toMatchObject({ type: 'probe.happened', consumer: 'probe:probe.happened', status: 'dead', attempts: 2, lastError: 'downstream unavailable for 2', nextAttemptAt: null });
    // Another organization's admin sees only their own; a member may not see the page at all.
    const globex = (await c.globexAdmin.get('/api/system/events')).json();
    expect(globex.items.map((i: { lastError: string }) => i.lastError)).toEqual(['downstream unavailable for 3']);
    expect((await c.member.get('/api/system/events')).statusCode).toBe(404);
    expect((await c.member.post('/api/system/events/retry', {})).statusCode).toBe(404);

    healthy = true;
    const one = report.items[1];
    expect((await c.globexAdmin.post('/api/system/events/retry', { consumer: one.consumer, eventId: one.eventId })).statusCode).toBe(404);
    expect((await c.acmeAdmin.post('/api/system/events/retry', { consumer: one.consumer })).statusCode).toBe(400);
    expect((await c.acmeAdmin.post('/api/system/events/retry', { consumer: one.consumer, eventId: one.eventId })).json()).toEqual({ retried: 1 });
    await eventually(() => handled, (h) => h.includes(one.eventId), 5000);
    expect(handled).toEqual([one.eventId]);
    expect((await c.acmeAdmin.post('/api/system/events/retry', {})).json()).toEqual({ retried: 1 });
    const after = await eventually(async () => (await c.acmeAdmin.get('/api/system/events')).json(), (r) => r.dead === 0 && r.items.length === 0, 5000);
    expect(after).toMatchObject({ dead: 0, pending: 0, items: [] });
    expect(handled).toHaveLength(2);
    // Globex's parked delivery was not touched by Acme's "retry all".
    expect((await c.globexAdmin.get('/api/system/events')).json().dead).toBe(1);
    const audits = (await t.db.execute(sql`select action, target, data from audit_log where org_id = ${orgs.acme} and action = 'system.deliveries_retried' order by id`)) as unknown as { rows: { target: string; data: { retried: number } }[] };
    expect(audits.rows.map((r) => [r.target, r.data.retried])).toEqual([[`${one.consumer}#${one.eventId}`, 1], ['all', 1]]);
  });
});
