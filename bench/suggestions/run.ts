// bench/suggestions: "Colleagues to meet" (GET /api/follows/suggestions' query) in an organization of 10,000 people,
// each with 3 skills they have, 3 they want to learn and 2 interests, on PostgreSQL (a scratch database, dropped at
// the end). Prints p50/p95/max over 40 viewers and writes bench/results/suggestions.json and its RESULTS.md section.
// Usage: npm run bench:suggestions (PostgreSQL at TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres).
import { sql } from 'drizzle-orm';
import { selectFollowSuggestions } from '../../server/src/modules/feeds/feeds.repo.ts';
import { defaultPgAdminUrl, machine, scratchPostgres, writeResult, writeResultsSection } from '../lib.ts';

const scratch = await scratchPostgres(defaultPgAdminUrl, 'hearth_bench_sugg', { max: 2 });
const d = scratch.database;
const db = d.db;
const [{ id: org }] = (await db.execute(sql`insert into organizations (name, slug) values ('Big', 'big') returning id`)).rows as { id: string }[];
const skills = ['Python', 'SQL', 'Design', 'Brand', 'Coaching', 'Negotiation', 'Kubernetes', 'Public speaking', 'Excel', 'UX research', 'Writing', 'Leadership', 'Forecasting', 'Storytelling', 'Accessibility', 'Go', 'Rust', 'Figma', 'Sales', 'Mentoring'];
const interests = ['Travel', 'Chess', 'Running', 'Cycling', 'Photography', 'Podcasts', 'Cooking', 'Gardening', 'Music', 'Film'];
await db.execute(sql`insert into people (org_id, email, name, department, team, status, interests)
  select ${org}, 'p' || g || '@big.example', 'Person ' || g, 'Dept ' || (g % 12), 'Team ' || (g % 200), 'active',
    array[(${`{${interests.join(",")}}`}::text[])[1 + g % 10], (${`{${interests.join(",")}}`}::text[])[1 + (g * 7) % 10]]
  from generate_series(1, 10000) g`);
await db.execute(sql`insert into person_skills (org_id, person_id, kind, name, key, level)
  select ${org}, p.id, k.kind, s.name, lower(s.name), 1 + (abs(hashtext(p.id::text || s.name)) % 5)
  from people p cross join lateral (values ('have'), ('want')) k(kind)
  cross join lateral (select (${`{${skills.map((x) => `"${x}"`).join(",")}}`}::text[])[1 + (abs(hashtext(p.id::text || k.kind || n)) % 20)] as name from generate_series(1, 3) n) s
  on conflict do nothing`);
await db.execute(sql`analyze`);
const ids = ((await db.execute(sql`select id from people order by id limit 40`)).rows as { id: string }[]).map((r) => r.id);
// One warm-up query, then 40 viewers.
await selectFollowSuggestions(db, org, ids[0], 5);
const times: number[] = [];
for (const id of ids) {
  const t = performance.now();
  const r = await selectFollowSuggestions(db, org, id, 5);
  times.push(performance.now() - t);
  if (r.length !== 5) throw new Error(`expected 5 suggestions, got ${r.length}`);
}
times.sort((a, b) => a - b);
const at = (q: number) => Number(times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)].toFixed(1));
const r = { people: 10_000, viewers: times.length, p50Ms: at(0.5), p95Ms: at(0.95), maxMs: Number(times[times.length - 1].toFixed(1)) };
console.log(`Colleagues to meet, 10,000 people: p50 ${r.p50Ms} ms, p95 ${r.p95Ms} ms, max ${r.maxMs} ms over ${r.viewers} viewers`);
writeResult('suggestions', { machine: machine(), ...r });
writeResultsSection(
  'suggestions',
  `## Colleagues to meet (bench/suggestions)

The home page's suggestions query on PostgreSQL: one organization of 10,000 people, each with 3 skills they have, 3 they
want to learn and 2 interests; 5 suggestions for each of ${r.viewers} viewers after one warm-up (no target in an issue).

| p50 ms | p95 ms | max ms |
|---:|---:|---:|
| ${r.p50Ms} | ${r.p95Ms} | ${r.maxMs} |

_Run: ${machine().date}, Node ${machine().node}._`,
);
await d.close();
await scratch.drop();
