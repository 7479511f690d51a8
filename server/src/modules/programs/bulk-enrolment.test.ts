import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectRows } from '../../kernel/db/rows.ts';
import { createTestApp, type TestApp } from '../../../test/harness.ts';

let t: TestApp;
type Client = Awaited<ReturnType<TestApp['signIn']>>;
let fac: Client;
let admin: Client;
let member: Client;
let outsider: Client;
type P = { id: string; email: string; department: string | null; team: string | null; location: string | null; managerId: string | null; status: string };
const active: P[] = [];
const deactivated: P[] = [];
let foreign: P;
let boss: P;

beforeAll(async () => {
  t = await createTestApp({ SIGNIN_PER_IP_PER_MINUTE: '100' });
  const org = await t.buildOrg('Acme');
  const other = await t.buildOrg('Globex');
  const f = await t.buildPerson(org.id, { name: 'Fay Facilitator', roles: ['facilitator'] });
  const a = await t.buildPerson(org.id, { name: 'Ada Admin', roles: ['admin'] });
  const m = await t.buildPerson(org.id, { name: 'Max Member' });
  const o = await t.buildPerson(other.id, { name: 'Olga Outsider', roles: ['admin'] });
  foreign = o as P;
  boss = (await t.buildPerson(org.id, { name: 'Bea Boss', department: 'Board' })) as P;
  // A reporting chain boss → 0 → 1 → 2 (indirect reports), the rest spread over departments, teams and locations.
  for (let i = 0; i < 12; i++) {
    const managerId = i === 0 ? boss.id : i < 3 ? active[i - 1].id : null;
    active.push((await t.buildPerson(org.id, { name: `Learner ${String(i).padStart(2, '0')}`, department: ['Sales', 'Ops', 'Design'][i % 3], team: i % 4 ? 'Alpha' : 'Beta', location: i % 2 ? 'Lisbon' : 'Berlin', managerId })) as P);
  }
  for (let i = 0; i < 2; i++) deactivated.push((await t.buildPerson(org.id, { name: `Gone ${i}`, department: 'Sales', status: 'deactivated' })) as P);
  fac = await t.signIn(f.email);
  admin = await t.signIn(a.email);
  member = await t.signIn(m.email);
  outsider = await t.signIn(o.email);
});
afterAll(() => t.close());

async function program(capacity: number | null, preEnrolled: P[] = []) {
  const res = await fac.post('/api/programs', { title: 'Bulk', capacity });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id as string;
  expect((await fac.patch(`/api/programs/${id}`, { status: 'open' })).statusCode).toBe(200);
  if (preEnrolled.length) expect((await fac.post(`/api/programs/${id}/enrollments`, { personIds: preEnrolled.map((p) => p.id) })).statusCode).toBe(200);
  return id;
}
const enrollees = async (id: string) => (await fac.get(`/api/programs/${id}/enrollments`)).json().items.map((e: { id: string; status: string }) => `${e.id}:${e.status}`).sort();
const bulkAudits = (id: string) => selectRows<{ data: { counts: Record<string, number> } }>(t.db, sql`select data from audit_log where action = 'programs.bulk_enrolled' and target = ${id}`);
const PROBLEMS = ['unknown_email', 'duplicate', 'deactivated'];

/** One line of a pasted list and the person it names (if any in this organization). */
type Pick = { kind: 'active' | 'deactivated' | 'unknown' | 'foreign'; n: number; upper: boolean; csv: boolean };
const pick: fc.Arbitrary<Pick> = fc.record({ kind: fc.constantFrom('active', 'active', 'active', 'deactivated', 'unknown', 'foreign'), n: fc.nat(), upper: fc.boolean(), csv: fc.boolean() });
function lineOf(p: Pick) {
  const email = p.kind === 'active' ? active[p.n % active.length].email : p.kind === 'deactivated' ? deactivated[p.n % 2].email : p.kind === 'foreign' ? foreign.email : `nobody${p.n}@nowhere.example`;
  const written = p.upper ? email.toUpperCase() : email;
  return p.csv ? `Someone ${p.n}, ${written}, Team` : written;
}

