import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.ts';

let t: TestApp;
type Client = Awaited<ReturnType<TestApp['signIn']>>;
const p: Record<string, { id: string; email: string }> = {};
const c: Record<string, Client> = {};
const com: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  const org = await t.buildOrg('Acme');
  const other = await t.buildOrg('Other');
  p.owner = await t.buildPerson(org.id, { name: 'Olga Owner' });
  p.member = await t.buildPerson(org.id, { name: 'Mia Member' });
  p.outsider = await t.buildPerson(org.id, { name: 'Otto Outsider' });
  p.admin = await t.buildPerson(org.id, { name: 'Ada Admin', roles: ['admin'] });
  p.stranger = await t.buildPerson(other.id, { name: 'Stan Stranger' });
  for (const k of Object.keys(p)) c[k] = await t.signIn(p[k].email);
  for (const v of ['open', 'private', 'secret']) {
    const res = await c.owner.post('/api/communities', { name: `Guild ${v}`, visibility: v });
    expect(res.statusCode, res.body).toBe(201);
    com[v] = res.json().id;
    if (v === 'open') await c.member.post(`/api/communities/${com[v]}/join`, { acceptRulesVersion: 1 });
    else {
      await c.owner.post(`/api/communities/${com[v]}/members`, { personIds: [p.member.id] });
      expect((await c.member.post(`/api/communities/${com[v]}/join`, { acceptRulesVersion: 1 })).json().membership.status).toBe('active');
    }
  }
});
afterAll(() => t.close());

const link = (over: Record<string, unknown> = {}) => ({ type: 'article', title: 'Radical Candor in 10 minutes', url: 'https://example.com/candor', summary: 'Care personally, challenge directly.', durationMinutes: 10, tags: ['Feedback', 'leadership', 'feedback'], ...over });

async function share(client: Client, over: Record<string, unknown> = {}) {
  const res = await client.post('/api/resources', link(over));
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function events(type: string) {
  const res = (await t.db.execute(sql`select payload from domain_events where type = ${type} order by id`)) as unknown as { rows: { payload: Record<string, unknown> }[] };
  return res.rows.map((r) => r.payload);
}

describe('sharing resources', () => {
  it('shares a link into a community with lower-cased, de-duplicated tags and emits resources.shared with the agreed shape', async () => {
    const r = await share(c.member, { communityId: com.open });
    expect(r).toMatchObject({ type: 'article', title: 'Radical Candor in 10 minutes', tags: ['feedback', 'leadership'], durationMinutes: 10, media: null, ratingAverage: null, ratingCount: 0 });
    expect(r.community).toMatchObject({ id: com.open, name: 'Guild open' });
    expect(r.abilities).toEqual({ canEdit: true, canDelete: true, canReview: false });
    const shared = (await events('resources.shared')).find((e) => e.resourceId === r.id);
    expect(shared).toEqual({ resourceId: r.id, communityId: com.open, personId: p.member.id, title: r.title, tags: ['feedback', 'leadership'] });
  });

  it('shares into the organization library (communityId null) for anyone in the organization', async () => {
    const r = await share(c.outsider, { title: 'Library book', type: 'book', url: 'http://example.com/book' });
    expect(r.community).toBeNull();
    expect((await events('resources.shared')).find((e) => e.resourceId === r.id)?.communityId).toBeNull();
    expect((await c.member.get(`/api/resources/${r.id}`)).statusCode).toBe(200);
    const lib = (await c.member.get('/api/resources?library=true')).json().items.map((x: { id: string }) => x.id);
    expect(lib).toContain(r.id);
  });

  it('refuses bad input with 400 naming the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ url: 'javascript:alert(1)' }, 'url'],
      [{ url: 'ftp://example.com/file' }, 'url'],
      [{ url: null }, 'url'],
      [{ type: 'meme' }, 'type'],
      [{ title: '   ' }, 'title'],
      [{ durationMinutes: 0 }, 'durationMinutes'],
      [{ tags: Array.from({ length: 11 }, (_, i) => `t${i}`) }, 'tags'],
      [{ tags: ['<script>'] }, 'tags.0'],
      [{ mediaId: '00000000-0000-4000-8000-000000000000' }, 'url'],
    ];
    for (const [over, field] of cases) {
      const res = await c.member.post('/api/resources', link(over));
      expect(res.statusCode, JSON.stringify(over)).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    const foreign = await c.member.post('/api/resources', link({ url: null, mediaId: '00000000-0000-4000-8000-000000000000' }));
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().errors[0].field).toBe('mediaId');
  });

  it('needs posting rights to share into a community; a failed share writes nothing', async () => {
    const before = (await t.db.execute(sql`select count(*)::int as n from resources`)) as unknown as { rows: { n: number }[] };
    expect((await c.outsider.post('/api/resources', link({ communityId: com.open }))).statusCode).toBe(403);
    expect((await c.outsider.post('/api/resources', link({ communityId: com.private }))).statusCode).toBe(404);
    expect((await c.outsider.post('/api/resources', link({ communityId: com.secret }))).statusCode).toBe(404);
    expect((await c.stranger.post('/api/resources', link({ communityId: com.open }))).statusCode).toBe(404);
    const after = (await t.db.execute(sql`select count(*)::int as n from resources`)) as unknown as { rows: { n: number }[] };
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });

  it('lets the author or a community moderator edit and delete, nobody else; deleted resources are gone', async () => {
    const r = await share(c.member, { communityId: com.open, title: 'To edit' });
    const edited = await c.member.patch(`/api/resources/${r.id}`, { title: 'Edited', tags: ['Coaching'], durationMinutes: null });
    expect(edited.json()).toMatchObject({ title: 'Edited', tags: ['coaching'], durationMinutes: null });
    expect((await c.outsider.patch(`/api/resources/${r.id}`, { title: 'Hijack' })).statusCode).toBe(403);
    expect((await c.member.patch(`/api/resources/${r.id}`, { url: 'data:text/html,hi' })).statusCode).toBe(400);
    // A field left out stays as it was (the tags were once reset to none by any edit that did not name them).
    expect((await c.owner.patch(`/api/resources/${r.id}`, { summary: 'Moderated' })).json()).toMatchObject({ summary: 'Moderated', title: 'Edited', tags: ['coaching'] });
    expect((await c.outsider.send({ method: 'DELETE', url: `/api/resources/${r.id}` })).statusCode).toBe(403);
    expect((await c.owner.send({ method: 'DELETE', url: `/api/resources/${r.id}` })).statusCode).toBe(204);
    expect((await c.member.get(`/api/resources/${r.id}`)).statusCode).toBe(404);
    expect((await c.member.get(`/api/resources?communityId=${com.open}`)).json().items.map((x: { id: string }) => x.id)).not.toContain(r.id);
  });
});

