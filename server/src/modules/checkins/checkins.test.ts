import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../../test/eventually.ts';
import { createTestApp, memoryMailer, type TestApp } from '../../../test/harness.ts';
import { runCheckinReminders } from './index.ts';

let t: TestApp;
const mailer = memoryMailer();
type Client = Awaited<ReturnType<TestApp['signIn']>>;
type Person = { id: string; email: string; name: string };
let orgId: string;
let admin: Client;
let facilitator: Person;
let fac: Client;
let outsider: Client;

const DAY = 86_400_000;
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
const today = () => new Date().toISOString().slice(0, 10);
/** Noon UTC of a day: the fixed clock the runs are given. */
const at = (day: string) => new Date(`${day}T12:00:00Z`);
const rows = async <T>(q: ReturnType<typeof sql>) => ((await t.db.execute(q)) as unknown as { rows: T[] }).rows;

beforeAll(async () => {
  t = await createTestApp({ CHECKIN_INTERVAL_SECONDS: '0', SURVEY_INTERVAL_SECONDS: '0', EVENT_REMINDER_INTERVAL_SECONDS: '0', SIGNIN_PER_IP_PER_MINUTE: '1000' }, { mailer });
  const org = await t.buildOrg('Checkin Org');
  orgId = org.id;
  admin = await t.signIn((await t.buildPerson(orgId, { name: 'Ada Admin', roles: ['admin'] })).email);
  facilitator = await t.buildPerson(orgId, { name: 'Fay Facilitator', roles: ['facilitator'] });
  fac = await t.signIn(facilitator.email);
  const other = await t.buildOrg('Elsewhere');
  outsider = await t.signIn((await t.buildPerson(other.id, { name: 'Otto Outsider', roles: ['admin'] })).email);
}, 120_000);
afterAll(() => t?.close());

/** A manager with `n` reports and one person without a manager, all enrolled in a program that ends on `endsOn`. */
async function programWithTeam(endsOn: string, weeks: number | null, n = 2) {
  const manager = await t.buildPerson(orgId, { name: `Maya Manager ${Math.random().toString(36).slice(2, 6)}` });
  const learners: Person[] = [];
  for (let i = 0; i < n; i++) learners.push(await t.buildPerson(orgId, { name: `Lee Learner ${i}`, managerId: manager.id }));
  const loner = await t.buildPerson(orgId, { name: 'Nia No-manager' });
  const created = await fac.post('/api/programs', { title: `Feedback skills ${endsOn} ${manager.id.slice(0, 4)}`, startsOn: addDays(endsOn, -14), endsOn, checkinWeeks: weeks });
  expect(created.statusCode, created.body).toBe(201);
  const program = created.json() as { id: string; title: string; checkinWeeks: number | null };
  expect((await fac.patch(`/api/programs/${program.id}`, { status: 'open' })).statusCode).toBe(200);
  const enrolled = await fac.post(`/api/programs/${program.id}/enrollments`, { personIds: [...learners.map((l) => l.id), loner.id] });
  expect(enrolled.statusCode, enrolled.body).toBe(200);
  return { program, manager, learners, loner };
}

/** Check-in notifications per person for a program (its title is in every sentence). */
async function notified(programTitle: string) {
  // Deliveries under way on this node when drain() runs are leased, not drained: wait until every check-in delivery
  // is done (its row deleted), mail included.
  await t.deps.events.drain();
  const pending = () => rows<{ n: number }>(sql`select count(*)::int as n from event_deliveries where consumer like 'notifications:checkins.%' and status = 'pending'`);
  expect((await eventually(pending, (r) => Number(r[0].n) === 0, 10_000))[0].n).toBe(0);
  return rows<{ personId: string; title: string }>(sql`select person_id as "personId", title from notifications where kind = 'checkin' and title like ${`%${programTitle}%`} order by created_at`);
}

describe('checkins: the program setting', () => {
  it('accepts 1 to 52 weeks or none, and refuses anything else with 400', async () => {
    const { program } = await programWithTeam(addDays(today(), 30), 4, 0);
    expect(program.checkinWeeks).toBe(4);
    for (const bad of [0, 53, 2.5, '3', -1]) {
      const r = await fac.patch(`/api/programs/${program.id}`, { checkinWeeks: bad });
      expect(r.statusCode, String(bad)).toBe(400);
      expect(r.json().code).toBe('VALIDATION_FAILED');
    }
    expect((await fac.patch(`/api/programs/${program.id}`, { checkinWeeks: null })).json().checkinWeeks).toBeNull();
    expect((await fac.patch(`/api/programs/${program.id}`, { checkinWeeks: 52 })).json().checkinWeeks).toBe(52);
  });
});

