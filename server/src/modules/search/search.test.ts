import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEARCH_LIMITS } from '../../../../contracts/index.ts';
import { pathways, resources } from '../../../db/schema/index.ts';
import { createTestApp, type TestApp } from '../../../test/harness.ts';

let t: TestApp;
type Client = Awaited<ReturnType<TestApp['signIn']>>;
const p: Record<string, { id: string; email: string }> = {};
const c: Record<string, Client> = {};
const com: Record<string, { id: string; slug: string }> = {};
const th: Record<string, string> = {};
let orgId = '';

async function community(by: Client, name: string, visibility: string, members: string[] = []) {
  const res = await by.post('/api/communities', { name, visibility, description: `${name} is a place for people.` });
  expect(res.statusCode, res.body).toBe(201);
  const created = res.json();
  if (members.length) {
    if (visibility === 'open') for (const m of members) expect((await c[m].post(`/api/communities/${created.id}/join`, { acceptRulesVersion: 1 })).statusCode).toBe(200);
    else {
      expect((await by.post(`/api/communities/${created.id}/members`, { personIds: members.map((m) => p[m].id) })).statusCode).toBe(200);
      for (const m of members) expect((await c[m].post(`/api/communities/${created.id}/join`, { acceptRulesVersion: 1 })).statusCode).toBe(200);
    }
  }
  return created;
}

