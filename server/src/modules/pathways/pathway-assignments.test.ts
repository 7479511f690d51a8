import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectRows } from '../../kernel/db/rows.ts';
import { eventually } from '../../../test/eventually.ts';
import { createTestApp, memoryMailer, type TestApp } from '../../../test/harness.ts';
import { runAssignmentReminders } from './index.ts';

let t: TestApp;
const mailer = memoryMailer();
type Client = Awaited<ReturnType<TestApp['signIn']>>;
let fac: Client;
let author: Client;
let member: Client;
let outsider: Client;
type P = { id: string; email: string };
const people: (P & { c: Client })[] = [];
const gone: P[] = [];
let foreign: P;

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const rows = <T>(q: ReturnType<typeof sql>) => selectRows<T>(t.db, q);

beforeAll(async () => {
  t = await createTestApp({ ASSIGNMENT_REMINDER_INTERVAL_SECONDS: '0', SIGNIN_PER_IP_PER_MINUTE: '1000' }, { mailer });
  const org = await t.buildOrg('Acme');
  const other = await t.buildOrg('Globex');
  fac = await t.signIn((await t.buildPerson(org.id, { name: 'Fay Facilitator', roles: ['facilitator'] })).email);
  author = await t.signIn((await t.buildPerson(org.id, { name: 'Ari Author' })).email);
  member = await t.signIn((await t.buildPerson(org.id, { name: 'Max Member' })).email);
  foreign = (await t.buildPerson(other.id, { name: 'Olga Outsider' })) as P;
  outsider = await t.signIn(foreign.email);
  for (let i = 0; i < 8; i++) {
    const p = (await t.buildPerson(org.id, { name: `Learner ${i}`, department: i < 4 ? 'Sales' : 'Ops' })) as P;
    people.push({ ...p, c: await t.signIn(p.email) });
  }
  gone.push((await t.buildPerson(org.id, { name: 'Gone', department: 'Sales', status: 'deactivated' })) as P);
});
afterAll(() => t.close());

async function pathway() {
  const res = await author.post('/api/pathways', { title: `Feedback basics ${Math.random().toString(36).slice(2, 6)}`, steps: [{ kind: 'task', title: 'Ask for feedback' }, { kind: 'task', title: 'Give feedback' }] });
  expect(res.statusCode, res.body).toBe(201);
  expect((await author.patch(`/api/pathways/${res.json().id}`, { status: 'published' })).statusCode).toBe(200);
  return res.json() as { id: string; steps: { id: string }[] } & Record<string, unknown>;
}
const assignments = async (id: string) => (await rows<{ p: string; d: string }>(sql`select person_id as p, to_char(due_on, 'YYYY-MM-DD') as d from pathway_assignments where pathway_id = ${id} order by 1`)).map((r) => `${r.p}:${r.d}`);

