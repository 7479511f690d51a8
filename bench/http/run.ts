// bench/http: throughput and latency of GET /api/health and GET /api/people?limit=50 (signed in), each as a
// ratio to a bare Fastify route served by the same process in the same run, on PGlite and on PostgreSQL.
// autocannon runs in a child process so the load generator does not share the server's event loop.
// Usage: npx tsx bench/http/run.ts [--duration 10] [--connections 50] [--postgres URL]
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { ensureDemo } from '../../server/db/seeds/demo.ts';
import { buildApp } from '../../server/src/app.ts';
import { createDeps } from '../../server/src/boot.ts';
import { loadConfig } from '../../server/src/config.ts';
import { type Database, openPglite } from '../../server/src/kernel/db/database.ts';
import { defaultPgAdminUrl, machine, scratchPostgres, writeResult, writeResultsSection } from '../lib.ts';

const arg = (name: string, def: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : def;
};
const duration = Number(arg('duration', '10'));
const connections = Number(arg('connections', '50'));
const pgAdminUrl = arg('postgres', defaultPgAdminUrl);

interface Run {
  target: string;
  reqPerSec: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  /** 1-minute load average when the run started: other work on the machine skews the ratios. */
  load: number;
}

// Async on purpose: the server under test runs in this process and must keep serving while autocannon runs.
async function autocannon(name: string, url: string, headers: Record<string, string> = {}): Promise<Run> {
  const load = Number(loadavg()[0].toFixed(1));
  const args = ['node_modules/autocannon/autocannon.js', '-c', String(connections), '-d', String(duration), '-j', '--renderStatusCodes=false'];
  for (const [k, v] of Object.entries(headers)) args.push('-H', `${k}=${v}`);
  args.push(url);
  const { stdout } = await promisify(execFile)(process.execPath, args, { maxBuffer: 64 * 1024 * 1024 });
  const out = JSON.parse(stdout);
  return { target: name, reqPerSec: Math.round(out.requests.average), p50: out.latency.p50, p99: out.latency.p99, non2xx: out.non2xx, errors: out.errors, load };
}

async function benchDatabase(kind: 'pglite' | 'postgres') {
  let database: Database;
  let cleanup = async () => {};
  let dataDir: string | undefined;
  if (kind === 'pglite') {
    dataDir = mkdtempSync(join(tmpdir(), 'hearth-bench-'));
    database = await openPglite({ dataDir });
  } else {
    const scratch = await scratchPostgres(pgAdminUrl, 'hearth_bench');
    database = scratch.database;
    cleanup = scratch.drop;
  }
  await ensureDemo(database.db);
  const config = loadConfig({ LOG_LEVEL: 'silent', HEARTH_DATA_DIR: dataDir ?? tmpdir(), API_RATE_LIMIT_PER_MINUTE: '100000000', SIGNIN_PER_IP_PER_MINUTE: '1000' });
  const deps = await createDeps(kind === 'postgres' ? { ...config, DATABASE_URL: undefined } : config, database);
  const app = await buildApp(deps, { logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  // The baseline: a bare Fastify route in the same process.
  const bare = Fastify({ logger: false });
  bare.get('/bare', async () => ({ hello: 'world' }));
  await bare.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const bareUrl = `http://127.0.0.1:${(bare.server.address() as { port: number }).port}/bare`;
  const res = await fetch(`${base}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@example.com', password: 'hearth-demo' }) });
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
  const check = await fetch(`${base}/api/people?limit=50`, { headers: { cookie } });
  if ((await check.json()).items.length !== 50) throw new Error('directory page did not return 50 people');

  await autocannon('warm-up', `${base}/api/people?limit=50`, { cookie });
  const runs = [await autocannon('bare route', bareUrl), await autocannon('GET /api/health', `${base}/api/health`), await autocannon('GET /api/people?limit=50', `${base}/api/people?limit=50`, { cookie })];
  const baseline = runs[0].reqPerSec;
  await app.close();
  await bare.close();
  await deps.bus.close();
  await database.close();
  await cleanup();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  return runs.map((r) => ({ ...r, database: kind, ratio: Number((r.reqPerSec / baseline).toFixed(3)) }));
}

const only = arg('only', '');
const results = [...(only !== 'postgres' ? await benchDatabase('pglite') : []), ...(only !== 'pglite' ? await benchDatabase('postgres') : [])];
console.table(results);
const people = results.find((r) => r.database === 'postgres' && r.target.startsWith('GET /api/people'));
const verdict = people ? `Directory page of 50 on PostgreSQL: ${(people.ratio * 100).toFixed(0)}% of the bare route (target ≥ 40%), p99 ${people.p99} ms (target ≤ 50 ms).` : '';
console.log(verdict);
writeResult('http', { machine: machine(), duration, connections, results });
writeResultsSection(
  'http',
  `## HTTP (bench/http)

autocannon -c ${connections} -d ${duration}s in a separate process; server, database and load generator share the machine's ${machine().cpus} cores. Ratios are to a bare Fastify route in the same process and run. "load" is the machine's 1-minute load average when each run started: a ratio is only meaningful when the two runs saw similar load.

| database | target | req/s | p50 ms | p99 ms | ratio to bare | non-2xx | load |
|---|---|---:|---:|---:|---:|---:|---:|
${results.map((r) => `| ${r.database} | ${r.target} | ${r.reqPerSec} | ${r.p50} | ${r.p99} | ${r.ratio} | ${r.non2xx} | ${r.load} |`).join('\n')}

${verdict}
_Run: ${machine().date}, Node ${machine().node}._`,
);
