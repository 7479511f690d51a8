import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.ts';

let t: TestApp;
type Client = Awaited<ReturnType<TestApp['signIn']>>;
let fac: Client;
let admin: Client;
let member: Client;
let host: Client;
let mod: Client;
let outsider: Client;
let hostId: string;
let memberId: string;
let modId: string;
let privateId: string;
let openId: string;

const inDays = (d: number, h = 0) => new Date(Date.now() + d * 86_400_000 + h * 3_600_000).toISOString();
const base = () => ({ title: 'Design critique', kind: 'workshop', startsAt: inDays(3), endsAt: inDays(3, 2), timeZone: 'Europe/Berlin' });

beforeAll(async () => {
  t = await createTestApp({ EVENT_REMINDER_INTERVAL_SECONDS: '0' });
  const org = await t.buildOrg('Acme');
  const other = await t.buildOrg('Globex');
  const f = await t.buildPerson(org.id, { name: 'Fay Facilitator', roles: ['facilitator'] });
  const a = await t.buildPerson(org.id, { name: 'Ada Admin', roles: ['admin'] });
  const m = await t.buildPerson(org.id, { name: 'Max Member' });
  const h = await t.buildPerson(org.id, { name: 'Hana Host', title: 'Staff designer' });
  const mo = await t.buildPerson(org.id, { name: 'Mo Moderator' });
  const o = await t.buildPerson(other.id, { name: 'Olga Outsider', roles: ['admin'] });
  hostId = h.id;
  memberId = m.id;
  modId = mo.id;
  fac = await t.signIn(f.email);
  admin = await t.signIn(a.email);
  member = await t.signIn(m.email);
  host = await t.signIn(h.email);
  mod = await t.signIn(mo.email);
  outsider = await t.signIn(o.email);
  const priv = await mod.post('/api/communities', { name: 'Design guild', visibility: 'private' });
  expect(priv.statusCode, priv.body).toBe(201);
  privateId = priv.json().id;
  const open = await mod.post('/api/communities', { name: 'Open forum', visibility: 'open' });
  openId = open.json().id;
}, 120_000);
afterAll(() => t.close());

