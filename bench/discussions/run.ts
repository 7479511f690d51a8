// bench/discussions: the thread page (first 50 posts with authors and reactions), search, and post → notification
// latency on another person's socket, on PostgreSQL with the large data set (10k people, 500 communities, 200k posts,
// 20k resources). HTTP figures are ratios to a bare Fastify route in the same process and run; autocannon runs in a
// child process. Usage: npx tsx bench/discussions/run.ts [--duration 10] [--connections 50] [--postgres URL] [--small]
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { tmpdir } from 'node:os';
import { sql } from 'drizzle-orm';
import Fastify from 'fastify';
import WebSocket from 'ws';
import { buildApp } from '../../server/src/app.ts';
import { createDeps } from '../../server/src/boot.ts';
import { loadConfig } from '../../server/src/config.ts';
import { defaultPgAdminUrl, machine, scratchPostgres, writeResult, writeResultsSection } from '../lib.ts';
import { generateScaleData, LARGE } from './generate.ts';

const arg = (name: string, def: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : def;
};
const duration = Number(arg('duration', '10'));
const connections = Number(arg('connections', '50'));
const small = process.argv.includes('--small');
const pgAdminUrl = arg('postgres', defaultPgAdminUrl);
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return Number(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))].toFixed(1));
};

async function autocannon(url: string, headers: Record<string, string> = {}) {
  const args = ['node_modules/autocannon/autocannon.js', '-c', String(connections), '-d', String(duration), '-j', '--renderStatusCodes=false'];
  for (const [k, v] of Object.entries(headers)) args.push('-H', `${k}=${v}`);
  args.push(url);
  const { stdout } = await promisify(execFile)(process.execPath, args, { maxBuffer: 64 * 1024 * 1024 });
  const out = JSON.parse(stdout);
  return { reqPerSec: Math.round(out.requests.average), p50: out.latency.p50, p99: out.latency.p99, non2xx: out.non2xx as number };
}

// 1. A fresh database with the large data set.
const scratch = await scratchPostgres(pgAdminUrl, 'hearth_bench_disc', { max: 10 });
const database = scratch.database;
const t0 = performance.now();
const { orgId, counts } = await generateScaleData(
  database.db,
  small ? { people: 1000, communities: 50, threads: 2000, postsPerThread: 10, resources: 2000, membersPerCommunity: 60 } : LARGE,
);
const generateSeconds = Number(((performance.now() - t0) / 1000).toFixed(1));
console.log('data:', counts, `generated in ${generateSeconds} s`);

// The benchmark thread: an open community's question with 60 posts by members, reactions on many.
const q = (text: ReturnType<typeof sql>) => database.db.execute(text) as unknown as Promise<{ rows: Record<string, string>[] }>;
const [thread] = (await q(sql`select t.id, t.community_id from threads t join communities c on c.id = t.community_id where c.visibility = 'open' and t.org_id = ${orgId} order by t.id limit 1`)).rows;
await q(sql`insert into posts (org_id, thread_id, community_id, author_id, body, html, created_at)
  select ${orgId}, ${thread.id}, ${thread.community_id}, m.person_id, 'Extra reply ' || g, '<p>Extra reply ' || g || '</p>', now() + (g || ' seconds')::interval
  from generate_series(1, 50) g join lateral (select person_id from community_members where community_id = ${thread.community_id} offset g % 20 limit 1) m on true`);
await q(sql`insert into post_reactions (post_id, person_id, kind, org_id)
  select p.id, m.person_id, 'thanks', ${orgId} from posts p join lateral (select person_id from community_members where community_id = p.community_id limit 3) m on true
  where p.thread_id = ${thread.id} on conflict do nothing`);
const members = (await q(sql`select p.email, p.id from community_members m join people p on p.id = m.person_id where m.community_id = ${thread.community_id} order by p.id limit 2`)).rows;