describe('checkins: reminders on a clock that advances weeks', () => {
  it('reminds learner and manager when due, the manager again at 7 days overdue, the facilitators at 14, each once', async () => {
    // Due day far ahead, so the real clock plays no part; the runs get a fixed `now`.
    const endsOn = '2031-03-03';
    const due = addDays(endsOn, 14);
    const { program, manager, learners, loner } = await programWithTeam(endsOn, 2);
    const mailsBefore = mailer.sent.length;
    await runCheckinReminders(t.deps, at(addDays(due, -1)));
    expect(await notified(program.title)).toEqual([]);

    await runCheckinReminders(t.deps, at(due));
    let list = await notified(program.title);
    const count = (id: string) => list.filter((n) => n.personId === id).length;
    for (const l of learners) expect(count(l.id)).toBe(1);
    expect(count(manager.id)).toBe(2); // one per report
    expect(count(loner.id)).toBe(0); // no manager, no check-in
    expect(count(facilitator.id)).toBe(0);
    // Mailed at once too (digest on by default): one per notification.
    const mails = mailer.sent.slice(mailsBefore).filter((m) => m.subject.includes(program.title));
    expect(mails.filter((m) => m.to === manager.email)).toHaveLength(2);
    expect(mails.filter((m) => m.to === learners[0].email)).toHaveLength(1);

    await runCheckinReminders(t.deps, at(addDays(due, 6)));
    list = await notified(program.title);
    expect(count(manager.id)).toBe(2);

    await runCheckinReminders(t.deps, at(addDays(due, 7)));
    list = await notified(program.title);
    expect(count(manager.id)).toBe(4);
    expect(list.filter((n) => n.personId === manager.id && /a week overdue/.test(n.title))).toHaveLength(2);
    expect(count(learners[0].id)).toBe(1);
    expect(count(facilitator.id)).toBe(0);

    await runCheckinReminders(t.deps, at(addDays(due, 14)));
    await runCheckinReminders(t.deps, at(addDays(due, 40)));
    list = await notified(program.title);
    expect(count(facilitator.id)).toBe(2);
    expect(count(manager.id)).toBe(4);
    expect(list.filter((n) => n.personId === facilitator.id).every((n) => /two weeks overdue/.test(n.title))).toBe(true);
  });

  it('sends each reminder once however the runs repeat or race (two nodes at once), for any run days', async () => {
    let k = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ day: fc.integer({ min: -3, max: 20 }), racers: fc.integer({ min: 1, max: 3 }) }), { minLength: 1, maxLength: 6 }), async (runs) => {
        k += 1;
        const endsOn = addDays('2033-01-01', k * 60);
        const due = addDays(endsOn, 7);
        const { program, manager, learners } = await programWithTeam(endsOn, 1, 1);
        for (const r of [...runs].sort((a, b) => a.day - b.day)) {
          await Promise.all(Array.from({ length: r.racers }, () => runCheckinReminders(t.deps, at(addDays(due, r.day)))));
        }
        const last = Math.max(...runs.map((r) => r.day));
        const list = await notified(program.title);
        const count = (id: string) => list.filter((n) => n.personId === id).length;
        expect(count(learners[0].id)).toBe(last >= 0 ? 1 : 0);
        expect(count(manager.id)).toBe((last >= 0 ? 1 : 0) + (last >= 7 ? 1 : 0));
        expect(count(facilitator.id)).toBe(last >= 14 ? 1 : 0);
      }),
      { numRuns: 8 },
    );
  }, 120_000);

  it('respects preferences: a muted kind gets neither notification nor mail, mail off gets the notification only', async () => {
    const endsOn = '2035-05-01';
    const { program, manager, learners } = await programWithTeam(endsOn, 1, 1);
    const muting = await (await t.signIn(manager.email)).send({ method: 'PUT', url: '/api/notifications/preferences', payload: { muted: ['checkin'] } });
    expect(muting.statusCode, muting.body).toBe(200);
    const noMail = await (await t.signIn(learners[0].email)).send({ method: 'PUT', url: '/api/notifications/preferences', payload: { digest: 'off' } });
    expect(noMail.statusCode, noMail.body).toBe(200);
    const before = mailer.sent.length;
    await runCheckinReminders(t.deps, at(addDays(endsOn, 7)));
    const list = await notified(program.title);
    expect(list.filter((n) => n.personId === manager.id)).toEqual([]);
    expect(list.filter((n) => n.personId === learners[0].id)).toHaveLength(1);
    expect(mailer.sent.slice(before).filter((m) => m.subject.includes(program.title))).toEqual([]);
  });

  it('leaves a program without the setting, and drafts, alone', async () => {
    const endsOn = '2036-06-01';
    const none = await programWithTeam(endsOn, null, 1);
    const draft = await programWithTeam(endsOn, 1, 1);
    expect((await fac.patch(`/api/programs/${draft.program.id}`, { status: 'draft' })).statusCode).toBe(200);
    await runCheckinReminders(t.deps, at(addDays(endsOn, 10)));
    expect(await notified(none.program.title)).toEqual([]);
    expect(await notified(draft.program.title)).toEqual([]);
  });
});

