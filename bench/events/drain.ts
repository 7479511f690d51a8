// bench/events (c): a backlog of events written while no node delivers, then drained by one or two delivering nodes
// (each with a pool of its own). Handlers do nothing but count, so this is the dispatcher's own cost.
import { sql } from 'drizzle-orm';
import type PgBoss from 'pg-boss';
import { type Db, openPostgres } from '../../server/src/kernel/db/database.ts';
import { selectRow } from '../../server/src/kernel/db/rows.ts';
import { EventBus } from '../../server/src/kernel/events.ts';
import { startBoss, stopBoss } from './pgboss.ts';
import { now, waitFor } from './stats.ts';

export interface DrainRow {
  system: string;
  nodes: number;
  events: number;
  seconds: number;
  perSecond: number;
  /** Handler runs beyond the first for one event (at-least-once allows them; they cost work). */
  duplicates: number;
  /** Handled by each node. */
  split: number[];
  /** Deliveries/jobs still not done once every handler ran (a moment later). */
  leftover: number;
}

function tally(n: number) {
  const seen = new Map<number, number>();
  return {
    seen,
    record: (seq: number) => seen.set(seq, (seen.get(seq) ?? 0) + 1),
    duplicates: () => [...seen.values()].reduce((s, c) => s + c - 1, 0),
    done: () => seen.size >= n,
  };
}

const row = (system: string, nodes: number, events: number, ms: number, t: ReturnType<typeof tally>, split: number[], leftover: number): DrainRow => ({
  system,
  nodes,
  events,
  seconds: Math.round(ms) / 1000,
  perSecond: Math.round(events / (ms / 1000)),
  duplicates: t.duplicates(),
  split,
  leftover,
});

/** EventBus: the backlog is written by a node with delivery off (100 events a transaction), then `nodes` nodes start. */
export async function drainEventBus(db: Db, url: string, nodes: number, events: number): Promise<DrainRow> {
  const writer = new EventBus();
  writer.on('bench.drain', 'drain', () => {});
  await writer.start(db, { enabled: false });
  for (let i = 0; i < events; i += 100) {
    await writer.transaction(db, async (_tx, emit) => {
      for (let j = i; j < Math.min(events, i + 100); j++) emit({ type: 'bench.drain', orgId: null, payload: { seq: j } });
    });
  }
  const t = tally(events);
  const split = Array.from({ length: nodes }, () => 0);
  const dbs = await Promise.all(split.map(() => openPostgres(url, { migrate: false, max: 10 })));
  const buses = dbs.map((_, k) => {
    const bus = new EventBus((err) => console.error('EventBus:', err));
    bus.on('bench.drain', 'drain', (e) => {
      t.record(Number(e.payload.seq));
      split[k]++;
    });
    return bus;
  });
  try {
    const t0 = now();
    await Promise.all(buses.map((bus, k) => bus.start(dbs[k].db))); // each node's first poll drains what is due
    await waitFor('EventBus drain', t.done, 90_000);
    const ms = now() - t0;
    await Promise.all(buses.map((bus) => bus.stop()));
    const left = await selectRow<{ n: number }>(db, sql`select count(*)::int as n from event_deliveries where consumer = 'drain:bench.drain'`);
    return row('EventBus', nodes, events, ms, t, split, Number(left?.n ?? 0));
  } finally {
    await Promise.all(buses.map((bus) => bus.stop()));
    await Promise.all(dbs.map((d) => d.close()));
  }
}

/**
 * pg-boss: the backlog is inserted (500 jobs a statement) with no worker, then `nodes` pg-boss instances (each its
 * own pool, started before the clock) each run one worker fetching `batchSize` jobs every `pollingIntervalSeconds`.
 */
export async function drainPgBoss(
  boss: PgBoss,
  url: string,
  nodes: number,
  events: number,
  work: { batchSize: number; pollingIntervalSeconds: number },
): Promise<DrainRow> {
  const queue = `bench-drain-${nodes}`;
  await boss.createQueue(queue);
  for (let i = 0; i < events; i += 500) {
    await boss.insert(Array.from({ length: Math.min(500, events - i) }, (_, j) => ({ name: queue, data: { seq: i + j } })));
  }
  const t = tally(events);
  const split = Array.from({ length: nodes }, () => 0);
  const bosses = await Promise.all(split.map(() => startBoss(url)));
  try {
    const t0 = now();
    await Promise.all(
      bosses.map((b, k) =>
        b.work<{ seq: number }>(queue, work, async (jobs) => {
          for (const job of jobs) t.record(job.data.seq);
          split[k] += jobs.length;
        }),
      ),
    );
    await waitFor('pg-boss drain', t.done, 90_000);
    const ms = now() - t0;
    await Promise.all(bosses.map((b) => b.offWork(queue)));
    const left = await boss.getQueueSize(queue);
    return row(`pg-boss (batch ${work.batchSize}, ${work.pollingIntervalSeconds} s polling)`, nodes, events, ms, t, split, left);
  } finally {
    await Promise.all(bosses.map((b) => stopBoss(b)));
  }
}