// 2. The app and the bare baseline in this process.
const config = loadConfig({ LOG_LEVEL: 'silent', HEARTH_DATA_DIR: tmpdir(), API_RATE_LIMIT_PER_MINUTE: '100000000', SIGNIN_PER_IP_PER_MINUTE: '1000', POSTS_PER_MINUTE: '100000' });
const deps = await createDeps({ ...config, DATABASE_URL: scratch.url }, database);
const app = await buildApp(deps, { logger: false });
await app.listen({ port: 0, host: '127.0.0.1' });
const bare = Fastify({ logger: false });
bare.get('/bare', async () => ({ hello: 'world' }));
await bare.listen({ port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
const bareUrl = `http://127.0.0.1:${(bare.server.address() as { port: number }).port}/bare`;
async function signIn(email: string) {
  const res = await fetch(`${base}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: 'hearth-bench' }) });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status}`);
  return { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0], csrf: (await res.json()).csrfToken as string };
}
const reader = await signIn(members[0].email);
const writer = await signIn(members[1].email);
const threadUrl = `${base}/api/threads/${thread.id}?limit=50`;
const check = await (await fetch(threadUrl, { headers: { cookie: reader.cookie } })).json();
if (check.posts?.length !== 50) throw new Error(`thread page did not return 50 posts: ${JSON.stringify(check).slice(0, 300)}`);

// 3. Thread page throughput vs the bare route.
await autocannon(threadUrl, { cookie: reader.cookie }); // warm-up
const bareRun = await autocannon(bareUrl);
const threadRun = await autocannon(threadUrl, { cookie: reader.cookie });
const threadRatio = Number((threadRun.reqPerSec / bareRun.reqPerSec).toFixed(3));
console.log(`bare ${bareRun.reqPerSec} req/s; thread page ${threadRun.reqPerSec} req/s (${(threadRatio * 100).toFixed(0)}%), p99 ${threadRun.p99} ms`);

// 4. Search latency (sequential requests, varied terms), when the search module is present.
const terms = ['feedback', 'python dashboard', 'leadership', 'customer retention', 'Person 42', 'kubernetes testing', 'mentoring career', 'podcast', 'budget forecast', 'onboarding'];
const searchTimes: number[] = [];
let searchStatus = 0;
for (let i = 0; i < 300; i++) {
  const started = performance.now();
  const res = await fetch(`${base}/api/search?q=${encodeURIComponent(terms[i % terms.length])}&limit=20`, { headers: { cookie: reader.cookie } });
  await res.arrayBuffer();
  searchStatus = res.status;
  if (!res.ok) break;
  if (i >= 20) searchTimes.push(performance.now() - started); // the first 20 warm caches
}
const search = searchTimes.length ? { n: searchTimes.length, p50: pct(searchTimes, 50), p95: pct(searchTimes, 95), p99: pct(searchTimes, 99) } : null;
console.log(search ? `search p50 ${search.p50} ms, p95 ${search.p95} ms` : `search: not available (HTTP ${searchStatus})`);

// 5. Post → notification on the mentioned person's socket (one node).
const ws = new WebSocket(`${base.replace('http', 'ws')}/api/ws`, { headers: { cookie: reader.cookie, origin: base } });
await new Promise((resolve, reject) => {
  ws.once('open', resolve);
  ws.once('error', reject);
});
const latencies: number[] = [];
let waiting: ((m: Record<string, unknown>) => void) | null = null;
ws.on('message', (raw) => {
  const m = JSON.parse(String(raw));
  if (m.type === 'changed' && m.what === 'notifications' && waiting) waiting(m);
});
for (let i = 0; i < 120; i++) {
  const got = new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), 2000);
    waiting = () => {
      clearTimeout(timer);
      resolve(true);
    };
  });
  const started = performance.now();
  const res = await fetch(`${base}/api/threads/${thread.id}/posts`, {
    method: 'POST',
    headers: { cookie: writer.cookie, 'x-csrf-token': writer.csrf, 'content-type': 'application/json' },
    body: JSON.stringify({ body: `Ping [@Reader](/people/${members[0].id}) #${i}` }),
  });
  if (res.status !== 201) throw new Error(`reply failed: ${res.status} ${await res.text()}`);
  if (!(await got)) break;
  waiting = null;
  if (i >= 10) latencies.push(performance.now() - started);
}
ws.close();
const notify = latencies.length ? { n: latencies.length, p50: pct(latencies, 50), p99: pct(latencies, 99) } : null;
console.log(notify ? `post → notification p50 ${notify.p50} ms, p99 ${notify.p99} ms` : 'post → notification: no notification arrived (notifications module not present)');

await app.close();
await bare.close();
await deps.bus.close();
await database.close();
await scratch.drop();

const load = (await import('node:os')).loadavg().map((x) => x.toFixed(2)).join(' ');
writeResult('discussions', { machine: machine(), load, duration, connections, counts, generateSeconds, bare: bareRun, thread: { ...threadRun, ratio: threadRatio }, search, notify });
writeResultsSection(
  'discussions',
  `## Discussions (bench/discussions)

PostgreSQL with ${counts.people} people, ${counts.communities} communities, ${counts.memberships} memberships, ${counts.threads} threads, ${counts.posts} posts, ${counts.reactions} reactions and ${counts.resources} resources (generated in ${generateSeconds} s). autocannon -c ${connections} -d ${duration}s in a separate process; load average at the end: ${load}.

| what | figure | target |
|---|---|---|
| bare route | ${bareRun.reqPerSec} req/s, p99 ${bareRun.p99} ms | baseline |
| thread page, first 50 posts with authors and reactions | ${threadRun.reqPerSec} req/s (**${(threadRatio * 100).toFixed(0)}%** of bare), p50 ${threadRun.p50} ms, p99 **${threadRun.p99} ms** | ≥ 30%, p99 ≤ 60 ms |
| search (300 sequential queries, 10 terms) | ${search ? `p50 ${search.p50} ms, **p95 ${search.p95} ms**, p99 ${search.p99} ms` : 'not available yet'} | p95 ≤ 80 ms |
| post → notification on the mentioned person's socket (one node) | ${notify ? `p50 ${notify.p50} ms, **p99 ${notify.p99} ms** (n = ${notify.n})` : 'not available yet'} | p99 ≤ 150 ms |

_Run: ${machine().date}, Node ${machine().node}, ${machine().cpus} cores._`,
);