describe('lists', () => {
  it('pages newest first with a keyset cursor and filters by tag, type and mine', async () => {
    const made: string[] = [];
    for (let i = 0; i < 5; i++) made.push((await share(c.owner, { communityId: com.open, title: `Paged ${i}`, type: i % 2 ? 'podcast' : 'video', tags: ['paging', `n${i}`] })).id);
    const first = (await c.member.get('/api/resources?tag=paging&limit=2')).json();
    expect(first.items.map((x: { id: string }) => x.id)).toEqual([made[4], made[3]]);
    const second = (await c.member.get(`/api/resources?tag=paging&limit=2&cursor=${first.nextCursor}`)).json();
    expect(second.items.map((x: { id: string }) => x.id)).toEqual([made[2], made[1]]);
    const third = (await c.member.get(`/api/resources?tag=paging&limit=2&cursor=${second.nextCursor}`)).json();
    expect(third.items.map((x: { id: string }) => x.id)).toEqual([made[0]]);
    expect(third.nextCursor).toBeNull();
    expect((await c.member.get('/api/resources?tag=PAGING&type=podcast')).json().items.map((x: { id: string }) => x.id)).toEqual([made[3], made[1]]);
    const mine = (await c.owner.get('/api/resources?mine=true')).json().items.map((x: { id: string }) => x.id);
    expect(mine).toEqual(expect.arrayContaining(made));
    expect((await c.member.get('/api/resources?mine=true')).json().items.some((x: { id: string }) => made.includes(x.id))).toBe(false);
    expect((await c.member.get('/api/resources?cursor=garbage')).statusCode).toBe(400);
    expect((await c.member.get('/api/resources?type=meme')).json().errors[0].field).toBe('type');
  });
});

