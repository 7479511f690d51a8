// bench/mentoring-suggestions: a mentee's self-serve mentor suggestions (GET /api/mentoring/suggestions) when the
// organization has 2,000 mentees without a mentor and 500 mentors with 4 seats each, on PostgreSQL (a scratch
// database, dropped at the end): the first request after the pool changes (it scores and allocates the whole pool; a
// mentor with c free seats is shown to at most 3·c mentees) and the requests that share that allocation.
// Usage: npm run bench:mentoring-suggestions (PostgreSQL at TEST_DATABASE_URL, default …/postgres).
import { sql } from 'drizzle-orm';
import { getSuggestions } from '../../server/src/modules/mentoring/mentoring.selfserve.ts';
import { defaultPgAdminUrl, machine, scratchPostgres, writeResult, writeResultsSection } from '../lib.ts';

const scratch = await scratchPostgres(defaultPgAdminUrl, 'hearth_bench_ms', { max: 4 });
const d = scratch.database;
const db = d.db;
const [{ id: org }] = (await db.execute(sql`insert into organizations (name, slug) values ('Big', 'big') returning id`)).rows as { id: string }[];
await db.execute(sql`insert into people (org_id, email, name, department, location, time_zone, status)
  select ${org}, 'p' || g || '@big.example', 'Person ' || g, 'Dept ' || (g % 12), 'City ' || (g % 8),
    (array['Europe/London','Europe/Berlin','America/New_York','Asia/Kolkata'])[1 + g % 4], 'active'
  from generate_series(1, 2500) g`);
const skill = (n: string) => `jsonb_build_array(jsonb_build_object('skill', 'skill' || ((${n}) % 30), 'level', 1 + (${n}) % 5), jsonb_build_object('skill', 'skill' || ((${n} * 7) % 30), 'level', 1 + (${n} * 3) % 5))`;
await db.execute(sql`insert into mentor_profiles (person_id, org_id, skills, topics, capacity, availability_hours, seniority)
  select id, org_id, ${sql.raw(skill('rn'))}, '["leadership"]'::jsonb, 4, 2, 5
  from (select id, org_id, row_number() over (order by id) as rn from people) p where rn <= 500`);
await db.execute(sql`insert into mentee_profiles (person_id, org_id, goals, skills, seniority)
  select id, org_id, '["leadership"]'::jsonb, ${sql.raw(skill('rn'))}, 2
  from (select id, org_id, row_number() over (order by id) as rn from people) p where rn > 500`);
const mentees = ((await db.execute(sql`select person_id as id from mentee_profiles limit 10`)).rows as { id: string }[]).map((r) => r.id);
// The first request after a change of the pool scores and allocates it (cold); the other mentees' requests share that
// allocation while the pool is unchanged (warm). Cold is measured by touching a profile before each of 5 requests.
const asMentee = (id: string) => ({ orgId: org, personId: id, roles: [], isAdmin: false }) as never;
await getSuggestions(db, asMentee(mentees[0]));
const cold: number[] = [];
for (const id of mentees.slice(0, 5)) {
  await db.execute(sql`update mentee_profiles set updated_at = now() where person_id = ${id}`);
  const t = performance.now();
  await getSuggestions(db, asMentee(id));
  cold.push(performance.now() - t);
}
const times: number[] = [];
let empty = 0;
for (const id of mentees) {
  const t = performance.now();
  const res = await getSuggestions(db, asMentee(id));
  times.push(performance.now() - t);
  if (!res.items.length) empty += 1;
}
times.sort((a, b) => a - b);
cold.sort((a, b) => a - b);
const r = { mentees: 2000, mentors: 500, seats: 4, requests: times.length, coldP50Ms: Math.round(cold[2]), p50Ms: Math.round(times[Math.ceil(times.length / 2) - 1]), maxMs: Math.round(times[times.length - 1]), withoutSuggestions: empty };
console.log(`Mentor suggestions, 2,000 mentees × 500 mentors: first after a change p50 ${r.coldP50Ms} ms; shared p50 ${r.p50Ms} ms, max ${r.maxMs} ms over ${r.requests} requests; ${empty} got none`);
writeResult('mentoring-suggestions', { machine: machine(), ...r });
writeResultsSection(
  'mentoring-suggestions',
  `## Mentor suggestions (bench/mentoring-suggestions)

A mentee's self-serve suggestions on PostgreSQL when 2,000 mentees without a mentor and 500 mentors (4 seats each)
are in one organization (no target in an issue). The first request after the pool changes scores 1,000,000 pairs and
allocates the exposure; the other mentees share that allocation until the pool's signature changes (or a minute passes).

| first after a change, p50 ms | shared, p50 ms | shared, max ms | requests | got none |
|---:|---:|---:|---:|---:|
| ${r.coldP50Ms} | ${r.p50Ms} | ${r.maxMs} | ${r.requests} | ${r.withoutSuggestions} |

_Run: ${machine().date}, Node ${machine().node}._`,
);
await d.close();
await scratch.drop();
