import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/harness.ts';
import { eventually } from '../../test/eventually.ts';
import { type Database, openPostgres } from './db/database.ts';
import { selectRow, selectRows } from './db/rows.ts';
import { type DeliveredEvent, EventBus } from './events.ts';

// The promises of the outbox, stated over the ways they could fail: handlers that throw, nodes racing for the same
// work, nodes that write but never deliver, consumers added later, and rolled-back writes.

let database: Database & { url?: string };
let second: Database | null = null;
const buses: EventBus[] = [];
const fast = { pollMs: 20, retryBaseMs: 10, leaseSeconds: 30 };

beforeAll(async () => {
  database = await openTestDatabase();
  // A second node has its own connections to the same database (PostgreSQL); PGlite is one process, one connection.
  second = database.url ? await openPostgres(database.url, { migrate: false, max: 3 }) : null;
});
afterAll(async () => {
  await Promise.all(buses.map((b) => b.stop()));
  await second?.close();
  await database.close();
});

/** A bus as a node has it, tracked so the file stops it. */
function node() {
  const bus = new EventBus();
  buses.push(bus);
  return bus;
}
const emit = (bus: EventBus, type: string, n = 1, payload: Record<string, unknown> = {}) =>
  bus.transaction(database.db, async (_tx, e) => {
    for (let i = 0; i < n; i++) e({ type, orgId: null, payload: { ...payload, i } });
  });
const deliveries = (consumer: string) =>
  selectRows<{ status: string; attempts: number }>(database.db, sql`select status, attempts from event_deliveries where consumer = ${consumer}`);