async function thread(by: Client, communityId: string, title: string, body: string) {
  const res = await by.post(`/api/communities/${communityId}/threads`, { title, body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

async function search(by: Client, qs: string) {
  const res = await by.get(`/api/search?${qs}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: { kind: string; id: string; title: string; titleHtml: string; snippetHtml: string; postId: string | null; url: string }[]; counts: Record<string, number>; nextCursor: string | null; message: string | null };
}

const titles = async (by: Client, q: string, type = 'all') => (await search(by, `q=${encodeURIComponent(q)}&type=${type}&limit=50`)).items.map((i) => i.title).sort();

beforeAll(async () => {
  t = await createTestApp({ POSTS_PER_MINUTE: '1000' });
  const org = await t.buildOrg('Acme');
  orgId = org.id;
  const other = await t.buildOrg('Globex');
  p.owner = await t.buildPerson(org.id, { name: 'Olivia Owner', title: 'Platform lead', department: 'Engineering' });
  p.member = await t.buildPerson(org.id, { name: 'Mia Member' });
  p.stranger = await t.buildPerson(org.id, { name: 'Sam Stranger' });
  p.admin = await t.buildPerson(org.id, { name: 'Ada Admin', roles: ['admin'] });
  p.outsider = await t.buildPerson(other.id, { name: 'Olga Outsider' });
  await t.buildPerson(org.id, { name: 'Quasar Fan', bio: 'Loves every quasar.' });
  await t.buildPerson(org.id, { name: 'Quasar Ghost', status: 'deactivated' });
  for (const k of Object.keys(p)) c[k] = await t.signIn(p[k].email);

  com.open = await community(c.owner, 'Open Quasar Guild', 'open', ['member']);
  com.private = await community(c.owner, 'Private Circle', 'private', ['member']);
  com.secret = await community(c.owner, 'Secret Quasar Cabal', 'secret', ['member']);
  com.other = await community(c.outsider, 'Globex Quasar', 'open');

  th.title = await thread(c.owner, com.open.id, 'Quasar deployment tips', 'Roll out slowly and watch the graphs.');
  th.body = await thread(c.member, com.open.id, 'Weekly notes', 'We also talked about the quasar telemetry backlog.');
  th.private = await thread(c.owner, com.private.id, 'Quasar private plans', 'Members only.');
  th.secret = await thread(c.owner, com.secret.id, 'Quasar secret roadmap', 'Nobody else.');
  th.other = await thread(c.outsider, com.other.id, 'Quasar at Globex', 'Other tenant.');
  th.deleted = await thread(c.owner, com.open.id, 'Quasar deleted thread', 'Gone soon.');
  expect((await c.owner.send({ method: 'DELETE', url: `/api/threads/${th.deleted}` })).statusCode).toBe(204);
  const reply = await c.member.post(`/api/threads/${th.title}/posts`, { body: 'A reply about nebula widgets.' });
  const gone = await c.member.post(`/api/threads/${th.title}/posts`, { body: 'A removed reply about zeppelin quasar.' });
  expect(reply.statusCode).toBe(201);
  expect((await c.member.send({ method: 'DELETE', url: `/api/posts/${gone.json().id}` })).statusCode).toBe(200);
  th.xss = await thread(c.member, com.open.id, 'Escaping check', 'Beware <script>alert(1)</script> pulsar [[hs000000000000]]marker[[he000000000000]] <mark>fake</mark> & "quotes"');

  const base = { orgId, authorId: p.owner.id };
  await t.db.insert(resources).values([
    { ...base, type: 'article', title: 'Quasar handbook', summary: 'Library copy.' },
    { ...base, type: 'video', title: 'Quasar private video', summary: 'Circle only.', communityId: com.private.id },
    { ...base, type: 'article', title: 'Quasar removed article', summary: '', deletedAt: new Date() },
  ]);
  await t.db.insert(pathways).values([
    { ...base, title: 'Quasar pathway', description: 'Published.', status: 'published' },
    { ...base, title: 'Quasar draft pathway', description: 'Not yet.', status: 'draft' },
    { ...base, title: 'Quasar secret pathway', description: 'Cabal only.', status: 'published', communityId: com.secret.id },
  ]);
});
afterAll(() => t.close());

describe('what each person may find (visibility matrix)', () => {
  const common = ['Open Quasar Guild', 'Quasar Fan', 'Quasar deployment tips', 'Quasar handbook', 'Quasar pathway', 'Weekly notes'];

  it('a colleague outside the private and secret communities finds only open and organization-wide content', async () => {
    expect(await titles(c.stranger, 'quasar')).toEqual(common);
  });

  it('an active member also finds private and secret community content', async () => {
    expect(await titles(c.member, 'quasar')).toEqual(
      [...common, 'Quasar private plans', 'Quasar private video', 'Quasar secret pathway', 'Quasar secret roadmap', 'Secret Quasar Cabal'].sort(),
    );
  });

  it('the author also finds their own draft pathway', async () => {
    expect(await titles(c.owner, 'quasar')).toContain('Quasar draft pathway');
    expect(await titles(c.member, 'quasar')).not.toContain('Quasar draft pathway');
  });

  it('an org admin sees that the secret community exists but not its content', async () => {
    const found = await titles(c.admin, 'quasar');
    expect(found).toContain('Secret Quasar Cabal');
    expect(found).not.toContain('Quasar secret roadmap');
    expect(found).not.toContain('Quasar secret pathway');
    expect(found).not.toContain('Quasar private plans');
  });

  it('another organization sees only its own content', async () => {
    expect(await titles(c.outsider, 'quasar')).toEqual(['Globex Quasar', 'Quasar at Globex']);
  });

  it('never returns deleted threads, deleted posts, deleted resources or deactivated people', async () => {
    const all = await titles(c.owner, 'quasar');
    for (const hidden of ['Quasar deleted thread', 'Quasar removed article', 'Quasar Ghost']) expect(all).not.toContain(hidden);
    expect((await search(c.owner, 'q=zeppelin')).items).toEqual([]);
  });

  it('within a community: only readable members search it (403 for a listed private one, 404 for a secret one)', async () => {
    const inside = await search(c.member, `q=quasar&communityId=${com.private.id}`);
    expect(inside.items.map((i) => i.title).sort()).toEqual(['Quasar private plans', 'Quasar private video']);
    expect(inside.counts).toMatchObject({ people: 0, communities: 0, threads: 1, resources: 1 });
    expect((await c.stranger.get(`/api/search?q=quasar&communityId=${com.private.id}`)).statusCode).toBe(403);
    expect((await c.stranger.get(`/api/search?q=quasar&communityId=${com.secret.id}`)).statusCode).toBe(404);
    expect((await c.stranger.get(`/api/search?q=quasar&communityId=${com.other.id}`)).statusCode).toBe(404);
  });

  it('requires sign-in', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/search?q=quasar' })).statusCode).toBe(401);
  });
});

describe('ranking, counts, paging and highlights', () => {
  it('ranks a title hit above a body hit and reports post hits as their thread', async () => {
    const res = await search(c.stranger, 'q=quasar&type=threads');
    expect(res.items.map((i) => i.id)).toEqual([th.title, th.body]);
    const bodyHit = res.items[1];
    expect(bodyHit.postId).not.toBeNull();
    expect(bodyHit.url).toBe(`/threads/${th.body}`);
    expect(bodyHit.snippetHtml).toContain('<mark>quasar</mark>');
    expect(res.items[0].titleHtml).toBe('<mark>Quasar</mark> deployment tips');
  });

  it('links a reply hit to the post inside its thread', async () => {
    const [hit] = (await search(c.stranger, 'q=nebula')).items;
    expect(hit.kind).toBe('thread');
    expect(hit.url).toBe(`/threads/${th.title}#post-${hit.postId}`);
  });

  it('counts matches per kind for the chips, whatever the selected type', async () => {
    const res = await search(c.stranger, 'q=quasar&type=people');
    expect(res.counts).toEqual({ all: 6, people: 1, communities: 1, threads: 2, resources: 1, pathways: 1 });
    expect(res.items.map((i) => i.kind)).toEqual(['person']);
  });

  it('pages by offset cursor without repeats or gaps', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await search(c.member, `q=quasar&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...res.items.map((i) => i.id));
      cursor = res.nextCursor;
    } while (cursor);
    expect(seen.length).toBe(11);
    expect(new Set(seen).size).toBe(11);
  });

  it('finds people by a name prefix as you type and highlights it', async () => {
    const res = await search(c.stranger, 'q=Olivi&type=people');
    expect(res.items.map((i) => i.title)).toEqual(['Olivia Owner']);
    expect(res.items[0].titleHtml).toBe('<mark>Olivia</mark> Owner');
    expect(res.items[0].url).toBe(`/people/${p.owner.id}`);
  });

  it('escapes everything in snippets: only <mark> tags, script and marker-like text come out as text', async () => {
    const [hit] = (await search(c.stranger, 'q=pulsar')).items;
    expect(hit.id).toBe(th.xss);
    const tags = hit.snippetHtml.match(/<[^>]*>/g) ?? [];
    expect(tags.length).toBeGreaterThan(0);
    for (const tag of tags) expect(tag).toMatch(/^<\/?mark>$/);
    expect(hit.snippetHtml).toContain('&lt;script&gt;');
    expect(hit.snippetHtml).toContain('[[hs000000000000]]');
    expect(hit.snippetHtml).toContain('&lt;mark&gt;');
    expect(hit.snippetHtml).toContain('&amp;');
    expect(hit.snippetHtml).toContain('<mark>pulsar</mark>');
  });
});

describe('very common words', () => {
  it('ranks only the newest matches of each kind and says the counts are lower bounds', async () => {
    const n = SEARCH_LIMITS.countCap + 5;
    const rows = Array.from({ length: n }, (_, i) => ({ orgId, authorId: p.owner.id, type: 'article', title: `Ubiquitous note ${i}`, createdAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000) }));
    await t.db.insert(resources).values(rows);
    const res = await search(c.stranger, 'q=ubiquitous&type=resources&limit=3');
    expect(res.counts.resources).toBe(SEARCH_LIMITS.countCap);
    expect((res as unknown as { countsAreLowerBounds: boolean }).countsAreLowerBounds).toBe(true);
    // Equal ranks: the most recent first.
    expect(res.items.map((i) => i.title)).toEqual([`Ubiquitous note ${n - 1}`, `Ubiquitous note ${n - 2}`, `Ubiquitous note ${n - 3}`]);
    expect((await search(c.stranger, 'q=quasar') as unknown as { countsAreLowerBounds: boolean }).countsAreLowerBounds).toBe(false);
  });
});

describe('bad input', () => {
  it('answers unusable queries with an empty result and a hint, never a 500', async () => {
    for (const q of ['', 'the and of', '!!!', '"', '-', 'or', ':*&|!()', '\\']) {
      const res = await search(c.stranger, `q=${encodeURIComponent(q)}`);
      expect(res.items, q).toEqual([]);
      expect(res.message, q).toMatch(/words/);
    }
    const odd = await search(c.stranger, `q=${encodeURIComponent('quasar -tips "deployment')}`);
    expect(odd.message).toBeNull();
  });

  it('refuses an overlong query and bad parameters with 400 naming the field', async () => {
    const cases: [string, string][] = [
      [`q=${'a'.repeat(201)}`, 'q'],
      ['q=x&type=everything', 'type'],
      ['q=x&limit=0', 'limit'],
      ['q=x&limit=51', 'limit'],
      ['q=x&communityId=nope', 'communityId'],
      ['q=x&cursor=garbage', 'cursor'],
      [`q=x&cursor=${Buffer.from('[100000]').toString('base64url')}`, 'cursor'],
      ['q=x&extra=1', ''],
      ['type=all', 'q'],
    ];
    for (const [qs, field] of cases) {
      const res = await c.stranger.get(`/api/search?${qs}`);
      expect(res.statusCode, qs).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
      if (field) expect(JSON.stringify(res.json().errors), qs).toContain(field);
    }
  });
});