describe('authorization matrix', () => {
  const res: Record<string, string> = {};
  beforeAll(async () => {
    for (const v of ['open', 'private', 'secret']) res[v] = (await share(c.owner, { communityId: com[v], title: `In ${v}`, tags: ['matrix'] })).id;
    res.library = (await share(c.owner, { title: 'In library', tags: ['matrix'] })).id;
  });
  const cases: [string, Record<string, number>, number][] = [
    ['member', { open: 200, private: 200, secret: 200, library: 200 }, 4],
    ['outsider', { open: 200, private: 404, secret: 404, library: 200 }, 2],
    ['admin', { open: 200, private: 404, secret: 404, library: 200 }, 2],
    ['stranger', { open: 404, private: 404, secret: 404, library: 404 }, 0],
  ];
  for (const [who, want, listed] of cases) {
    it(`${who}: resources ${JSON.stringify(want)}, sees ${listed} in lists, cannot review what it cannot see`, async () => {
      for (const [where, status] of Object.entries(want)) {
        expect((await c[who].get(`/api/resources/${res[where]}`)).statusCode, where).toBe(status);
        if (status === 404) expect((await c[who].send({ method: 'PUT', url: `/api/resources/${res[where]}/review`, payload: { rating: 5 } })).statusCode).toBe(404);
        if (status === 404) expect((await c[who].patch(`/api/resources/${res[where]}`, { title: 'x' })).statusCode).toBe(404);
      }
      expect((await c[who].get('/api/resources?tag=matrix')).json().items?.length ?? 0).toBe(listed);
    });
  }

  it('answers a private community’s list with 403 to non-members and a secret one with 404', async () => {
    expect((await c.outsider.get(`/api/resources?communityId=${com.private}`)).statusCode).toBe(403);
    expect((await c.outsider.get(`/api/resources?communityId=${com.secret}`)).statusCode).toBe(404);
    expect((await c.stranger.get(`/api/resources?communityId=${com.open}`)).statusCode).toBe(404);
  });
});

describe('ratings and reviews', () => {
  it('keeps one editable rating per person, maintains the average and count, and refuses rating one’s own', async () => {
    const r = await share(c.owner, { communityId: com.open, title: 'Rate me' });
    expect((await c.owner.send({ method: 'PUT', url: `/api/resources/${r.id}/review`, payload: { rating: 5 } })).statusCode).toBe(403);
    const one = await c.member.send({ method: 'PUT', url: `/api/resources/${r.id}/review`, payload: { rating: 4, review: '  Useful <b>framework</b>  ' } });
    expect(one.statusCode, one.body).toBe(200);
    expect(one.json()).toMatchObject({ ratingAverage: 4, ratingCount: 1, myReview: { rating: 4, review: 'Useful <b>framework</b>' } });
    await c.outsider.send({ method: 'PUT', url: `/api/resources/${r.id}/review`, payload: { rating: 1 } });
    const changed = (await c.member.send({ method: 'PUT', url: `/api/resources/${r.id}/review`, payload: { rating: 2, review: 'On reflection, meh' } })).json();
    expect(changed).toMatchObject({ ratingAverage: 1.5, ratingCount: 2 });
    expect(changed.reviews.map((v: { person: { id: string } }) => v.person.id)).toEqual([p.member.id, p.outsider.id]);
    const row = (await t.db.execute(sql`select rating_sum as s, rating_count as n from resources where id = ${r.id}`)) as unknown as { rows: { s: number; n: number }[] };
    expect(row.rows[0]).toEqual({ s: 3, n: 2 });
    const withdrawn = (await c.outsider.send({ method: 'DELETE', url: `/api/resources/${r.id}/review` })).json();
    expect(withdrawn).toMatchObject({ ratingAverage: 2, ratingCount: 1, myReview: null });
    expect((await c.outsider.send({ method: 'DELETE', url: `/api/resources/${r.id}/review` })).statusCode).toBe(404);
    expect((await events('resources.reviewed')).filter((e) => e.resourceId === r.id)).toEqual([
      { resourceId: r.id, personId: p.member.id, authorId: p.owner.id, rating: 4 },
      { resourceId: r.id, personId: p.outsider.id, authorId: p.owner.id, rating: 1 },
      { resourceId: r.id, personId: p.member.id, authorId: p.owner.id, rating: 2 },
    ]);
  });

  it('refuses ratings outside 1–5 and reviews over 2000 characters, leaving the counters untouched', async () => {
    const r = await share(c.owner, { title: 'Bounds' });
    for (const payload of [{ rating: 0 }, { rating: 6 }, { rating: 3.5 }, { rating: 3, review: 'x'.repeat(2001) }]) {
      const res = await c.member.send({ method: 'PUT', url: `/api/resources/${r.id}/review`, payload });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0].field).toBe('review' in payload ? 'review' : 'rating');
    }
    expect((await c.member.get(`/api/resources/${r.id}`)).json()).toMatchObject({ ratingCount: 0, ratingAverage: null, reviews: [] });
  });
});