describe('durable domain events', () => {
  it('a handler that fails twice, then succeeds, handles the event once and leaves nothing to deliver', async () => {
    const bus = node();
    const seen: number[] = [];
    let calls = 0;
    bus.on('probe.flaky', 'flaky', async (e) => {
      calls++;
      if (calls <= 2) throw new Error(`transient failure ${calls}`);
      seen.push(e.id);
    });
    await bus.start(database.db, fast);
    await emit(bus, 'probe.flaky');
    await eventually(() => seen.length, (n) => n === 1, 5000);
    await new Promise((r) => setTimeout(r, 200));
    expect(calls).toBe(3);
    expect(seen).toHaveLength(1);
    expect(await deliveries('flaky:probe.flaky')).toEqual([]);
  });

  it('parks a delivery that keeps failing as dead after its attempts, with the error, and retries it on request', async () => {
    const bus = node();
    let healthy = false;
    const handled: number[] = [];
    bus.on('probe.broken', 'broken', async (e) => {
      if (!healthy) throw new Error('mail server refused');
      handled.push(e.id);
    });
    await bus.start(database.db, { ...fast, maxAttempts: 3 });
    await emit(bus, 'probe.broken');
    const dead = await eventually(() => deliveries('broken:probe.broken'), (rows) => rows[0]?.status === 'dead', 5000);
    expect(dead).toEqual([{ status: 'dead', attempts: 3 }]);
    const err = await selectRow<{ last_error: string }>(database.db, sql`select last_error from event_deliveries where consumer = 'broken:probe.broken'`);
    expect(err?.last_error).toBe('mail server refused');
    // Parked means parked: no further attempts on its own.
    await new Promise((r) => setTimeout(r, 200));
    expect(handled).toEqual([]);
    healthy = true;
    await database.db.execute(sql`update event_deliveries set status = 'pending', attempts = 0, run_after = now() where consumer = 'broken:probe.broken'`);
    await eventually(() => handled.length, (n) => n === 1, 5000);
    expect(await deliveries('broken:probe.broken')).toEqual([]);
  });

  it('delivers what a node committed but never delivered (it died, or does not deliver) once another node runs', async () => {
    const writer = node();
    writer.on('probe.orphan', 'late', () => {});
    await writer.start(database.db, { ...fast, enabled: false });
    await emit(writer, 'probe.orphan', 3);
    expect(await deliveries('late:probe.orphan')).toHaveLength(3);
    const reader = node();
    const got: number[] = [];
    reader.on('probe.orphan', 'late', (e) => void got.push(e.id));
    await reader.start(database.db, fast);
    await eventually(() => got.length, (n) => n === 3, 5000);
    expect(new Set(got).size).toBe(3);
    expect(await deliveries('late:probe.orphan')).toEqual([]);
  });

  it('two nodes share the work: every event reaches every consumer exactly once, whoever commits and however they race', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ writer: fc.integer({ min: 0, max: 2 }), burst: fc.integer({ min: 1, max: 4 }) }), { minLength: 1, maxLength: 8 }), fc.integer({ min: 0, max: 3 }), async (writes, delay) => {
        const tag = `race${Math.random().toString(36).slice(2, 8)}`;
        const handled: string[] = [];
        const handler = (who: string) => async (e: DeliveredEvent) => {
          if (delay) await new Promise((r) => setTimeout(r, delay));
          handled.push(`${who}|${e.id}`);
        };
        // Node A and B deliver (A on the first connection, B on its own when PostgreSQL); node C only writes.
        const [a, b, c] = [node(), node(), node()];
        for (const bus of [a, b, c]) {
          bus.on(`${tag}.happened`, 'ledger', handler('ledger'));
          bus.on(`${tag}.happened`, 'mail', handler('mail'));
        }
        await a.start(database.db, fast);
        await b.start(second?.db ?? database.db, fast);
        await c.start(database.db, { ...fast, enabled: false });
        const writers = [a, b, c];
        await Promise.all(writes.map((w) => emit(writers[w.writer], `${tag}.happened`, w.burst)));
        const total = writes.reduce((s, w) => s + w.burst, 0);
        await eventually(() => handled.length, (n) => n >= 2 * total, 8000);
        await new Promise((r) => setTimeout(r, 60));
        await Promise.all([a.stop(), b.stop(), c.stop()]);
        expect(handled).toHaveLength(2 * total);
        expect(new Set(handled).size).toBe(2 * total);
        const left = await selectRow<{ n: number }>(database.db, sql`select count(*)::int as n from event_deliveries where consumer like ${'%' + tag + '%'}`);
        expect(Number(left?.n)).toBe(0);
      }),
      { numRuns: 6 },
    );
  });

  it('a rolled-back write emits nothing and leaves no delivery', async () => {
    const bus = node();
    const got: number[] = [];
    bus.on('probe.rolled_back', 'rb', (e) => void got.push(e.id));
    await bus.start(database.db, fast);
    await expect(
      bus.transaction(database.db, async (_tx, e) => {
        e({ type: 'probe.rolled_back', orgId: null, payload: {} });
        throw new Error('rule broken');
      }),
    ).rejects.toThrow('rule broken');
    await new Promise((r) => setTimeout(r, 100));
    expect(got).toEqual([]);
    const n = await selectRow<{ n: number }>(database.db, sql`select count(*)::int as n from domain_events where type = 'probe.rolled_back'`);
    expect(Number(n?.n)).toBe(0);
  });

  it('a consumer seen for the first time replays the retained history when it asks to, once; others start from now', async () => {
    const old = node();
    await old.start(database.db, fast);
    await emit(old, 'probe.history', 4);
    const ledger = node();
    const replayed: number[] = [];
    const fresh: number[] = [];
    ledger.on('probe.history', 'ledger', (e) => void replayed.push(e.id), { replay: true });
    ledger.on('probe.history', 'fresh', (e) => void fresh.push(e.id));
    await ledger.start(database.db, fast);
    await eventually(() => replayed.length, (n) => n === 4, 5000);
    expect(fresh).toEqual([]);
    // A restart (or a second node starting) knows the consumer: no second replay.
    const again = node();
    const twice: number[] = [];
    again.on('probe.history', 'ledger', (e) => void twice.push(e.id), { replay: true });
    await again.start(database.db, fast);
    await new Promise((r) => setTimeout(r, 150));
    expect(twice).toEqual([]);
    await emit(ledger, 'probe.history', 1);
    await eventually(() => fresh.length, (n) => n === 1, 5000);
    expect(replayed.length + twice.length).toBe(5);
  });

  it('prunes delivered events past the retention and keeps those still to deliver or parked', async () => {
    const bus = node();
    bus.on('probe.prune', 'parked', () => {
      throw new Error('never works');
    });
    await bus.start(database.db, { ...fast, enabled: false, retentionDays: 7 });
    await emit(bus, 'probe.prune', 2);
    await emit(bus, 'probe.prune_done', 3);
    await database.db.execute(sql`update domain_events set created_at = now() - interval '8 days' where type in ('probe.prune', 'probe.prune_done')`);
    await emit(bus, 'probe.prune_done', 1);
    expect(await bus.prune()).toBe(3);
    const left = await selectRows<{ type: string }>(database.db, sql`select type from domain_events where type like 'probe.prune%' order by id`);
    expect(left.map((r) => r.type)).toEqual(['probe.prune', 'probe.prune', 'probe.prune_done']);
  });

  it('a handler that outlives half its lease counts as failed and is tried again; a stale run cannot settle the new claim', async () => {
    const bus = node();
    let calls = 0;
    const finished: number[] = [];
    bus.on('probe.slow', 'slow', async () => {
      const call = ++calls;
      if (call === 1) await new Promise((r) => setTimeout(r, 900));
      finished.push(call);
    });
    await bus.start(database.db, { ...fast, leaseSeconds: 1 });
    await emit(bus, 'probe.slow');
    await eventually(() => finished, (f) => f.includes(2), 8000);
    await new Promise((r) => setTimeout(r, 600)); // the first run ends now, long after its claim was given up
    expect(finished.sort()).toEqual([1, 2]);
    expect(await deliveries('slow:probe.slow')).toEqual([]);
    const err = await selectRow<{ n: number }>(database.db, sql`select count(*)::int as n from event_deliveries where consumer = 'slow:probe.slow'`);
    expect(Number(err?.n)).toBe(0);
  });

  it('parks a delivery that used its attempts without ever being settled (its handler kept killing the node)', async () => {
    const bus = node();
    bus.on('probe.crashing', 'crashing', () => {});
    await bus.start(database.db, { ...fast, enabled: false, maxAttempts: 3 });
    await emit(bus, 'probe.crashing');
    // Three claims whose node died each time: attempts counted, lease run out, no failure ever recorded.
    await database.db.execute(sql`update event_deliveries set attempts = 3, run_after = now() - interval '1 second' where consumer = 'crashing:probe.crashing'`);
    const reader = node();
    reader.on('probe.crashing', 'crashing', () => {});
    await reader.start(database.db, { ...fast, maxAttempts: 3 });
    const rows = await eventually(
      () => selectRows<{ status: string; last_error: string }>(database.db, sql`select status, last_error from event_deliveries where consumer = 'crashing:probe.crashing'`),
      (r) => r[0]?.status === 'dead',
      5000,
    );
    expect(rows).toEqual([{ status: 'dead', last_error: 'did not finish within its lease' }]);
  });

  it('does an effect outside the database once per event and key, however often the event is delivered, and again after it failed', async () => {
    const bus = node();
    const sent: string[] = [];
    let mailServerUp = false;
    bus.on('probe.mail', 'mailer', async (e) => {
      for (const to of ['ann', 'bo']) {
        await bus.once(e, 'mailer', `mail:${to}`, async () => {
          if (to === 'bo' && !mailServerUp) throw new Error('mail server down');
          sent.push(to);
        });
      }
    });
    await bus.start(database.db, fast);
    await emit(bus, 'probe.mail');
    await eventually(() => deliveries('mailer:probe.mail'), (r) => r[0]?.attempts >= 2, 5000);
    expect(sent).toEqual(['ann']);
    mailServerUp = true;
    await eventually(() => sent, (s) => s.includes('bo'), 5000);
    const [event] = await selectRows<{ id: number }>(database.db, sql`select id from domain_events where type = 'probe.mail'`);
    // Delivered again (a node died before it could settle it): nobody is mailed twice.
    await eventually(() => deliveries('mailer:probe.mail'), (r) => r.length === 0, 5000);
    await database.db.execute(sql`insert into event_deliveries (event_id, consumer) values (${event.id}, 'mailer:probe.mail')`);
    await eventually(() => deliveries('mailer:probe.mail'), (r) => r.length === 0, 5000);
    expect(sent).toEqual(['ann', 'bo']);
  });
});
