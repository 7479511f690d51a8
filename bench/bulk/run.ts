// bench/bulk: an org admin's bulk enrolment of 2,000 people into a program on PostgreSQL through the real HTTP app:
// the dry-run preview and the all-or-nothing apply, by a pasted list of 2,000 emails and by departments (2,000
// people), each on a fresh program, with a bare Fastify route timed in the same run as the baseline.
// Usage: npx tsx bench/bulk/run.ts [--people 2000] [--runs 5] [--postgres URL]
import { sql } from 'drizzle-orm';
import Fastify from 'fastify';
import { loadavg } from 'node:os';
import { buildApp } from '../../server/src/app.ts';
import { createDeps } from '../../server/src/boot.ts';
import { loadConfig } from '../../server/src/config.ts';
import { hashPassword } from '../../server/src/kernel/auth/passwords.ts';
import { defaultPgAdminUrl, machine, scratchPostgres, writeResult, writeResultsSection } from '../lib.ts';

const arg = (name: string, def: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : def;
};
const PEOPLE = Number(arg('people', '2000'));
const RUNS = Number(arg('runs', '5'));
const TARGET_S = 5;
const PASSWORD = 'bench-password';

const scratch = await scratchPostgres(arg('postgres', defaultPgAdminUrl), 'hearth_bench_bulk');
const db = scratch.database.db;
const [{ id: orgId }] = (await db.execute(sql`insert into organizations (name, slug) values ('Bench Org', ${`bench-${Date.now()}`}) returning id::text`)).rows as { id: string }[];
// Person 0 is the admin; 2,000 learners in 10 departments, plus 500 others in an 11th department nobody selects.
await db.execute(sql`insert into people (org_id, email, name, department, status, roles, password_hash)
  select ${orgId}, 'bench' || i || '@bench.example', 'Person ' || i, case when i = 0 then 'Admin' when i <= ${PEOPLE} then 'Dept ' || (i % 10) else 'Elsewhere' end,
    'active', case when i = 0 then array['admin'] else '{}'::text[] end, ${await hashPassword(PASSWORD)}
  from generate_series(0, ${PEOPLE + 500}) i`);

const config = loadConfig({ LOG_LEVEL: 'silent', API_RATE_LIMIT_PER_MINUTE: '100000000', SIGNIN_PER_IP_PER_MINUTE: '1000', EVENT_DELIVERY: 'off' });
const deps = await createDeps(config, scratch.database);
const app = await buildApp(deps, { logger: false });
await app.listen({ port: 0, host: '127.0.0.1' });
const bare = Fastify({ logger: false });
bare.post('/bare', async (req) => ({ n: JSON.stringify(req.body).length }));
await bare.listen({ port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
const bareUrl = `http://127.0.0.1:${(bare.server.address() as { port: number }).port}/bare`;

const signIn = await fetch(`${base}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'bench0@bench.example', password: PASSWORD }) });
if (signIn.status !== 200) throw new Error(`sign-in: ${signIn.status}`);
const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0];
const csrf = ((await signIn.json()) as { csrfToken: string }).csrfToken;

async function post(url: string, body: unknown) {
  const s = performance.now();
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf }, body: JSON.stringify(body) });
  const json = (await res.json()) as { id?: string; counts?: Record<string, number> };
  if (res.status >= 300) throw new Error(`${url}: ${res.status} ${JSON.stringify(json).slice(0, 300)}`);
  return { ms: performance.now() - s, json };
}
const program = async () => (await post(`${base}/api/programs`, { title: `Bench ${Date.now()}`, capacity: PEOPLE - 200 })).json.id as string;

const emails = ['email', ...Array.from({ length: PEOPLE }, (_, i) => `Person ${i + 1},bench${i + 1}@bench.example`)].join('\n');
const selections: [string, Record<string, unknown>][] = [
  [`pasted CSV of ${PEOPLE.toLocaleString('en')} emails`, { emails }],
  [`10 departments (${PEOPLE.toLocaleString('en')} people)`, { departments: Array.from({ length: 10 }, (_, i) => `Dept ${i}`) }],
];
const load = Number(loadavg()[0].toFixed(1));
const bareMs: number[] = [];
for (let i = 0; i < RUNS + 1; i++) bareMs.push((await post(bareUrl, { selection: { emails } })).ms);
bareMs.shift();
const rows: { selection: string; step: string; median: number; max: number; counts: string }[] = [];
for (const [name, selection] of selections) {
  const preview: number[] = [];
  const apply: number[] = [];
  let counts = '';
  for (let r = 0; r < RUNS; r++) {
    const id = await program();
    preview.push((await post(`${base}/api/programs/${id}/enrollments/bulk/preview`, { selection })).ms);
    const done = await post(`${base}/api/programs/${id}/enrollments/bulk`, { selection });
    apply.push(done.ms);
    counts = Object.entries(done.json.counts ?? {}).filter(([, v]) => v).map(([k, v]) => `${v} ${k}`).join(', ');
    const n = Number(((await db.execute(sql`select count(*)::int as n from program_enrollments where program_id = ${id}`)).rows[0] as { n: number }).n);
    if (n !== PEOPLE) throw new Error(`expected ${PEOPLE} enrolments, found ${n}`);
  }
  rows.push({ selection: name, step: 'preview (dry run)', median: median(preview), max: Math.max(...preview), counts: '' });
  rows.push({ selection: name, step: 'apply (one transaction)', median: median(apply), max: Math.max(...apply), counts });
  console.log(rows.slice(-2));
}

await app.close();
await bare.close();
await deps.bus.close();
await scratch.database.close();
await scratch.drop();

function median(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
const s = (ms: number) => (ms / 1000).toFixed(2);
const bareMedian = median(bareMs);
const worst = Math.max(...rows.filter((r) => r.step.startsWith('apply')).map((r) => r.max));
const verdict = `Slowest apply of ${PEOPLE.toLocaleString('en')} people: ${s(worst)} s (target ≤ ${TARGET_S} s): ${worst <= TARGET_S * 1000 ? 'met' : 'NOT met'}.`;
console.table(rows);
console.log(verdict);
writeResult('bulk', { machine: machine(), load, people: PEOPLE, runs: RUNS, bareMs, rows });
writeResultsSection(
  'bulk',
  `## Bulk enrolment (bench/bulk)

An org admin enrols ${PEOPLE.toLocaleString('en')} people into a program (capacity ${(PEOPLE - 200).toLocaleString('en')}, so 200 are waitlisted) on PostgreSQL through the real HTTP app, ${RUNS} runs per selection, each on a fresh program in an organization of ${(PEOPLE + 501).toLocaleString('en')} people: the dry-run preview, then the all-or-nothing apply (resolve under the program's row lock, insert, ${PEOPLE.toLocaleString('en')} \`programs.enrolled\` outbox events, one audit entry; event delivery off, so consumers are not timed). Baseline: a bare Fastify route receiving the same ${Math.round(emails.length / 1024)} KB CSV body, median ${bareMedian.toFixed(1)} ms. 1-minute load average ${load} when timing started.

| selection | step | median s | max s | ratio of median to bare | outcome |
|---|---|---:|---:|---:|---|
${rows.map((r) => `| ${r.selection} | ${r.step} | ${s(r.median)} | ${s(r.max)} | ${Math.round(r.median / bareMedian)} | ${r.counts} |`).join('\n')}

${verdict}
_Run: ${machine().date}, Node ${machine().node}, ${machine().cpus} cores._`,
);
process.exit(0);
