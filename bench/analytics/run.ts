// bench/analytics: p95 latency of every engagement-analytics endpoint on a 10k-person organization with a year of
// activity on PostgreSQL, through the real HTTP app, each as a ratio to a bare Fastify route timed the same way in
// the same run. Analytics read through DATABASE_READ_URL, here the same database over read-only sessions (what a
// replica gives), so the bench also shows that no analytics query writes.
// Usage: npx tsx bench/analytics/run.ts [--requests 40] [--postgres URL]
import { sql } from 'drizzle-orm';
import { loadavg } from 'node:os';
import Fastify from 'fastify';
import { buildApp } from '../../server/src/app.ts';
import { createDeps } from '../../server/src/boot.ts';
import { loadConfig } from '../../server/src/config.ts';
import { hashPassword } from '../../server/src/kernel/auth/passwords.ts';
import { defaultPgAdminUrl, machine, scratchPostgres, writeResult, writeResultsSection } from '../lib.ts';
import { SIZES, seedBenchOrg } from './org.ts';

const arg = (name: string, def: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : def;
};
const REQUESTS = Number(arg('requests', '40'));
const TARGET_P95_MS = 300;
const PASSWORD = 'bench-password';

const scratch = await scratchPostgres(arg('postgres', defaultPgAdminUrl), 'hearth_bench_analytics');
const t0 = performance.now();
const { orgId, counts } = await seedBenchOrg(scratch.database.db, await hashPassword(PASSWORD));
const seedSeconds = (performance.now() - t0) / 1000;
console.log(`seeded in ${seedSeconds.toFixed(1)} s`, counts);

