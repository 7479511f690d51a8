// bench/events (a): what emitting one event with two consumers adds to a write transaction, for the EventBus outbox
// and for pg-boss sending inside the same transaction; and whether each rolls back with the change.
import { sql } from 'drizzle-orm';
import type PgBoss from 'pg-boss';
import type { Db, DbOrTx } from '../../server/src/kernel/db/database.ts';
import { selectRow } from '../../server/src/kernel/db/rows.ts';
import { EventBus } from '../../server/src/kernel/events.ts';
import { inTransaction } from './pgboss.ts';
import { now, type Spread, spread } from './stats.ts';

/** The change every variant makes: one small row, answering its id. */
export async function insertRow(tx: DbOrTx): Promise<number> {
  const row = await selectRow<{ id: number }>(tx, sql`insert into bench_writes (note) values (${'a small row'}) returning id`);
  return Number(row?.id);
}

export interface WriteCost {
  iterations: number;
  variants: Record<string, Spread & { p50Ratio: number; p95Ratio: number }>;
  /** Does a transaction that fails after emitting/sending leave no event or job behind (pg-boss: the job was seen inside it first)? */
  atomic: { eventBus: boolean; pgBossSend: boolean };
}

const count = async (db: DbOrTx, query: ReturnType<typeof sql>) => Number((await selectRow<{ n: number }>(db, query))?.n ?? 0);

export async function measureWriteCost(db: Db, boss: PgBoss, iterations: number, warmup: number): Promise<WriteCost> {
  const bus = new EventBus();
  bus.on('bench.written', 'first', () => {});
  bus.on('bench.written', 'second', () => {});
  await bus.start(db, { enabled: false }); // records the consumers; delivery is off, so only the write is timed
  await boss.createQueue('bench-first');
  await boss.createQueue('bench-second');

  const variants: Record<string, () => Promise<unknown>> = {
    baseline: () => db.transaction(async (tx) => insertRow(tx)),
    eventBus: () =>
      bus.transaction(db, async (tx, emit) => {
        const id = await insertRow(tx);
        emit({ type: 'bench.written', orgId: null, payload: { id } });
      }),
    // The usual pg-boss way to reach two consumers: one job per consumer's queue, each `send` joining the transaction.
    pgBossSend: () =>
      db.transaction(async (tx) => {
        const id = await insertRow(tx);
        const via = inTransaction(tx);
        await boss.send('bench-first', { id }, { db: via });
        await boss.send('bench-second', { id }, { db: via });
      }),
    // Both jobs in one statement (`insert`), the nearest to the outbox's one insert per table.
    pgBossInsert: () =>
      db.transaction(async (tx) => {
        const id = await insertRow(tx);
        await boss.insert([{ name: 'bench-first', data: { id } }, { name: 'bench-second', data: { id } }], { db: inTransaction(tx) });
      }),
  };
  const names = Object.keys(variants);
  const times: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  // Interleaved, with the order rotated each round, so drift in the machine's load falls on every variant alike.
  for (let i = 0; i < warmup + iterations; i++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(i + k) % names.length];
      const t0 = now();
      await variants[name]();
      if (i >= warmup) times[name].push(now() - t0);
    }
  }
  const base = spread(times.baseline);
  const out: WriteCost['variants'] = {};
  for (const name of names) {
    const s = spread(times[name]);
    out[name] = { ...s, p50Ratio: Math.round((s.p50 / base.p50) * 100) / 100, p95Ratio: Math.round((s.p95 / base.p95) * 100) / 100 };
  }

  // A change that fails after the event was emitted / the jobs were sent must leave nothing behind.
  const failing = new Error('the change fails after emitting');
  const events = sql`select count(*)::int as n from domain_events`;
  const jobs = sql`select count(*)::int as n from pgboss.job where name in ('bench-first', 'bench-second')`;
  const eventsBefore = await count(db, events);
  await bus
    .transaction(db, async (tx, emit) => {
      emit({ type: 'bench.written', orgId: null, payload: { id: await insertRow(tx) } });
      throw failing;
    })
    .catch((err) => {
      if (err !== failing) throw err;
    });
  const jobsBefore = await count(db, jobs);
  let jobsInside = 0;
  await db
    .transaction(async (tx) => {
      const id = await insertRow(tx);
      await boss.send('bench-first', { id }, { db: inTransaction(tx) });
      jobsInside = await count(tx, jobs);
      throw failing;
    })
    .catch((err) => {
      if (err !== failing) throw err;
    });
  const atomic = { eventBus: (await count(db, events)) === eventsBefore, pgBossSend: jobsInside === jobsBefore + 1 && (await count(db, jobs)) === jobsBefore };
  await bus.stop();
  return { iterations, variants: out, atomic };
}