describe('assigning pathways', () => {
  it('previews a mixed list line by line; apply assigns exactly what the preview said, or nothing with one error per bad line', async () => {
    const p = await pathway();
    type Pick = { kind: 'person' | 'gone' | 'unknown' | 'foreign'; n: number };
    const pick: fc.Arbitrary<Pick> = fc.record({ kind: fc.constantFrom('person', 'person', 'person', 'gone', 'unknown', 'foreign'), n: fc.nat() });
    const email = (k: Pick) => (k.kind === 'person' ? people[k.n % people.length].email : k.kind === 'gone' ? gone[0].email : k.kind === 'foreign' ? foreign.email : `nobody${k.n}@nowhere.example`);
    await fc.assert(
      fc.asyncProperty(fc.array(pick, { minLength: 1, maxLength: 6 }), fc.integer({ min: 5, max: 60 }), async (picks, due) => {
        const body = { selection: { emails: picks.map(email).join('\n') }, dueOn: day(due) };
        const before = await assignments(p.id);
        const preview = await fac.post(`/api/pathways/${p.id}/assignments/preview`, body);
        expect(preview.statusCode, preview.body).toBe(200);
        const lines = preview.json().lines as { line: number; personId: string; outcome: string }[];
        expect(lines.map((l) => l.line)).toEqual(picks.map((_, i) => i + 1));
        expect(await assignments(p.id)).toEqual(before);
        const applied = await fac.post(`/api/pathways/${p.id}/assignments`, body);
        const bad = lines.filter((l) => l.outcome !== 'assigned' && l.outcome !== 'reassigned');
        if (bad.length) {
          expect(applied.statusCode).toBe(400);
          expect(applied.json().errors.map((e: { field: string }) => e.field)).toEqual(bad.map((l) => `emails.line${l.line}`));
          expect(await assignments(p.id)).toEqual(before);
        } else {
          expect(applied.statusCode, applied.body).toBe(200);
          expect(applied.json().lines).toEqual(lines);
          const chosen = new Set(lines.map((l) => l.personId));
          const expected = [...before.filter((a) => !chosen.has(a.split(':')[0])), ...lines.map((l) => `${l.personId}:${body.dueOn}`)].sort();
          expect(await assignments(p.id)).toEqual(expected);
          for (const l of lines) expect(lines.filter((x) => x.personId === l.personId)).toHaveLength(1);
          expect(lines.every((l) => l.outcome === (before.some((a) => a.startsWith(`${l.personId}:`)) ? 'reassigned' : 'assigned'))).toBe(true);
        }
      }),
      { numRuns: 15 },
    );
  });

  it('shows the assignment on the person’s pathway and gives the assigner assigned, started, completed and overdue', async () => {
    const p = await pathway();
    const [a, b, c, d] = people;
    expect((await fac.post(`/api/pathways/${p.id}/assignments`, { selection: { emails: [a, b, c].map((x) => x.email).join('\n') }, dueOn: day(20) })).statusCode).toBe(200);
    expect((await fac.post(`/api/pathways/${p.id}/assignments`, { selection: { emails: d.email }, dueOn: day(-1) })).statusCode).toBe(200);
    const mine = (await a.c.get(`/api/pathways/${p.id}`)).json();
    expect(mine.myAssignment).toEqual({ dueOn: day(20) });
    expect((await member.get(`/api/pathways/${p.id}`)).json().myAssignment).toBeNull();
    expect((await a.c.get('/api/pathways?filter=enrolled')).json().items.map((x: { id: string }) => x.id)).toContain(p.id);
    await b.c.send({ method: 'PUT', url: `/api/pathways/${p.id}/steps/${p.steps[0].id}/done`, payload: { done: true } });
    for (const s of p.steps) await c.c.send({ method: 'PUT', url: `/api/pathways/${p.id}/steps/${s.id}/done`, payload: { done: true } });
    const view = (await fac.get(`/api/pathways/${p.id}/assignments`)).json();
    const status = Object.fromEntries(view.items.map((i: { person: { id: string }; status: string }) => [i.person.id, i.status]));
    expect(status).toEqual({ [a.id]: 'assigned', [b.id]: 'started', [c.id]: 'completed', [d.id]: 'overdue' });
    expect(view.counts).toEqual({ assigned: 1, started: 1, completed: 1, overdue: 1 });
    const audits = await rows<{ data: { counts: Record<string, number>; dueOn: string } }>(sql`select data from audit_log where action = 'pathways.assigned' and target = ${p.id} order by id`);
    expect(audits.map((x) => [x.data.dueOn, x.data.counts.assigned])).toEqual([[day(20), 3], [day(-1), 1]]);
  });

  it('reminds each assignee once before the due date, in-app and by mail, however often and wherever the run fires; not those who completed', async () => {
    const p = await pathway();
    const [a, b, c] = people.slice(4);
    expect((await fac.post(`/api/pathways/${p.id}/assignments`, { selection: { emails: [a, b, c].map((x) => x.email).join('\n') }, dueOn: day(30) })).statusCode).toBe(200);
    for (const s of p.steps) await c.c.send({ method: 'PUT', url: `/api/pathways/${p.id}/steps/${s.id}/done`, payload: { done: true } });
    const notes = () => rows<{ person_id: string }>(sql`select person_id from notifications where kind = 'assignment' and subject->>'pathwayId' = ${p.id} order by 1`);
    // Too early: nothing.
    await runAssignmentReminders(t.deps, new Date(Date.now() + 20 * 86_400_000));
    await t.deps.events.drain();
    expect(await notes()).toEqual([]);
    const mailsBefore = mailer.sent.length;
    const soon = new Date(Date.now() + 28 * 86_400_000);
    const stampedBefore = await rows<{ n: number }>(sql`select count(*)::int as n from pathway_assignments where reminded_at is not null`);
    const runs = await Promise.all([runAssignmentReminders(t.deps, soon), runAssignmentReminders(t.deps, soon), runAssignmentReminders(t.deps, soon)]);
    // The runs are global: other pathways' assignments of this file may fall due too. Each reminder is claimed once:
    // the three runs together remind exactly as many as they stamped, and of this pathway exactly a and b.
    const stampedAfter = await rows<{ n: number }>(sql`select count(*)::int as n from pathway_assignments where reminded_at is not null`);
    expect(runs.reduce((n, r) => n + r.reminded, 0)).toBe(stampedAfter[0].n - stampedBefore[0].n);
    expect((await rows<{ person_id: string }>(sql`select person_id from pathway_assignments where pathway_id = ${p.id} and reminded_at is not null order by 1`)).map((r) => r.person_id)).toEqual([a.id, b.id].sort());
    const got = await eventually(notes, (n) => n.length >= 2);
    expect(got.map((n) => n.person_id)).toEqual([a.id, b.id].sort());
    await runAssignmentReminders(t.deps, soon);
    await t.deps.events.drain();
    expect(await notes()).toEqual(got);
    const title = ((await rows<{ title: string }>(sql`select title from pathways where id = ${p.id}`))[0]).title;
    const mails = mailer.sent.slice(mailsBefore).filter((m) => m.subject.includes(title) || m.text.includes(title));
    expect(mails.map((m) => m.to).sort()).toEqual([a.email, b.email].sort());
  });

  it('lets facilitators, org admins and the author assign; members get 403, other organizations 404, an empty selection 400', async () => {
    const p = await pathway();
    const body = { selection: { departments: ['Sales'] }, dueOn: day(10) };
    const preview = await author.post(`/api/pathways/${p.id}/assignments/preview`, body);
    expect(preview.statusCode).toBe(200);
    expect(preview.json().lines.map((l: { personId: string }) => l.personId)).not.toContain(gone[0].id);
    expect((await member.post(`/api/pathways/${p.id}/assignments`, body)).statusCode).toBe(403);
    expect((await member.get(`/api/pathways/${p.id}/assignments`)).statusCode).toBe(403);
    expect((await outsider.post(`/api/pathways/${p.id}/assignments`, body)).statusCode).toBe(404);
    expect((await fac.post(`/api/pathways/${p.id}/assignments`, { selection: {}, dueOn: day(10) })).statusCode).toBe(400);
    expect(await assignments(p.id)).toEqual([]);
  });
});