describe('checkins: my check-ins and the outcome', () => {
  it('shows learner and manager their check-in; only the manager records it (400 on bad input, 404 for others); audited; the learner sees it', async () => {
    // Ended three weeks ago with a one-week check-in: due two weeks ago (overdue) by the real clock.
    const endsOn = addDays(today(), -21);
    const { program, manager, learners } = await programWithTeam(endsOn, 1, 2);
    await runCheckinReminders(t.deps, at(addDays(endsOn, 7)));
    const maya = await t.signIn(manager.email);
    const lee = await t.signIn(learners[0].email);
    const otherLearner = await t.signIn(learners[1].email);
    const mine = (await maya.get('/api/checkins')).json() as { asManager: { id: string; learner: { id: string }; state: string; abilities: { canRecord: boolean }; program: { id: string } }[] };
    const ofProgram = mine.asManager.filter((c) => c.program.id === program.id);
    expect(ofProgram).toHaveLength(2);
    expect(ofProgram.every((c) => c.state === 'overdue' && c.abilities.canRecord)).toBe(true);
    const leesView = (await lee.get('/api/checkins')).json();
    expect(leesView.asManager).toEqual([]);
    expect(leesView.asLearner).toHaveLength(1);
    expect(leesView.asLearner[0]).toMatchObject({ manager: { id: manager.id }, outcome: null, abilities: { canRecord: false } });
    const id = leesView.asLearner[0].id as string;
    const good = { heldOn: today(), note: 'Talked through the first feedback conversation.', nextStep: 'Give feedback to one peer this week' };

    // Someone else's: 404 (another learner, another org, a facilitator, an unknown id); the learner themself: 403.
    for (const c of [otherLearner, outsider, fac]) expect((await c.post(`/api/checkins/${id}/outcome`, good)).statusCode).toBe(404);
    expect((await maya.post('/api/checkins/00000000-0000-4000-8000-000000000000/outcome', good)).statusCode).toBe(404);
    expect((await lee.post(`/api/checkins/${id}/outcome`, good)).statusCode).toBe(403);
    // Bad input: 400 with the field.
    const bad = [
      { ...good, heldOn: addDays(today(), 1) },
      { ...good, heldOn: addDays(endsOn, -1) },
      { ...good, heldOn: '2026-02-30' },
      { ...good, nextStep: '   ' },
      { ...good, note: 'x'.repeat(4001) },
      { ...good, extra: 1 },
    ];
    for (const body of bad) {
      const r = await maya.post(`/api/checkins/${id}/outcome`, body);
      expect(r.statusCode, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(r.json().code).toBe('VALIDATION_FAILED');
    }
    expect((await lee.get('/api/checkins')).json().asLearner[0].outcome).toBeNull();

    const recorded = await maya.post(`/api/checkins/${id}/outcome`, good);
    expect(recorded.statusCode, recorded.body).toBe(200);
    expect(recorded.json()).toMatchObject({ state: 'held', outcome: good });
    expect((await lee.get('/api/checkins')).json().asLearner[0]).toMatchObject({ state: 'held', outcome: good });
    // Facilitators and admins learn that and when they met, never what was said.
    for (const c of [fac, admin]) {
      const listed = (await c.get(`/api/programs/${program.id}/checkins`)).json().items.find((x: { id: string }) => x.id === id);
      expect(listed).toMatchObject({ state: 'held', outcome: { heldOn: good.heldOn, note: null, nextStep: null } });
    }
    const audits = await rows<{ actorId: string }>(sql`select actor_id as "actorId" from audit_log where action = 'checkins.outcome_recorded' and target = ${`checkin:${id}`}`);
    expect(audits).toEqual([{ actorId: manager.id }]);
    const told = await notified(program.title);
    expect(told.filter((n) => n.personId === learners[0].id && /recorded your check-in/.test(n.title))).toHaveLength(1);

    // A held check-in is never nudged nor escalated; the other one is.
    await runCheckinReminders(t.deps, new Date());
    expect((await notified(program.title)).filter((n) => n.personId === manager.id && /overdue/.test(n.title)).map((n) => n.title)).toEqual([expect.stringContaining(learners[1].name)]);
    const escalations = (await notified(program.title)).filter((n) => n.personId === facilitator.id);
    expect(escalations).toHaveLength(1);
    expect(escalations[0].title).toContain(learners[1].name);
  });

  it('lists a program’s check-ins to its facilitators and org admins only (404 for everyone else)', async () => {
    const endsOn = addDays(today(), -10);
    const { program, manager, learners } = await programWithTeam(endsOn, 1, 1);
    await runCheckinReminders(t.deps, new Date());
    const forFac = await fac.get(`/api/programs/${program.id}/checkins`);
    expect(forFac.statusCode, forFac.body).toBe(200);
    expect(forFac.json().items).toHaveLength(1);
    expect(forFac.json().items[0]).toMatchObject({ learner: { id: learners[0].id }, manager: { id: manager.id }, state: 'due', abilities: { canRecord: false } });
    expect((await admin.get(`/api/programs/${program.id}/checkins`)).statusCode).toBe(200);
    for (const c of [await t.signIn(manager.email), await t.signIn(learners[0].email), outsider]) {
      expect((await c.get(`/api/programs/${program.id}/checkins`)).statusCode).toBe(404);
    }
  });
});