describe('collections', () => {
  it('lets members curate an ordered list with notes in a community; the owner or moderators edit, others cannot', async () => {
    const a = await share(c.owner, { communityId: com.open, title: 'Podcast A', type: 'podcast' });
    const b = await share(c.owner, { communityId: com.open, title: 'Podcast B', type: 'podcast' });
    const created = await c.member.post('/api/collections', { communityId: com.open, title: 'Top podcasts for new leaders' });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    expect((await c.outsider.post('/api/collections', { communityId: com.open, title: 'Nope' })).statusCode).toBe(403);
    await c.member.send({ method: 'PUT', url: `/api/collections/${id}/items/${a.id}`, payload: { note: 'Start here' } });
    const two = (await c.member.send({ method: 'PUT', url: `/api/collections/${id}/items/${b.id}`, payload: {} })).json();
    expect(two.items.map((i: { resource: { id: string }; note: string }) => [i.resource.id, i.note])).toEqual([[a.id, 'Start here'], [b.id, '']]);
    const reordered = (await c.member.send({ method: 'PUT', url: `/api/collections/${id}/order`, payload: { resourceIds: [b.id, a.id] } })).json();
    expect(reordered.items.map((i: { resource: { id: string } }) => i.resource.id)).toEqual([b.id, a.id]);
    expect((await c.member.send({ method: 'PUT', url: `/api/collections/${id}/order`, payload: { resourceIds: [b.id, b.id] } })).statusCode).toBe(400);
    expect((await c.outsider.send({ method: 'PUT', url: `/api/collections/${id}/items/${a.id}`, payload: { note: 'mine now' } })).statusCode).toBe(403);
    expect((await c.outsider.get(`/api/collections/${id}`)).json().abilities).toEqual({ canEdit: false, canDelete: false });
    expect((await c.owner.patch(`/api/collections/${id}`, { title: 'Top 2 podcasts' })).json().title).toBe('Top 2 podcasts');
    const removed = (await c.member.send({ method: 'DELETE', url: `/api/collections/${id}/items/${b.id}` })).json();
    expect(removed.items).toHaveLength(1);
    const listed = (await c.outsider.get(`/api/collections?communityId=${com.open}`)).json().items;
    expect(listed.map((x: { id: string; itemCount: number }) => [x.id, x.itemCount])).toEqual([[id, 1]]);
    expect((await c.outsider.send({ method: 'DELETE', url: `/api/collections/${id}` })).statusCode).toBe(403);
    expect((await c.owner.send({ method: 'DELETE', url: `/api/collections/${id}` })).statusCode).toBe(204);
    expect((await c.member.get(`/api/collections/${id}`)).statusCode).toBe(404);
  });

  it('shows each viewer only the items they may see, and hides a secret community’s collections', async () => {
    const secretRes = await share(c.member, { communityId: com.secret, title: 'Secret talk' });
    const open = await share(c.member, { title: 'Open talk' });
    const list = (await c.member.post('/api/collections', { title: 'My mix' })).json();
    await c.member.send({ method: 'PUT', url: `/api/collections/${list.id}/items/${secretRes.id}`, payload: {} });
    await c.member.send({ method: 'PUT', url: `/api/collections/${list.id}/items/${open.id}`, payload: {} });
    expect((await c.member.get(`/api/collections/${list.id}`)).json().items).toHaveLength(2);
    const seen = (await c.outsider.get(`/api/collections/${list.id}`)).json();
    expect(seen.items.map((i: { resource: { id: string } }) => i.resource.id)).toEqual([open.id]);
    expect(seen.itemCount).toBe(1);
    expect((await c.outsider.send({ method: 'PUT', url: `/api/collections/${list.id}/items/${secretRes.id}`, payload: {} })).statusCode).toBe(403);
    expect((await c.stranger.get(`/api/collections/${list.id}`)).statusCode).toBe(404);
    const inSecret = (await c.member.post('/api/collections', { communityId: com.secret, title: 'Hidden list' })).json();
    expect((await c.outsider.get(`/api/collections/${inSecret.id}`)).statusCode).toBe(404);
    expect((await c.outsider.get(`/api/collections?communityId=${com.secret}`)).statusCode).toBe(404);
    const mine = await c.outsider.post('/api/collections', { title: 'Outsider list' });
    expect((await c.outsider.send({ method: 'PUT', url: `/api/collections/${mine.json().id}/items/${secretRes.id}`, payload: {} })).statusCode).toBe(404);
    expect((await c.outsider.get(`/api/collections/${mine.json().id}`)).json().items).toEqual([]);
  });
});