const readUrl = `${scratch.url}?options=${encodeURIComponent('-c default_transaction_read_only=on')}`;
const config = loadConfig({ LOG_LEVEL: process.env.BENCH_LOG === '1' ? 'error' : 'silent', API_RATE_LIMIT_PER_MINUTE: '100000000', SIGNIN_PER_IP_PER_MINUTE: '1000', DATABASE_READ_URL: readUrl, EVENT_DELIVERY: 'off' });
const deps = await createDeps(config, scratch.database);
const app = await buildApp(deps, { logger: process.env.BENCH_LOG === '1' });
await app.listen({ port: 0, host: '127.0.0.1' });
const bare = Fastify({ logger: false });
bare.get('/bare', async () => ({ hello: 'world' }));
await bare.listen({ port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
const bareUrl = `http://127.0.0.1:${(bare.server.address() as { port: number }).port}/bare`;

async function signIn(email: string) {
  const res = await fetch(`${base}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD }) });
  if (res.status !== 200) throw new Error(`sign-in ${email}: ${res.status} ${await res.text()}`);
  return (res.headers.get('set-cookie') ?? '').split(';')[0];
}
const admin = await signIn('bench1@bench.example');
const manager = await signIn('bench10@bench.example');
const pick = async (s: ReturnType<typeof sql>) => ((await scratch.database.db.execute(s)).rows[0] as { id: string }).id;
const community = await pick(sql`select c.id from communities c where c.org_id = ${orgId} and c.visibility = 'open' order by (select count(*) from community_members m where m.community_id = c.id) desc, c.id limit 1`);
const program = await pick(sql`select id from programs where org_id = ${orgId} order by title limit 1`);
const team = await pick(sql`select id from people where email = 'bench10@bench.example'`);
const teamSize = await pick(sql`select count(*)::text as id from people where manager_id is not null and id in (with recursive r(id) as (select id from people where manager_id = ${team} union select p.id from people p join r on p.manager_id = r.id) select id from r)`);

/** Times `n` sequential GETs (after 3 untimed), in ms. */
async function timeRequests(url: string, cookie: string | null, n: number) {
  const headers: Record<string, string> = cookie ? { cookie } : {};
  for (let i = 0; i < 3; i++) await (await fetch(url, { headers })).arrayBuffer();
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const s = performance.now();
    const res = await fetch(url, { headers });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
    ms.push(performance.now() - s);
  }
  ms.sort((a, b) => a - b);
  const at = (p: number) => ms[Math.min(ms.length - 1, Math.ceil(p * ms.length) - 1)];
  return { p50: at(0.5), p95: at(0.95), max: ms[ms.length - 1] };
}

const scopes: [string, string, string][] = [
  ['organization', 'scope=organization', admin],
  ['department', `scope=department&id=${encodeURIComponent('Dept 7')}`, admin],
  ['community', `scope=community&id=${community}`, admin],
  ['program', `scope=program&id=${program}`, admin],
  [`team (${teamSize} people)`, 'scope=team', manager],
];
const sections = ['activity', 'questions', 'popular', 'funnels', 'live'];
const load = Number(loadavg()[0].toFixed(1));
const bareTime = await timeRequests(bareUrl, null, REQUESTS);
const rows: { endpoint: string; scope: string; p50: number; p95: number; max: number; ratio: number }[] = [];
for (const [scope, query, cookie] of scopes)
  for (const section of sections) {
    const r = await timeRequests(`${base}/api/analytics/${section}?${query}`, cookie, REQUESTS);
    rows.push({ endpoint: `GET /api/analytics/${section}`, scope, p50: round(r.p50), p95: round(r.p95), max: round(r.max), ratio: Math.round(r.p95 / bareTime.p95) });
    console.log(rows.at(-1));
  }
const scopesTime = await timeRequests(`${base}/api/analytics/scopes`, admin, REQUESTS);
rows.push({ endpoint: 'GET /api/analytics/scopes', scope: 'admin', p50: round(scopesTime.p50), p95: round(scopesTime.p95), max: round(scopesTime.max), ratio: Math.round(scopesTime.p95 / bareTime.p95) });
const readPoolUsed = (deps.readDatabase?.pool?.totalCount ?? 0) > 0;

await app.close();
await bare.close();
await deps.bus.close();
await deps.readDatabase?.close();
await scratch.database.close();
await scratch.drop();

function round(v: number) {
  return Math.round(v * 10) / 10;
}
const worst = rows.reduce((a, b) => (b.p95 > a.p95 ? b : a));
const verdict = `Worst p95: ${worst.endpoint} (${worst.scope}) ${worst.p95} ms (target ≤ ${TARGET_P95_MS} ms): ${worst.p95 <= TARGET_P95_MS ? 'met' : 'NOT met'}. Read pool (DATABASE_READ_URL, read-only sessions) used: ${readPoolUsed ? 'yes' : 'no'}.`;
console.table(rows);
console.log(verdict);
writeResult('analytics', { machine: machine(), load, requests: REQUESTS, sizes: SIZES, counts, seedSeconds, bare: bareTime, rows, readPoolUsed });
writeResultsSection(
  'analytics',
  `## Engagement analytics (bench/analytics)

A ${SIZES.people.toLocaleString('en')}-person organization on PostgreSQL with a year of history (${Object.entries(counts).map(([k, v]) => `${v.toLocaleString('en')} ${k}`).join(', ')}; 40 departments, an 8-ary reporting tree, ${SIZES.communities} communities, ${SIZES.threads.toLocaleString('en')} threads, ${SIZES.pathways} pathways, ${SIZES.programs} programs, ${SIZES.liveSessions} live sessions, ${SIZES.mentoring.toLocaleString('en')} mentoring relationships), seeded in ${seedSeconds.toFixed(0)} s. Each endpoint: ${REQUESTS} sequential requests through the real HTTP app (after 3 untimed), default range (the last 90 days); analytics read through \`DATABASE_READ_URL\` pointing at the same database with read-only sessions. Ratio = p95 / the p95 of a bare Fastify route timed the same way in the same process and run (bare p95 ${round(bareTime.p95)} ms; 1-minute load average ${load} when timing started: other work on the machine inflates both).

| endpoint | scope | p50 ms | p95 ms | max ms | p95 ratio to bare |
|---|---|---:|---:|---:|---:|
${rows.map((r) => `| ${r.endpoint} | ${r.scope} | ${r.p50} | ${r.p95} | ${r.max} | ${r.ratio} |`).join('\n')}

${verdict}
_Run: ${machine().date}, Node ${machine().node}, ${machine().cpus} cores._`,
);
process.exit(0);
