// bench/outage: how soon a node works again after a PostgreSQL outage. A real `hearth start` runs on a PostgreSQL
// cluster of its own (initdb in a temporary folder); four writers post replies without pause while PostgreSQL is
// stopped (alternately a clean `fast` stop and a crash-like `immediate` one), left down, and started again, several
// times. Per cycle: recovery = from the moment PostgreSQL accepts connections again (polled every 10 ms) to the end of
// the first write that started after it and succeeded; live = to the first `changed` message heard on a socket that
// reconnected after it; baseline = PostgreSQL's own start (`pg_ctl start -w`), measured in the same cycle.
// Usage: npx tsx bench/outage/run.ts [--cycles 6] [--down-ms 2000]
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { httpSignIn, startServer } from '../../server/test/spawn-server.ts';
import { createThrowawayPostgres, hasPostgresBinaries, PG_BIN } from '../../server/test/throwaway-postgres.ts';
import { liveClient } from '../../server/test/ws-client.ts';
import { machine, writeResult, writeResultsSection } from '../lib.ts';

const { values } = parseArgs({ options: { cycles: { type: 'string', default: '6' }, 'down-ms': { type: 'string', default: '2000' } } });
const cycles = Number(values.cycles);
const downMs = Number(values['down-ms']);
if (!hasPostgresBinaries()) throw new Error(`initdb/pg_ctl not found in ${PG_BIN} (set PG_BIN)`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Resolves with the time PostgreSQL first accepts a connection (and a query), polling every 10 ms. */
async function acceptingAt(url: string): Promise<number> {
  for (;;) {
    const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 500 });
    c.on('error', () => {});
    try {
      await c.connect();
      await c.query('select 1');
      return Date.now();
    } catch {
      await sleep(10);
    } finally {
      await c.end().catch(() => {});
    }
  }
}

const loadBefore = Number(loadavg()[0].toFixed(1));
const cluster = await createThrowawayPostgres();
await cluster.start();
const node = await startServer({ DATABASE_URL: cluster.url, HEARTH_DEMO: 'on', NODE_ID: 'outage-bench', POSTS_PER_MINUTE: '1000000', API_RATE_LIMIT_PER_MINUTE: '1000000' });
type Answer = { start: number; end: number; status: number; retryAfter: string | null };
const answers: Answer[] = [];
let unreachable = 0;
const rows: { mode: string; pgStartMs: number; recoveryMs: number; liveMs: number; outage503: number; firstDownMs: number }[] = [];
let live: ReturnType<typeof liveClient> | undefined;
let writing = true;
const writers: Promise<void>[] = [];
try {
  const admin = await httpSignIn(node.url, 'admin@example.com', 'hearth-demo');
  const reader = await httpSignIn(node.url, 'sam.okafor@example.com', 'hearth-demo');
  const get = async (path: string) => (await fetch(`${node.url}${path}`, { headers: { cookie: admin.cookie } })).json();
  const communities = (await get('/api/communities?limit=50')) as { items: { id: string; visibility: string; membership?: { status: string } }[] };
  const community = communities.items.find((c) => c.visibility === 'open' && c.membership?.status === 'active');
  const threadId = ((await get(`/api/communities/${community?.id}/threads`)) as { items: { id: string }[] }).items[0].id;
  live = liveClient(`${node.url.replace('http', 'ws')}/api/ws`, { cookie: reader.cookie, origin: node.url }, `thread:${threadId}`);
  const writer = async (w: number) => {
    for (let i = 0; writing; i++) {
      const start = Date.now();
      try {
        const res = await fetch(`${node.url}/api/threads/${threadId}/posts`, {
          method: 'POST',
          headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'application/json' },
          body: JSON.stringify({ body: `bench writer ${w}, reply ${i}` }),
        });
        await res.arrayBuffer();
        answers.push({ start, end: Date.now(), status: res.status, retryAfter: res.headers.get('retry-after') });
        if (res.status !== 201) await sleep(20);
      } catch {
        unreachable++;
        await sleep(20);
      }
    }
  };
  for (let w = 0; w < 4; w++) writers.push(writer(w));
  await sleep(1500);

  for (let i = 0; i < cycles; i++) {
    const mode = i % 2 ? 'immediate' : 'fast';
    const down = Date.now();
    await cluster.stop(mode);
    await sleep(downMs);
    if (node.proc.exitCode !== null) throw new Error(`the node ended during outage ${i + 1}:\n${node.output()}`);
    const startCalled = Date.now();
    const accepting = acceptingAt(cluster.url);
    await cluster.start();
    const pgStartMs = Date.now() - startCalled;
    const up = await accepting;
    const deadline = Date.now() + 30_000;
    while (!answers.some((a) => a.start >= up && a.status === 201) && Date.now() < deadline) await sleep(5);
    while (!live.state.changed.some((c) => c.opened > up) && Date.now() < deadline) await sleep(5);
    const first = answers.find((a) => a.start >= up && a.status === 201);
    const heard = live.state.changed.find((c) => c.opened > up);
    const during = answers.filter((a) => a.start > down && a.end < up);
    rows.push({
      mode,
      pgStartMs,
      recoveryMs: first ? first.end - up : Number.NaN,
      liveMs: heard ? heard.at - up : Number.NaN,
      outage503: during.filter((a) => a.status === 503 && a.retryAfter === '5').length,
      firstDownMs: (answers.find((a) => a.start > down && a.status === 503)?.end ?? Number.NaN) - down,
    });
    console.log(`cycle ${i + 1} (${mode}): PostgreSQL start ${pgStartMs} ms; first write ${rows[i].recoveryMs} ms and live update ${rows[i].liveMs} ms after it accepted connections`);
    await sleep(1000);
  }
} finally {
  writing = false;
  await Promise.all(writers);
  live?.close();
  await node.stop();
  await cluster.remove();
}

