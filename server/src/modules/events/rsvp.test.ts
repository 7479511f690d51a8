import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.ts';

let t: TestApp;
type Client = Awaited<ReturnType<TestApp['signIn']>>;
let fac: Client;
let host: Client;
let hostId: string;
const people: { id: string; c: Client }[] = [];

const at = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();

beforeAll(async () => {
  t = await createTestApp({ EVENT_REMINDER_INTERVAL_SECONDS: '0', SIGNIN_PER_IP_PER_MINUTE: '1000' });
  const org = await t.buildOrg('Acme');
  const f = await t.buildPerson(org.id, { name: 'Fay Facilitator', roles: ['facilitator'] });
  const h = await t.buildPerson(org.id, { name: 'Hana Host' });
  hostId = h.id;
  fac = await t.signIn(f.email);
  host = await t.signIn(h.email);
  for (let i = 0; i < 20; i++) {
    const p = await t.buildPerson(org.id, { name: `Person ${String(i).padStart(2, '0')}` });
    people.push({ id: p.id, c: await t.signIn(p.email) });
  }
}, 120_000);
afterAll(() => t.close());

async function create(body: Record<string, unknown> = {}) {
  const res = await fac.post('/api/events', { title: 'Webinar', kind: 'webinar', startsAt: at(3 * 24 * 60), endsAt: at(3 * 24 * 60 + 60), timeZone: 'UTC', ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
const answer = (c: Client, id: string, status: 'going' | 'not_going') => c.send({ method: 'PUT', url: `/api/events/${id}/rsvp`, payload: { status } });

describe('RSVP, capacity and waitlist', () => {
  it('seats exactly the capacity when 20 people answer going at once, and waitlists the rest in order', async () => {
    const e = await create({ capacity: 5 });
    const answers = await Promise.all(people.map((p) => answer(p.c, e.id, 'going')));
    expect(answers.map((a) => a.statusCode)).toEqual(people.map(() => 200));
    const mine = answers.map((a) => a.json().myRsvp);
    expect(mine.filter((r) => r.status === 'going')).toHaveLength(5);
    const places = mine.filter((r) => r.status === 'waitlisted').map((r) => r.waitlistPosition);
    expect(places).toHaveLength(15);
    // Positions answered inside each transaction are exact: 1..15, no duplicates.
    expect([...places].sort((a, b) => a - b)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
    const after = (await fac.get(`/api/events/${e.id}`)).json();
    expect(after).toMatchObject({ goingCount: 5, waitlistCount: 15 });
    const rows = await t.db.execute(sql`select status, count(*)::int as n from event_rsvps where event_id = ${e.id} group by status order by status`);
    expect((rows as unknown as { rows: { status: string; n: number }[] }).rows).toEqual([
      { status: 'going', n: 5 },
      { status: 'waitlisted', n: 15 },
    ]);
  });

  it('promotes the first waitlisted people when going people cancel, also concurrently', async () => {
    const e = await create({ capacity: 2 });
    for (const p of people.slice(0, 5)) expect((await answer(p.c, e.id, 'going')).statusCode).toBe(200);
    const status = async (i: number) => (await people[i].c.get(`/api/events/${e.id}`)).json().myRsvp;
    expect(await status(2)).toEqual({ status: 'waitlisted', waitlistPosition: 1, attendedAt: null });
    expect(await status(4)).toEqual({ status: 'waitlisted', waitlistPosition: 3, attendedAt: null });
    await Promise.all([answer(people[0].c, e.id, 'not_going'), answer(people[1].c, e.id, 'not_going')]);
    expect((await status(2)).status).toBe('going');
    expect((await status(3)).status).toBe('going');
    expect(await status(4)).toEqual({ status: 'waitlisted', waitlistPosition: 1, attendedAt: null });
    expect((await status(0)).status).toBe('not_going');
    expect((await fac.get(`/api/events/${e.id}`)).json()).toMatchObject({ goingCount: 2, waitlistCount: 1 });
    // Answering going again goes to the back of the line.
    await answer(people[0].c, e.id, 'going');
    expect(await status(0)).toEqual({ status: 'waitlisted', waitlistPosition: 2, attendedAt: null });
    // A larger capacity lets the waitlist in, in order.
    const grown = await fac.patch(`/api/events/${e.id}`, { capacity: 3 });
    expect(grown.json()).toMatchObject({ goingCount: 3, waitlistCount: 1 });
    expect((await status(4)).status).toBe('going');
    expect(await status(0)).toEqual({ status: 'waitlisted', waitlistPosition: 1, attendedAt: null });
  });

  it('answers 409 with a clear code for a cancelled or ended event, and changes nothing', async () => {
    const cancelled = await create();
    expect((await fac.post(`/api/events/${cancelled.id}/cancel`)).json().status).toBe('cancelled');
    const a = await answer(people[0].c, cancelled.id, 'going');
    expect(a.statusCode).toBe(409);
    expect(a.json().code).toBe('EVENT_CANCELLED');
    expect((await fac.post(`/api/events/${cancelled.id}/cancel`)).json().code).toBe('EVENT_CANCELLED');
    const past = await create({ startsAt: at(-120), endsAt: at(-60) });
    const b = await answer(people[0].c, past.id, 'going');
    expect(b.statusCode).toBe(409);
    expect(b.json().code).toBe('EVENT_ENDED');
    expect((await people[0].c.get(`/api/events/${past.id}`)).json()).toMatchObject({ myRsvp: null, goingCount: 0, abilities: { canRsvp: false } });
  });
});

describe('join link, attendance and attendee list', () => {
  it('shows the join link only to going attendees and hosts, and records attendance on join', async () => {
    const e = await create({ startsAt: at(10), endsAt: at(70), joinUrl: 'https://meet.example.com/live', hostIds: [hostId], capacity: 1 });
    const [goer, waiter, stranger] = people;
    await answer(goer.c, e.id, 'going');
    await answer(waiter.c, e.id, 'going');
    expect((await goer.c.get(`/api/events/${e.id}`)).json()).toMatchObject({ joinUrl: 'https://meet.example.com/live', abilities: { canJoin: true, canAsk: true } });
    expect((await waiter.c.get(`/api/events/${e.id}`)).json()).toMatchObject({ joinUrl: null, abilities: { canJoin: false } });
    expect((await stranger.c.get(`/api/events/${e.id}`)).json().joinUrl).toBeNull();
    expect((await host.get(`/api/events/${e.id}`)).json().joinUrl).toBe('https://meet.example.com/live');
    const refused = await waiter.c.post(`/api/events/${e.id}/join`);
    expect(refused.statusCode).toBe(403);
    const joined = await goer.c.post(`/api/events/${e.id}/join`);
    expect(joined.statusCode, joined.body).toBe(200);
    expect(joined.json()).toMatchObject({ joinUrl: 'https://meet.example.com/live', liveSessionId: null });
    // A second join keeps the first attendance time.
    expect((await goer.c.post(`/api/events/${e.id}/join`)).json().attendedAt).toBe(joined.json().attendedAt);
    expect((await goer.c.get(`/api/events/${e.id}`)).json().myRsvp.attendedAt).toBe(joined.json().attendedAt);
  });

  it('opens joining 15 minutes before the start and answers the live session to join', async () => {
    const liveSessionId = '5f0c7a1e-8d2b-4c3e-9a4f-1b2c3d4e5f60';
    const e = await create({ startsAt: at(60), endsAt: at(120), liveSessionId });
    await answer(people[5].c, e.id, 'going');
    const early = await people[5].c.post(`/api/events/${e.id}/join`);
    expect(early.statusCode).toBe(409);
    await fac.patch(`/api/events/${e.id}`, { startsAt: at(5) });
    const res = await people[5].c.post(`/api/events/${e.id}/join`);
    expect(res.json()).toMatchObject({ joinUrl: null, liveSessionId });
  });

  it('lets hosts see attendees (JSON and CSV) and mark attendance; others get 403', async () => {
    const e = await create({ hostIds: [hostId], capacity: 1 });
    await answer(people[6].c, e.id, 'going');
    await answer(people[7].c, e.id, 'going');
    await answer(people[8].c, e.id, 'not_going');
    expect((await people[6].c.get(`/api/events/${e.id}/attendees`)).statusCode).toBe(403);
    expect((await host.send({ method: 'PUT', url: `/api/events/${e.id}/attendance/${people[6].id}`, payload: { attended: true } })).statusCode).toBe(204);
    expect((await host.send({ method: 'PUT', url: `/api/events/${e.id}/attendance/${people[9].id}`, payload: { attended: true } })).statusCode).toBe(404);
    const list = (await host.get(`/api/events/${e.id}/attendees`)).json().items;
    expect(list.map((a: { name: string; status: string; waitlistPosition: number | null }) => [a.name, a.status, a.waitlistPosition])).toEqual([
      ['Person 06', 'going', null],
      ['Person 07', 'waitlisted', 1],
      ['Person 08', 'not_going', null],
    ]);
    expect(list[0].attendedAt).not.toBeNull();
    const csv = await host.get(`/api/events/${e.id}/attendees?format=csv`);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toBe('name,email,title,status,waitlist_position,responded_at,attended_at');
    expect(lines).toHaveLength(4);
    expect(lines[2]).toContain('Person 07');
    expect(lines[2]).toContain(',waitlisted,1,');
  });
});
