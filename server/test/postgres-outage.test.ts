// Every pg client of a node through a PostgreSQL stop, in this process: one idle in the pool, one checked out between
// two queries of a transaction, one in the middle of a query, and the bus's listening client. Without a permanent
// `error` listener on each, the stop throws an unhandled 'error' event and vitest fails the run.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScopedCache } from '../src/kernel/cache.ts';
import { type Database, openPostgres } from '../src/kernel/db/database.ts';
import { isDatabaseUnavailable } from '../src/kernel/errors.ts';
import { type BusConnectionState, type ChannelBus, createPostgresBus } from '../src/kernel/realtime/channel-bus.ts';
import { createThrowawayPostgres, hasPostgresBinaries, PG_BIN, type ThrowawayPostgres } from './throwaway-postgres.ts';

const ci = process.env.CI === 'true';
const installed = hasPostgresBinaries();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(ok: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (!ok() && Date.now() < end) await sleep(20);
  return ok();
}

/** How a promise settled: 'ok', or 'unavailable' for an outage error, or the unexpected error's message. */
const outcome = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (err) => (isDatabaseUnavailable(err) ? 'unavailable' : String(err)),
  );

describe.skipIf(!installed && !ci)('pg clients through a PostgreSQL stop', () => {
  let cluster: ThrowawayPostgres | undefined;
  let database: Database | undefined;
  let bus: ChannelBus | undefined;
  const logged: string[] = [];

  beforeAll(async () => {
    if (!installed) throw new Error(`initdb/pg_ctl not found in ${PG_BIN} (set PG_BIN): in CI the outage tests must run`);
    cluster = await createThrowawayPostgres();
    await cluster.start();
    const log = (m: string) => void logged.push(m);
    database = await openPostgres(cluster.url, { migrate: false, max: 4, log });
    bus = await createPostgresBus(cluster.url, database.pool as NonNullable<Database['pool']>, log, { firstMs: 50, maxMs: 400 });
  }, 60_000);

  afterAll(async () => {
    await bus?.close();
    await database?.close();
    await cluster?.remove();
  });

  it('no client error escapes; queries fail as outages; the bus reports each loss and return once, listens again, and caches keep nothing meanwhile', async () => {
    const pg = cluster as ThrowawayPostgres;
    const { db, pool } = database as Database;
    const listening = bus as ChannelBus;
    const states: BusConnectionState[] = [];
    listening.onConnection((s) => states.push(s));
    const heard: unknown[] = [];
    listening.subscribe(({ message }) => heard.push(message.n));
    const cache = new ScopedCache<string>(listening, 'outage-test', { ttlMs: 60_000, max: 10 });

    for (const mode of ['fast', 'immediate'] as const) {
      // Four connections open, then three of them put to work in different states.
      await Promise.all([1, 2, 3, 4].map(() => pool?.query('select 1')));
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      const transaction = outcome(
        db.transaction(async (tx) => {
          await tx.execute(sql`select 1`);
          await held; // application code between two statements: the client is checked out, with no query running
          await tx.execute(sql`select 1`);
        }),
      );
      const midQuery = outcome(db.execute(sql`select pg_sleep(10)`));
      cache.set('before', 'org', 'v');
      await sleep(100);

      await pg.stop(mode);
      expect(await midQuery, mode).toBe('unavailable');
      expect(await until(() => states.length % 2 === 1, 2000), `${mode}: the bus noticed`).toBe(true);
      release();
      expect(await transaction, mode).toBe('unavailable');
      expect(await outcome(db.execute(sql`select 1`)), mode).toBe('unavailable');
      // Deaf to other nodes' invalidations: nothing cached is served, nothing new is kept.
      expect(cache.get('before'), mode).toBeUndefined();
      cache.set('during', 'org', 'v');
      expect(cache.get('during'), mode).toBeUndefined();

      await pg.start();
      const up = Date.now();
      expect(await until(() => states.length % 2 === 0, 3000), `${mode}: the bus listens again`).toBe(true);
      expect(await outcome(db.execute(sql`select 1`)), mode).toBe('ok');
      await listening.publish('outage-test:notify', { n: mode });
      expect(await until(() => heard.includes(mode), 2000), `${mode}: a message after the return is heard`).toBe(true);
      expect(Date.now() - up, mode).toBeLessThan(5000);
      cache.set('after', 'org', 'v');
      expect(cache.get('after'), mode).toBe('v');
    }
    expect(states).toEqual(['lost', 'restored', 'lost', 'restored']);
    expect(logged.filter((m) => m.startsWith('live updates paused'))).toHaveLength(2);
  }, 60_000);
});
