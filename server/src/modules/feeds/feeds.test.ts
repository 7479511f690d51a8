import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FEED_LIMITS } from '../../../../contracts/index.ts';
import { follows, pathways, resources } from '../../../db/schema/index.ts';
import { createTestApp, type TestApp } from '../../../test/harness.ts';

let t: TestApp;
type Client = Awaited<ReturnType<TestApp['signIn']>>;
type Item = { id: number; verb: string; actor: { id: string; name: string }; subject: { kind: string; id: string; title: string }; community: { slug: string } | null; tags: string[]; url: string };
const p: Record<string, { id: string; email: string }> = {};
const c: Record<string, Client> = {};
const com: Record<string, { id: string; slug: string }> = {};
const th: Record<string, string> = {};
let orgId = '';

async function community(by: Client, name: string, visibility: string, topics: string[] = []) {
  const res = await by.post('/api/communities', { name, visibility, topics });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function thread(by: Client, communityId: string, title: string, kind = 'discussion') {
  const res = await by.post(`/api/communities/${communityId}/threads`, { title, body: 'Body text.', kind });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

async function feed(by: Client, url = '/api/feed/home?limit=50') {
  const res = await by.get(url);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as Item[];
}
const lines = async (by: Client, url?: string) => (await feed(by, url)).map((i) => `${i.verb}:${i.subject.title}`);

/** Waits until every activity handler for the events so far has written (handlers run after commit). */
async function settle(count: number) {
  await vi.waitFor(async () => {
    const [row] = (await t.db.execute(sql`select count(*)::int as n from activities`)).rows as { n: number }[];
    expect(row.n).toBe(count);
  });
}

async function emitShared(type: string, payload: Record<string, unknown>) {
  await t.deps.events.transaction(t.db, async (_tx, emit) => emit({ type, orgId, payload }));
}

beforeAll(async () => {
  t = await createTestApp({ POSTS_PER_MINUTE: '1000' });
  const org = await t.buildOrg('Acme');
  orgId = org.id;
  const other = await t.buildOrg('Globex');
  p.owner = await t.buildPerson(org.id, { name: 'Olivia Owner' });
  p.member = await t.buildPerson(org.id, { name: 'Mia Member' });
  p.follower = await t.buildPerson(org.id, { name: 'Fred Follower' });
  p.stranger = await t.buildPerson(org.id, { name: 'Sam Stranger' });
  p.outsider = await t.buildPerson(other.id, { name: 'Olga Outsider' });
  p.gone = await t.buildPerson(org.id, { name: 'Gina Gone', status: 'deactivated' });
  for (const k of ['owner', 'member', 'follower', 'stranger', 'outsider']) c[k] = await t.signIn(p[k].email);

  com.guild = await community(c.owner, 'Kube Guild', 'open', ['Kubernetes']);
  com.inner = await community(c.owner, 'Inner Circle', 'private');
  com.cabal = await community(c.owner, 'Cabal', 'secret');
  expect((await c.member.post(`/api/communities/${com.guild.id}/join`, { acceptRulesVersion: 1 })).statusCode).toBe(200);
  await c.owner.post(`/api/communities/${com.inner.id}/members`, { personIds: [p.member.id] });
  expect((await c.member.post(`/api/communities/${com.inner.id}/join`, { acceptRulesVersion: 1 })).statusCode).toBe(200);
  await settle(5);
  th.guild = await thread(c.owner, com.guild.id, 'Cluster upgrade', 'question');
  th.inner = await thread(c.owner, com.inner.id, 'Inner plans');
  th.cabal = await thread(c.owner, com.cabal.id, 'Cabal plans');
  th.doomed = await thread(c.owner, com.guild.id, 'Doomed thread');
  await settle(9);
  const reply = await c.member.post(`/api/threads/${th.guild}/posts`, { body: 'Drain the nodes first.' });
  expect(reply.statusCode).toBe(201);
  th.reply = reply.json().id;
  await settle(10);
  expect((await c.owner.send({ method: 'PUT', url: `/api/threads/${th.guild}/accepted`, payload: { postId: th.reply } })).statusCode).toBe(200);
  await settle(11);
  expect((await c.owner.send({ method: 'DELETE', url: `/api/threads/${th.doomed}` })).statusCode).toBe(204);

  const [lib] = await t.db.insert(resources).values({ orgId, authorId: p.owner.id, type: 'article', title: 'Library article', tags: ['helm'] }).returning();
  await emitShared('resources.shared', { resourceId: lib.id, communityId: null, personId: p.owner.id, title: lib.title, tags: ['Helm'] });
  const [draft] = await t.db.insert(pathways).values({ orgId, authorId: p.owner.id, communityId: com.guild.id, title: 'Draft path', status: 'draft' }).returning();
  await emitShared('pathways.published', { pathwayId: draft.id, communityId: com.guild.id, personId: p.owner.id, title: draft.title });
  const [live] = await t.db.insert(pathways).values({ orgId, authorId: p.member.id, communityId: com.guild.id, title: 'Live path', status: 'published' }).returning();
  await emitShared('pathways.published', { pathwayId: live.id, communityId: com.guild.id, personId: p.member.id, title: live.title });
  await settle(14);
});
afterAll(() => t.close());

describe('activities written from events', () => {
  it('a member’s home feed shows their communities’ activity newest first, with what the web needs', async () => {
    const items = await feed(c.member);
    expect(items.map((i) => `${i.verb}:${i.subject.title}`)).toEqual([
      'pathway_published:Live path',
      'answer_accepted:Cluster upgrade',
      'reply_posted:Cluster upgrade',
      'thread_created:Inner plans',
      'thread_created:Cluster upgrade',
      'member_joined:Inner Circle',
      'member_joined:Kube Guild',
      'community_created:Inner Circle',
      'community_created:Kube Guild',
    ]);
    const reply = items.find((i) => i.verb === 'reply_posted');
    expect(reply).toMatchObject({ actor: { id: p.member.id, name: 'Mia Member' }, subject: { kind: 'post', id: th.reply }, community: { slug: com.guild.slug }, tags: ['kubernetes'] });
    expect(reply?.url).toBe(`/threads/${th.guild}#post-${th.reply}`);
    expect(items.find((i) => i.verb === 'thread_created')?.url).toBe(`/threads/${th.inner}`);
    expect(items.find((i) => i.verb === 'pathway_published')?.url).toMatch(/^\/pathways\//);
  });

  it('keeps deleted threads, secret communities and others’ drafts out', async () => {
    const all = [...(await lines(c.member)), ...(await lines(c.owner))];
    expect(all.filter((l) => l.includes('Doomed'))).toEqual([]);
    expect(await lines(c.member)).not.toContain('thread_created:Cabal plans');
    expect(await lines(c.member)).not.toContain('pathway_published:Draft path');
    expect(await lines(c.owner)).toContain('pathway_published:Draft path');
    expect(await lines(c.owner)).toContain('thread_created:Cabal plans');
  });

  it('a deleted reply leaves the feed too', async () => {
    const r = await c.member.post(`/api/threads/${th.guild}/posts`, { body: 'Oops.' });
    await settle(15);
    expect((await lines(c.owner)).filter((l) => l === 'reply_posted:Cluster upgrade').length).toBe(2);
    await c.member.send({ method: 'DELETE', url: `/api/posts/${r.json().id}` });
    expect((await lines(c.owner)).filter((l) => l === 'reply_posted:Cluster upgrade').length).toBe(1);
  });

  it('someone in no community and following nobody gets an empty feed', async () => {
    expect(await feed(c.stranger)).toEqual([]);
    expect(await feed(c.outsider)).toEqual([]);
  });
});

describe('follows', () => {
  it('following a person brings their activity where the follower can read (open, organization-wide), not private or secret', async () => {
    const res = await c.follower.send({ method: 'PUT', url: '/api/follows', payload: { kind: 'person', target: p.owner.id } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items).toMatchObject([{ kind: 'person', target: p.owner.id, person: { id: p.owner.id, name: 'Olivia Owner' } }]);
    expect(await lines(c.follower)).toEqual([
      'resource_shared:Library article',
      'answer_accepted:Cluster upgrade',
      'thread_created:Cluster upgrade',
      'community_created:Kube Guild',
    ]);
  });

  it('following a tag brings tagged activity by anyone, and unfollowing takes it away', async () => {
    const res = await c.stranger.send({ method: 'PUT', url: '/api/follows', payload: { kind: 'tag', target: ' Kubernetes ' } });
    expect(res.json().items).toMatchObject([{ kind: 'tag', target: 'kubernetes', person: null }]);
    // Discussion and community activities carry the community's topics; untagged pathways do not come along.
    expect(await lines(c.stranger)).toEqual([
      'answer_accepted:Cluster upgrade',
      'reply_posted:Cluster upgrade',
      'thread_created:Cluster upgrade',
      'member_joined:Kube Guild',
      'community_created:Kube Guild',
    ]);
    const off = await c.stranger.send({ method: 'DELETE', url: '/api/follows/tag/KUBERNETES' });
    expect(off.json().items).toEqual([]);
    expect(await feed(c.stranger)).toEqual([]);
  });

  it('is idempotent both ways', async () => {
    await c.member.send({ method: 'PUT', url: '/api/follows', payload: { kind: 'tag', target: 'helm' } });
    const twice = await c.member.send({ method: 'PUT', url: '/api/follows', payload: { kind: 'tag', target: 'helm' } });
    expect(twice.json().items.length).toBe(1);
    expect((await c.member.send({ method: 'DELETE', url: '/api/follows/tag/never-followed' })).statusCode).toBe(200);
    expect((await c.member.get('/api/follows')).json().items.map((f: { target: string }) => f.target)).toEqual(['helm']);
  });

  it('refuses people one cannot follow and leaves nothing behind', async () => {
    expect((await c.outsider.send({ method: 'PUT', url: '/api/follows', payload: { kind: 'person', target: p.owner.id } })).statusCode).toBe(404);
    expect((await c.outsider.send({ method: 'DELETE', url: `/api/follows/person/${p.owner.id}` })).statusCode).toBe(404);
    expect((await c.outsider.send({ method: 'DELETE', url: '/api/follows/person/not-a-person' })).statusCode).toBe(404);
    expect((await c.member.send({ method: 'PUT', url: '/api/follows', payload: { kind: 'person', target: p.outsider.id } })).statusCode).toBe(404);
    expect((await c.member.send({ method: 'PUT', url: '/api/follows', payload: { kind: 'person', target: p.gone.id } })).statusCode).toBe(404);
    const self = await c.member.send({ method: 'PUT', url: '/api/follows', payload: { kind: 'person', target: p.member.id } });
    expect(self.statusCode).toBe(400);
    expect(self.json().errors[0].field).toBe('target');
    expect((await c.outsider.get('/api/follows')).json().items).toEqual([]);
    expect((await c.member.get('/api/follows')).json().items.map((f: { target: string }) => f.target)).toEqual(['helm']);
  });

  it('refuses bad input with 400 naming the field', async () => {
    const bodies: [unknown, string][] = [
      [{ kind: 'person', target: 'not-a-uuid' }, 'target'],
      [{ kind: 'tag', target: '<script>' }, 'target'],
      [{ kind: 'tag', target: 'x'.repeat(41) }, 'target'],
      [{ kind: 'tag', target: '' }, 'target'],
      [{ kind: 'team', target: 'x' }, 'kind'],
      [{ kind: 'tag', target: 'ok', extra: 1 }, ''],
    ];
    for (const [payload, field] of bodies) {
      const res = await c.member.send({ method: 'PUT', url: '/api/follows', payload: payload as object });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      if (field) expect(JSON.stringify(res.json()), JSON.stringify(payload)).toContain(field);
    }
    expect((await c.member.send({ method: 'DELETE', url: '/api/follows/team/x' })).statusCode).toBe(400);
  });

  it('stops at the follow limit with 409 and writes nothing', async () => {
    const rows = Array.from({ length: FEED_LIMITS.follows }, (_, i) => ({ followerId: p.follower.id, orgId, targetKind: 'tag', target: `t${i}` }));
    await t.db.delete(follows).where(sql`follower_id = ${p.follower.id}`);
    await t.db.insert(follows).values(rows);
    const res = await c.follower.send({ method: 'PUT', url: '/api/follows', payload: { kind: 'tag', target: 'one-more' } });
    expect(res.statusCode).toBe(409);
    const [n] = (await t.db.execute(sql`select count(*)::int as n from follows where follower_id = ${p.follower.id}`)).rows as { n: number }[];
    expect(n.n).toBe(FEED_LIMITS.follows);
    await t.db.delete(follows).where(sql`follower_id = ${p.follower.id}`);
  });
});

describe('community feed', () => {
  it('is readable by anyone in the organization for open communities, members only otherwise', async () => {
    expect(await lines(c.stranger, `/api/communities/${com.guild.id}/feed`)).toContain('thread_created:Cluster upgrade');
    expect(await lines(c.member, `/api/communities/${com.inner.id}/feed`)).toEqual(['thread_created:Inner plans', 'member_joined:Inner Circle', 'community_created:Inner Circle']);
    expect((await c.stranger.get(`/api/communities/${com.inner.id}/feed`)).statusCode).toBe(403);
    expect((await c.stranger.get(`/api/communities/${com.cabal.id}/feed`)).statusCode).toBe(404);
    expect((await c.outsider.get(`/api/communities/${com.guild.id}/feed`)).statusCode).toBe(404);
  });

  it('pages by id without repeats', async () => {
    const ids: number[] = [];
    let cursor: string | null = null;
    do {
      const res = await c.owner.get(`/api/communities/${com.guild.id}/feed?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode).toBe(200);
      ids.push(...res.json().items.map((i: Item) => i.id));
      cursor = res.json().nextCursor;
    } while (cursor);
    expect(ids.length).toBe((await feed(c.owner, `/api/communities/${com.guild.id}/feed?limit=50`)).length);
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('refuses bad paging input and needs sign-in', async () => {
    for (const qs of ['limit=0', 'limit=51', 'cursor=nope', `cursor=${Buffer.from('["x"]').toString('base64url')}`, 'extra=1']) {
      expect((await c.member.get(`/api/feed/home?${qs}`)).statusCode, qs).toBe(400);
    }
    expect((await c.member.get('/api/communities/not-a-uuid/feed')).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/api/feed/home' })).statusCode).toBe(401);
  });
});