describe('bulk enrolment', () => {
  it('previews a mixed list line by line, and apply does exactly what the preview said or refuses it whole', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(pick, { minLength: 1, maxLength: 10 }), fc.subarray(active.map((_, i) => i)), fc.option(fc.integer({ min: 1, max: 6 }), { nil: null }), fc.boolean(), async (picks, pre, capacity, header) => {
        const id = await program(capacity, pre.map((i) => active[i]));
        const text = [...(header ? ['name,email,team'] : []), ...picks.map(lineOf)].join('\n');
        const before = await enrollees(id);
        const preview = await fac.post(`/api/programs/${id}/enrollments/bulk/preview`, { selection: { emails: text } });
        expect(preview.statusCode, preview.body).toBe(200);
        const lines = preview.json().lines as { line: number; personId: string | null; outcome: string }[];
        // Line by line: every pasted line is reported once, with the line number it had.
        expect(lines.map((l) => l.line)).toEqual(picks.map((_, i) => i + 1 + (header ? 1 : 0)));
        expect(await enrollees(id)).toEqual(before);
        const applied = await fac.post(`/api/programs/${id}/enrollments/bulk`, { selection: { emails: text } });
        const problems = lines.filter((l) => PROBLEMS.includes(l.outcome));
        if (problems.length) {
          expect(applied.statusCode).toBe(400);
          expect(applied.json().code).toBe('VALIDATION_FAILED');
          expect(applied.json().errors.map((e: { field: string }) => e.field)).toEqual(problems.map((l) => `emails.line${l.line}`));
          expect(await enrollees(id)).toEqual(before);
          expect(await bulkAudits(id)).toHaveLength(0);
        } else {
          expect(applied.statusCode, applied.body).toBe(200);
          expect(applied.json().lines).toEqual(lines);
          const added = lines.filter((l) => l.outcome === 'enrolled' || l.outcome === 'waitlisted').map((l) => `${l.personId}:${l.outcome}`);
          expect(await enrollees(id)).toEqual([...before, ...added].sort());
          expect((await bulkAudits(id)).map((a) => a.data.counts)).toEqual([applied.json().counts]);
        }
      }),
      { numRuns: 20 },
    );
  });

  it('chooses by department, team, location and a manager’s direct and indirect reports, leaving out deactivated people', async () => {
    const id = await program(null);
    await fc.assert(
      fc.asyncProperty(
        fc.subarray(['Sales', 'Ops', 'Design']),
        fc.subarray(['Alpha', 'Beta']),
        fc.subarray(['Lisbon', 'Berlin']),
        fc.boolean(),
        fc.boolean(),
        async (departments, teams, locations, byBoss, byEmail) => {
          fc.pre(departments.length + teams.length + locations.length > 0 || byBoss);
          // The manager named by id or by email (any case) chooses the same people.
          const manager = byBoss ? (byEmail ? { managerEmails: [boss.email.toUpperCase()] } : { managerIds: [boss.id] }) : {};
          const res = await fac.post(`/api/programs/${id}/enrollments/bulk/preview`, { selection: { departments, teams, locations, ...manager } });
          expect(res.statusCode, res.body).toBe(200);
          const reports = new Set([active[0].id, active[1].id, active[2].id]);
          const expected = active.filter((p) => departments.includes(p.department ?? '') || teams.includes(p.team ?? '') || locations.includes(p.location ?? '') || (byBoss && reports.has(p.id)));
          const got = res.json().lines as { personId: string; outcome: string; line: number | null }[];
          expect(got.map((l) => l.personId).sort()).toEqual(expected.map((p) => p.id).sort());
          expect(got.every((l) => l.outcome === 'enrolled' && l.line === null)).toBe(true);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('applies all or nothing: a failure half-way through leaves no enrolment, event or audit entry behind', async () => {
    const id = await program(null);
    const victim = active[6];
    await t.db.execute(sql.raw(`create or replace function bulk_test_fail() returns trigger language plpgsql as $$ begin
      if new.person_id = '${victim.id}' then raise exception 'injected failure'; end if; return new; end $$`));
    await t.db.execute(sql.raw(`create trigger bulk_test_fail before insert on program_enrollments for each row execute function bulk_test_fail()`));
    try {
      const events = async () => (await selectRows<{ n: number }>(t.db, sql`select count(*)::int as n from domain_events where type = 'programs.enrolled'`))[0].n;
      const eventsBefore = await events();
      const res = await fac.post(`/api/programs/${id}/enrollments/bulk`, { selection: { emails: active.map((p) => p.email).join('\n') } });
      expect(res.statusCode).toBe(500);
      expect(await enrollees(id)).toEqual([]);
      expect(await events()).toBe(eventsBefore);
      expect(await bulkAudits(id)).toHaveLength(0);
      expect((await fac.get(`/api/programs/${id}`)).json().enrolledCount).toBe(0);
    } finally {
      await t.db.execute(sql.raw('drop trigger bulk_test_fail on program_enrollments'));
    }
    // The same list applies once the failure is gone.
    const ok = await fac.post(`/api/programs/${id}/enrollments/bulk`, { selection: { emails: active.map((p) => p.email).join('\n') } });
    expect(ok.json().counts.enrolled).toBe(active.length);
  });

  it('lets org admins and facilitators in, refuses members (403) and other organizations (404), and an empty selection (400)', async () => {
    const id = await program(null);
    const body = { selection: { departments: ['Sales'] } };
    expect((await admin.post(`/api/programs/${id}/enrollments/bulk/preview`, body)).statusCode).toBe(200);
    expect((await member.post(`/api/programs/${id}/enrollments/bulk/preview`, body)).statusCode).toBe(403);
    expect((await member.post(`/api/programs/${id}/enrollments/bulk`, body)).statusCode).toBe(403);
    expect((await outsider.post(`/api/programs/${id}/enrollments/bulk`, body)).statusCode).toBe(404);
    const unknownManager = await fac.post(`/api/programs/${id}/enrollments/bulk/preview`, { selection: { managerEmails: ['nobody@nowhere.example', foreign.email] } });
    expect(unknownManager.statusCode).toBe(400);
    expect(unknownManager.json().errors).toHaveLength(2);
    const empty = await fac.post(`/api/programs/${id}/enrollments/bulk/preview`, { selection: { emails: '  \n ' } });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().code).toBe('VALIDATION_FAILED');
    expect(await enrollees(id)).toEqual([]);
  });
});