async function create(c: Client, body: Record<string, unknown> = {}) {
  const res = await c.post('/api/events', { ...base(), ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe('creating and editing events', () => {
  it('lets facilitators create organization events with hosts, guest speakers and sanitized Markdown', async () => {
    const e = await create(fac, {
      kind: 'webinar',
      description: 'Bring **sketches** <script>alert(1)</script>',
      hostIds: [hostId],
      guestSpeakers: [{ name: 'Dr. Grace Guest', title: 'Professor of Design' }],
      capacity: 40,
      joinUrl: 'https://meet.example.com/abc',
      location: 'Room 4',
    });
    expect(e).toMatchObject({ kind: 'webinar', status: 'scheduled', capacity: 40, goingCount: 0, sequence: 0, timeZone: 'Europe/Berlin', isOnline: true, community: null });
    expect(e.hosts).toEqual([{ id: hostId, name: 'Hana Host', title: 'Staff designer' }]);
    expect(e.guestSpeakers).toEqual([{ name: 'Dr. Grace Guest', title: 'Professor of Design' }]);
    expect(e.descriptionHtml).toContain('<strong>sketches</strong>');
    expect(e.descriptionHtml).not.toContain('<script');
    // The facilitator edits it, so they see the join link; a member who has not answered does not.
    expect(e.joinUrl).toBe('https://meet.example.com/abc');
    const seen = (await member.get(`/api/events/${e.id}`)).json();
    expect(seen.joinUrl).toBeNull();
    expect(seen.abilities).toMatchObject({ canEdit: false, canRsvp: true, canJoin: false, canAsk: false });
    expect((await host.get(`/api/events/${e.id}`)).json()).toMatchObject({ isHost: true, joinUrl: 'https://meet.example.com/abc', abilities: { canEdit: true } });
  });

  it('refuses members creating organization events, and hides events from other organizations', async () => {
    expect((await member.post('/api/events', base())).statusCode).toBe(403);
    const e = await create(fac);
    expect((await outsider.get(`/api/events/${e.id}`)).statusCode).toBe(404);
    expect((await outsider.patch(`/api/events/${e.id}`, { title: 'Mine' })).statusCode).toBe(404);
    expect((await outsider.send({ method: 'PUT', url: `/api/events/${e.id}/rsvp`, payload: { status: 'going' } })).statusCode).toBe(404);
    expect((await outsider.get(`/api/events/${e.id}/ics`)).statusCode).toBe(404);
    const cal = (await outsider.get(`/api/events?from=${inDays(-1)}&to=${inDays(30)}`)).json();
    expect(cal.items.map((i: { id: string }) => i.id)).not.toContain(e.id);
  });

  it('lets hosts edit their event and refuses other members with 403', async () => {
    const e = await create(fac, { hostIds: [hostId] });
    const edited = await host.patch(`/api/events/${e.id}`, { title: 'Design critique, round 2', recordingUrl: 'https://video.example.com/r/1' });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ title: 'Design critique, round 2', recordingUrl: 'https://video.example.com/r/1', hasRecording: true, sequence: 1 });
    const refused = await member.patch(`/api/events/${e.id}`, { title: 'Hijacked' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('FORBIDDEN');
    expect((await member.post(`/api/events/${e.id}/cancel`)).statusCode).toBe(403);
    expect((await member.get(`/api/events/${e.id}`)).json().title).toBe('Design critique, round 2');
  });

  it('keeps community events to the community’s readers; its moderators create and edit them', async () => {
    expect((await member.post('/api/events', { ...base(), communityId: privateId })).json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    const e = await create(mod, { communityId: privateId, title: 'Guild workshop' });
    expect(e.community).toMatchObject({ id: privateId, name: 'Design guild' });
    expect(e.abilities.canEdit).toBe(true);
    // Not a member: 404 on the event, absent from the calendar, refused on the live channel's authorizer.
    expect((await member.get(`/api/events/${e.id}`)).statusCode).toBe(404);
    expect((await member.get(`/api/events/${e.id}/questions`)).statusCode).toBe(404);
    const ids = async (c: Client) => (await c.get(`/api/events?from=${inDays(-1)}&to=${inDays(30)}`)).json().items.map((i: { id: string }) => i.id);
    expect(await ids(member)).not.toContain(e.id);
    // An org admin who is not a member does not read a private community's calendar either.
    expect((await admin.get(`/api/events/${e.id}`)).statusCode).toBe(404);
    await t.db.execute(sql`insert into community_members (community_id, person_id, org_id, role, status, rules_accepted)
      select ${privateId}, ${memberId}, org_id, 'member', 'active', 1 from people where id = ${memberId}`);
    expect((await member.get(`/api/events/${e.id}`)).statusCode).toBe(200);
    expect(await ids(member)).toContain(e.id);
    expect((await member.patch(`/api/events/${e.id}`, { title: 'x' })).statusCode).toBe(403);
    expect((await mod.patch(`/api/events/${e.id}`, { capacity: 12 })).json().capacity).toBe(12);
    // Members of an open community may not put events on its calendar; its moderator may.
    expect((await member.post('/api/events', { ...base(), communityId: openId })).statusCode).toBe(403);
    const open = await create(mod, { communityId: openId });
    expect(await ids(member)).toContain(open.id);
  });

  it('attaches resources the editor can see and plain links, and refuses unknown resources', async () => {
    const r = await fac.post('/api/resources', { type: 'article', title: 'Critique guide', url: 'https://guide.example.com/' });
    expect(r.statusCode, r.body).toBe(201);
    const e = await create(fac);
    const res = await fac.patch(`/api/events/${e.id}`, { resources: [{ resourceId: r.json().id }, { title: 'Slides', url: 'https://slides.example.com/1' }] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().resources.map((x: { title: string; url: string; resourceId: string | null }) => [x.title, x.url, x.resourceId])).toEqual([
      ['Critique guide', 'https://guide.example.com/', r.json().id],
      ['Slides', 'https://slides.example.com/1', null],
    ]);
    const bad = await fac.patch(`/api/events/${e.id}`, { resources: [{ resourceId: '00000000-0000-4000-8000-000000000000' }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([{ field: 'resources.0.resourceId', message: 'Unknown resource' }]);
    expect((await fac.get(`/api/events/${e.id}`)).json().resources).toHaveLength(2);
  });
});

describe('attachments the viewer may not read', () => {
  it('leaves out a resource from a community the viewer cannot read', async () => {
    const r = await mod.post('/api/resources', { communityId: privateId, type: 'article', title: 'Guild secrets', url: 'https://guild.example.com/' });
    expect(r.statusCode, r.body).toBe(201);
    const e = await create(fac, { hostIds: [modId] });
    const res = await mod.patch(`/api/events/${e.id}`, { resources: [{ resourceId: r.json().id }, { title: 'Public notes', url: 'https://notes.example.com/' }] });
    expect(res.json().resources.map((x: { title: string }) => x.title)).toEqual(['Guild secrets', 'Public notes']);
    expect((await host.get(`/api/events/${e.id}`)).json().resources.map((x: { title: string }) => x.title)).toEqual(['Public notes']);
    // Someone who cannot read the resource cannot attach it either.
    expect((await fac.patch(`/api/events/${e.id}`, { resources: [{ resourceId: r.json().id }] })).statusCode).toBe(400);
  });
});

describe('bad input', () => {
  const field = async (body: Record<string, unknown>) => {
    const res = await fac.post('/api/events', { ...base(), ...body });
    expect(res.statusCode, res.body).toBe(400);
    return res.json().errors.map((e: { field: string }) => e.field);
  };
  it('answers 400 with the field for an end before the start, a bad time zone, capacity 0 and a non-https join link', async () => {
    expect(await field({ endsAt: inDays(2) })).toContain('endsAt');
    expect(await field({ timeZone: 'Mars/Olympus' })).toContain('timeZone');
    expect(await field({ capacity: 0 })).toContain('capacity');
    expect(await field({ joinUrl: 'http://meet.example.com/abc' })).toContain('joinUrl');
    expect(await field({ kind: 'party' })).toContain('kind');
    expect(await field({ hostIds: ['00000000-0000-4000-8000-000000000000'] })).toContain('hostIds');
    expect(await field({ programId: '00000000-0000-4000-8000-000000000000' })).toContain('programId');
  });

  it('checks the end against the stored start when only one of them changes', async () => {
    const e = await create(fac);
    const res = await fac.patch(`/api/events/${e.id}`, { endsAt: inDays(1) });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('endsAt');
  });

  it('refuses a calendar range that ends before it starts or is too long', async () => {
    expect((await member.get(`/api/events?from=${inDays(5)}&to=${inDays(1)}`)).json().errors[0].field).toBe('to');
    expect((await member.get(`/api/events?from=${inDays(0)}&to=${inDays(500)}`)).statusCode).toBe(400);
  });
});

describe('the calendar', () => {
  it('answers events overlapping the range by start time, with my RSVP, and filters mine and by community', async () => {
    const later = await create(fac, { title: 'Later', startsAt: inDays(20), endsAt: inDays(20, 1) });
    const sooner = await create(fac, { title: 'Sooner', startsAt: inDays(10), endsAt: inDays(10, 1) });
    await member.send({ method: 'PUT', url: `/api/events/${later.id}/rsvp`, payload: { status: 'going' } });
    const cal = (await member.get(`/api/events?from=${inDays(9)}&to=${inDays(21)}`)).json();
    const titles = cal.items.map((i: { title: string }) => i.title);
    expect(titles.indexOf('Sooner')).toBeLessThan(titles.indexOf('Later'));
    expect(cal.items.find((i: { id: string }) => i.id === later.id).myRsvp).toEqual({ status: 'going', waitlistPosition: null, attendedAt: null });
    expect(cal.truncated).toBe(false);
    const mine = (await member.get(`/api/events?from=${inDays(9)}&to=${inDays(21)}&mine=true`)).json().items.map((i: { id: string }) => i.id);
    expect(mine).toEqual([later.id]);
    expect(mine).not.toContain(sooner.id);
    const inOpen = (await member.get(`/api/events?from=${inDays(-1)}&to=${inDays(30)}&communityId=${openId}`)).json().items;
    expect(inOpen.length).toBeGreaterThan(0);
    expect(inOpen.every((i: { community: { id: string } }) => i.community.id === openId)).toBe(true);
  });
});
