// bench/events: Hearth's table-driven EventBus (kernel/events.ts) against pg-boss 10, measured on one throwaway
// PostgreSQL database: (a) what one event with two consumers adds to a write transaction, and whether it rolls back
// with it; (b) commit-to-handler latency, one at a time and in bursts of 20; (c) how fast one and two nodes drain a
// backlog; (d) whether pg-boss starts on PGlite, Hearth's embedded default. Every wait is bounded; the database is
// dropped and every pg-boss stopped at the end.
// Usage: npx tsx bench/events/run.ts [--events 300] [--backlog 5000] [--iterations 300] [--postgres URL]
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { defaultPgAdminUrl, machine, scratchPostgres, writeResult, writeResultsSection } from '../lib.ts';
import { drainEventBus, drainPgBoss } from './drain.ts';
import { eventBusLatency, pgBossLatency } from './latency.ts';
import { probePglite, startBoss, stopBoss } from './pgboss.ts';
import { report } from './report.ts';
import { measureWriteCost } from './write-cost.ts';

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '300' },
    backlog: { type: 'string', default: '5000' },
    iterations: { type: 'string', default: '300' },
    postgres: { type: 'string', default: defaultPgAdminUrl },
  },
});
const events = Number(values.events);
const backlog = Number(values.backlog);
const iterations = Number(values.iterations);
const load = () => Number(loadavg()[0].toFixed(1));
const step = (msg: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(1)} s] ${msg}`);

// A last guard: whatever happens, the process ends (the database is dropped by the `finally` below first).
const watchdog = setTimeout(() => {
  console.error('bench:events took more than 8 minutes; giving up');
  process.exit(2);
}, 480_000);
watchdog.unref();

const started = Date.now();
const loadBefore = load();
const pgVersion = { value: '' };
const scratch = await scratchPostgres(values.postgres, 'bench_events', { max: 10 });
const { db } = scratch.database;
let boss: Awaited<ReturnType<typeof startBoss>> | undefined;
try {
  await scratch.database.pool!.query('create table bench_writes (id bigserial primary key, note text not null, created_at timestamptz not null default now())');
  pgVersion.value = (await scratch.database.pool!.query('show server_version')).rows[0].server_version;
  const bossStart = Date.now();
  boss = await startBoss(scratch.url);
  const bossStartMs = Date.now() - bossStart;
  step(`pg-boss started in ${bossStartMs} ms`);

  const writeCost = await measureWriteCost(db, boss, iterations, 30);
  step('write cost measured');
  // The write-cost outbox rows are never delivered (no node consumes them): clear them so later phases start clean.
  await scratch.database.pool!.query('delete from event_deliveries; delete from domain_events');

  const latency = [
    ...(await eventBusLatency(db, events)),
    ...(await pgBossLatency(db, boss, events, undefined)),
    ...(await pgBossLatency(db, boss, events, 0.5)),
  ];
  step('latency measured');

  const loadDrain = load();
  const drain = [];
  for (const nodes of [1, 2]) drain.push(await drainEventBus(db, scratch.url, nodes, backlog));
  step('EventBus drains measured');
  for (const nodes of [1, 2]) drain.push(await drainPgBoss(boss, scratch.url, nodes, backlog, { batchSize: 100, pollingIntervalSeconds: 0.5 }));
  step('pg-boss drains measured');
  await stopBoss(boss);
  boss = undefined;

  const pglite = await probePglite();
  step(`PGlite probe: ${pglite.starts ? 'starts' : `fails: ${pglite.error}`}`);

  const result = {
    machine: { ...machine(), postgres: pgVersion.value, loadAverage1m: { start: loadBefore, drain: loadDrain, end: load() } },
    pgBossVersion: (await import('pg-boss/package.json', { with: { type: 'json' } })).default.version as string,
    pgBossStartMs: bossStartMs,
    writeCost,
    latency,
    drain,
    pglite,
    seconds: Math.round((Date.now() - started) / 100) / 10,
  };
  writeResult('events', result);
  writeResultsSection('events', report(result));
  step('written bench/results/events.json and the events section of bench/RESULTS.md');
  console.log(JSON.stringify({ writeCost: result.writeCost, latency: result.latency, drain: result.drain, pglite: result.pglite }, null, 2));
} finally {
  if (boss) await stopBoss(boss);
  await scratch.database.close().catch(() => {});
  await scratch.drop();
  clearTimeout(watchdog);
}