const other = answers.filter((a) => a.status !== 201 && !(a.status === 503 && a.retryAfter === '5'));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const summary = {
  cycles,
  downMs,
  recoveryMs: { median: median(rows.map((r) => r.recoveryMs)), max: Math.max(...rows.map((r) => r.recoveryMs)) },
  liveMs: { median: median(rows.map((r) => r.liveMs)), max: Math.max(...rows.map((r) => r.liveMs)) },
  pgStartMs: { median: median(rows.map((r) => r.pgStartMs)) },
  writes: answers.length,
  answered503: answers.length - other.length - answers.filter((a) => a.status === 201).length,
  otherStatuses: other.map((a) => a.status),
  unreachable,
  loadAverage1m: [loadBefore, Number(loadavg()[0].toFixed(1))],
};
console.log(JSON.stringify(summary));
writeResult('outage', { machine: machine(), summary, rows });
const s = (ms: number) => (ms / 1000).toFixed(2);
writeResultsSection(
  'outage',
  `## Database outage recovery (bench/outage)

\`npm run bench:outage\`: a real \`hearth start\` on a PostgreSQL 15 cluster of its own; four writers post replies
without pause while PostgreSQL is stopped for ${s(downMs)} s and started again, ${cycles} times (alternately \`fast\` and
\`immediate\`). Recovery: from PostgreSQL accepting connections again to the end of the first write that started after
it and succeeded. Live: to the first \`changed\` message on a socket that reconnected after it (the node closes its
sockets once it listens again; the client waits 200 ms before reconnecting). Baseline: PostgreSQL's own \`pg_ctl start -w\`.

| cycle | stop | PostgreSQL start (s) | recovery (s) | live updates (s) | first 503 after the stop (s) | 503s with Retry-After during the outage |
|---:|---|---:|---:|---:|---:|---:|
${rows.map((r, i) => `| ${i + 1} | ${r.mode} | ${s(r.pgStartMs)} | ${s(r.recoveryMs)} | ${s(r.liveMs)} | ${s(r.firstDownMs)} | ${r.outage503} |`).join('\n')}

Median recovery ${s(summary.recoveryMs.median)} s (max ${s(summary.recoveryMs.max)} s; target ≤ 5 s), live updates ${s(summary.liveMs.median)} s
(max ${s(summary.liveMs.max)} s). ${summary.writes} write requests: ${summary.answered503} answered 503 with \`Retry-After: 5\`, the rest 201; ${summary.otherStatuses.length} other
answers, ${summary.unreachable} found the node unreachable. Load average ${summary.loadAverage1m[0]} → ${summary.loadAverage1m[1]}.
_Run: ${machine().date}, Node ${machine().node}, ${machine().cpus} cores._`,
);
