// bench/events (b): from commit to the handler running, one event per write transaction, written one at a time
// (a random 10–50 ms apart) and in bursts of 20 concurrent writes (a random 200–500 ms apart).
import type PgBoss from 'pg-boss';
import type { Db } from '../../server/src/kernel/db/database.ts';
import { EventBus } from '../../server/src/kernel/events.ts';
import { inTransaction } from './pgboss.ts';
import { latencies, now, type Spread, sleep, spread, waitFor } from './stats.ts';
import { insertRow } from './write-cost.ts';

export type Pattern = 'sequential' | 'bursts';
export interface LatencyRow {
  system: string;
  pattern: Pattern;
  spread: Spread;
  /** Events written but never handled within the wait (should be 0). */
  lost: number;
}

/** A small seeded generator, so every system sees the same gaps. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let nextSeq = 1;

/** Writes `n` events in `pattern` through `write(seq)` and answers commit-to-handler latencies. */
async function run(write: (seq: number) => Promise<void>, handledAt: Map<number, number>, pattern: Pattern, n: number, waitMs: number) {
  const committedAt = new Map<number, number>();
  const rnd = random(pattern === 'sequential' ? 1 : 2);
  const first = nextSeq;
  nextSeq += n;
  const one = async (seq: number) => {
    await write(seq);
    committedAt.set(seq, now());
  };
  if (pattern === 'sequential') {
    for (let i = 0; i < n; i++) {
      await one(first + i);
      await sleep(10 + rnd() * 40);
    }
  } else {
    for (let b = 0; b < n / 20; b++) {
      await Promise.all(Array.from({ length: 20 }, (_, i) => one(first + b * 20 + i)));
      await sleep(200 + rnd() * 300);
    }
  }
  const mine = () => [...committedAt.keys()].filter((s) => handledAt.has(s)).length;
  await waitFor(`${pattern} events to be handled`, () => mine() === committedAt.size, waitMs).catch(() => {});
  return { lat: latencies(committedAt, handledAt), lost: committedAt.size - mine() };
}

/** The EventBus on its defaults (1 s poll): the committing node claims and handles its events at once. */
export async function eventBusLatency(db: Db, n: number): Promise<LatencyRow[]> {
  const handledAt = new Map<number, number>();
  const bus = new EventBus((err) => console.error('EventBus:', err));
  bus.on('bench.latency', 'latency', (e) => {
    const seq = Number(e.payload.seq);
    if (!handledAt.has(seq)) handledAt.set(seq, now());
  });
  await bus.start(db);
  const write = (seq: number) =>
    bus.transaction(db, async (tx, emit) => {
      await insertRow(tx);
      emit({ type: 'bench.latency', orgId: null, payload: { seq } });
    });
  const rows: LatencyRow[] = [];
  try {
    for (const pattern of ['sequential', 'bursts'] as const) {
      const { lat, lost } = await run(write, handledAt, pattern, n, 10_000);
      rows.push({ system: 'EventBus', pattern, spread: spread(lat), lost });
    }
  } finally {
    await bus.stop();
  }
  return rows;
}

/**
 * pg-boss: the job is sent inside the write's transaction; a worker on the same pg-boss fetches up to 100 jobs per
 * poll, enough never to fall behind here (its default is 1, which would leave a burst of 20 queued for 20 polls). `pollingIntervalSeconds` undefined
 * keeps pg-boss's default (2 s); 0.5 is the smallest it accepts.
 */
export async function pgBossLatency(db: Db, boss: PgBoss, n: number, pollingIntervalSeconds: number | undefined): Promise<LatencyRow[]> {
  const queue = `bench-latency-${pollingIntervalSeconds ?? 'default'}`.replace('.', '_');
  await boss.createQueue(queue);
  const handledAt = new Map<number, number>();
  const options = pollingIntervalSeconds === undefined ? { batchSize: 100 } : { batchSize: 100, pollingIntervalSeconds };
  await boss.work<{ seq: number }>(queue, options, async (jobs) => {
    const t = now();
    for (const job of jobs) if (!handledAt.has(job.data.seq)) handledAt.set(job.data.seq, t);
  });
  const write = (seq: number) =>
    db.transaction(async (tx) => {
      await insertRow(tx);
      await boss.send(queue, { seq }, { db: inTransaction(tx) });
    });
  const label = `pg-boss, ${pollingIntervalSeconds === undefined ? 'default 2 s' : `${pollingIntervalSeconds} s`} polling`;
  const rows: LatencyRow[] = [];
  try {
    for (const pattern of ['sequential', 'bursts'] as const) {
      const { lat, lost } = await run(write, handledAt, pattern, n, 15_000);
      rows.push({ system: label, pattern, spread: spread(lat), lost });
    }
  } finally {
    await boss.offWork(queue);
  }
  return rows;
}
