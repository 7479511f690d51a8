import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communities, communityMembers, mentoringMatches, posts, threads } from '../../../db/schema/index.ts';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { runExpertFallback } from './index.ts';
import { type ListedNotification, waitForNotification } from '../../../test/eventually.ts';

let t: TestApp;
type Client = Awaited<ReturnType<TestApp['signIn']>>;
const c: Record<string, Client> = {};
const id: Record<string, string> = {};
let orgId: string;
let guildId: string;

const waitFor = (who: string, pred: (n: ListedNotification) => boolean) => waitForNotification(c[who], pred, 8000);
type Route = { person: { id: string }; round: number; status: string; answer: string | null; why: string };
type Q = { id: string; status: string; round: number; routes: Route[]; threadUrl: string | null; abilities: { canAnswer: boolean } };
const routed = (q: Q, round?: number) => q.routes.filter((r) => round === undefined || r.round === round).map((r) => r.person.id);

/** An accepted answer by `answerer` to a question `asker` asked in the guild. */
async function acceptedAnswer(asker: string, answerer: string) {
  const [th] = await t.db.insert(threads).values({ orgId, communityId: guildId, authorId: id[asker], kind: 'question', title: `Q by ${asker}` }).returning();
  await t.db.insert(posts).values({ orgId, threadId: th.id, communityId: guildId, authorId: id[asker], body: 'q', html: '<p>q</p>', isFirst: true });
  const [p] = await t.db.insert(posts).values({ orgId, threadId: th.id, communityId: guildId, authorId: id[answerer], body: 'a', html: '<p>a</p>' }).returning();
  await t.db.execute(sql`update threads set accepted_post_id = ${p.id} where id = ${th.id}`);
}

beforeAll(async () => {
  t = await createTestApp({ SIGNIN_PER_IP_PER_MINUTE: '1000', EXPERT_FALLBACK_INTERVAL_SECONDS: '0', DIGEST_INTERVAL_SECONDS: '0', EXPERT_ANSWER_WINDOW_HOURS: '48' });
  const org = await t.buildOrg('Acme');
  orgId = org.id;
  const k8s = (level: number) => [{ name: 'Kubernetes', kind: 'have' as const, level }];
  const spec: [string, Parameters<TestApp['buildPerson']>[1]][] = [
    ['ash', {}], // asks
    ['lou', { skills: [...k8s(5), { name: 'COBOL', kind: 'have', level: 5 }] }], // lists the skill at level 5, never helped
    ['hana', { skills: k8s(3) }], // 2 accepted answers
    ['pat', { skills: k8s(5) }], // 1 accepted answer, level 5
    ['mo', { skills: k8s(2) }], // mentored once (ended)
    ['vic', { skills: k8s(1) }], // mentors now
    ['una', { skills: k8s(5) }], // 3 accepted answers but unavailable
    ['nia', {}], // helped a lot, but has no such skill
    ['stranger', {}],
  ];
  for (const [k, over] of spec) id[k] = (await t.buildPerson(org.id, { name: `${k[0].toUpperCase()}${k.slice(1)} Person`, ...over })).id;
  for (const k of Object.keys(id)) {
    const [row] = ((await t.db.execute(sql`select email from people where id = ${id[k]}`)) as unknown as { rows: { email: string }[] }).rows;
    c[k] = await t.signIn(row.email);
  }
  const [g] = await t.db
    .insert(communities)
    .values({ orgId, slug: 'platform-guild', name: 'Platform Guild', kind: 'practice', visibility: 'open', topics: ['kubernetes', 'cloud'], rules: 'Be kind', rulesHtml: '<p>Be kind</p>', memberCount: 1 })
    .returning();
  guildId = g.id;
  await t.db.insert(communityMembers).values({ communityId: g.id, personId: id.ash, orgId, role: 'member', status: 'active', rulesAccepted: 1 });
  await acceptedAnswer('ash', 'hana');
  await acceptedAnswer('stranger', 'hana');
  await acceptedAnswer('ash', 'pat');
  for (let i = 0; i < 3; i++) await acceptedAnswer('stranger', 'una');
  for (let i = 0; i < 4; i++) await acceptedAnswer('stranger', 'nia');
  await acceptedAnswer('lou', 'lou'); // answering one's own question does not count
  await t.db.insert(mentoringMatches).values({ orgId, mentorId: id.mo, menteeId: id.stranger, score: 500, status: 'ended', source: 'request' });
  await t.db.insert(mentoringMatches).values({ orgId, mentorId: id.vic, menteeId: id.nia, score: 500, status: 'active', source: 'request' });
  expect((await c.una.send({ method: 'PUT', url: '/api/mentoring/profile', payload: { expertAvailable: false } })).json().expertAvailable).toBe(false);
}, 300_000);
afterAll(() => t?.close());

describe('ask an expert', () => {
  let q1: Q;

  it('refuses an unknown skill with 400 naming the field', async () => {
    const res = await c.ash.post('/api/mentoring/expert-questions', { skill: 'Underwater basket weaving', question: 'How?' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ field: 'skill', message: expect.any(String) }]);
    expect((await c.ash.post('/api/mentoring/expert-questions', { skill: 'Kubernetes' })).json().errors[0].field).toBe('question');
  });

  it('routes to proven helpers ranked by help given then level, never to someone who only lists the skill, the unavailable or the asker', async () => {
    const res = await c.ash.post('/api/mentoring/expert-questions', { skill: 'kubernetes', question: 'How do I size pod memory limits?' });
    expect(res.statusCode, res.body).toBe(201);
    q1 = res.json();
    expect(q1).toMatchObject({ role: 'asker', skill: 'Kubernetes', status: 'open', round: 1 });
    expect(routed(q1)).toEqual([id.hana, id.pat, id.mo]);
    expect(q1.routes[0].why).toMatch(/2 accepted answers/);
    expect(routed(q1)).not.toContain(id.lou);
    for (const k of ['hana', 'pat', 'mo']) expect(await waitFor(k, (n) => n.kind === 'mentoring' && n.title.includes('Kubernetes'))).toBeTruthy();
    expect((await c.lou.get('/api/notifications')).json().items).toEqual([]);
  });

  it('tracks responses: seen on opening, answered with text (the asker is told), declined; others get 404', async () => {
    expect((await c.stranger.get(`/api/mentoring/expert-questions/${q1.id}`)).statusCode).toBe(404);
    expect((await c.lou.post(`/api/mentoring/expert-questions/${q1.id}/answer`, { answer: 'me!' })).statusCode).toBe(404);
    const seen = (await c.hana.get(`/api/mentoring/expert-questions/${q1.id}`)).json();
    expect(seen).toMatchObject({ role: 'expert', abilities: { canAnswer: true } });
    expect(seen.routes).toHaveLength(1); // an expert sees only their own route
    expect(seen.routes[0]).toMatchObject({ status: 'seen' });
    const ans = await c.hana.post(`/api/mentoring/expert-questions/${q1.id}/answer`, { answer: 'Start from the p95 of real usage.' });
    expect(ans.statusCode, ans.body).toBe(200);
    expect(ans.json()).toMatchObject({ status: 'answered', abilities: { canAnswer: false } });
    expect((await c.hana.post(`/api/mentoring/expert-questions/${q1.id}/answer`, { answer: 'again' })).statusCode).toBe(409);
    expect((await c.pat.post(`/api/mentoring/expert-questions/${q1.id}/decline`)).json().routes[0].status).toBe('declined');
    expect(await waitFor('ash', (n) => n.kind === 'mentoring' && n.title.includes('Hana Person answered'))).toBeTruthy();
    const mine = (await c.ash.get('/api/mentoring/expert-questions')).json();
    const q = mine.asked.find((x: Q) => x.id === q1.id);
    expect(q.routes.map((r: Route) => [r.person.id, r.status, r.answer])).toEqual([
      [id.hana, 'answered', 'Start from the p95 of real usage.'],
      [id.pat, 'declined', null],
      [id.mo, 'routed', null],
    ]);
    expect((await c.mo.get('/api/mentoring/expert-questions')).json().routedToMe.map((x: Q) => x.id)).toContain(q1.id);
    // Answered questions never fall back.
    expect(await runExpertFallback(t.deps, new Date(Date.now() + 100 * 3600_000))).toMatchObject({ rerouted: 0, posted: 0 });
  });

  it('falls back after the window to the next candidates, then posts it as a Q&A question in the most relevant open community', async () => {
    const q: Q = (await c.ash.post('/api/mentoring/expert-questions', { skill: 'Kubernetes', question: 'Which ingress controller for 40 services?' })).json();
    expect(routed(q, 1)).toEqual([id.hana, id.pat, id.mo]);
    const start = Date.now();
    expect(await runExpertFallback(t.deps, new Date(start + 47 * 3600_000))).toEqual({ rerouted: 0, posted: 0, unanswered: 0 });
    expect(await runExpertFallback(t.deps, new Date(start + 49 * 3600_000))).toEqual({ rerouted: 1, posted: 0, unanswered: 0 });
    const second: Q = (await c.ash.get(`/api/mentoring/expert-questions/${q.id}`)).json();
    expect(second.round).toBe(2);
    expect(routed(second, 2)).toEqual([id.vic]);
    expect(second.routes.filter((r) => r.round === 1).map((r) => r.status)).toEqual(['expired', 'expired', 'expired']);
    expect((await c.hana.post(`/api/mentoring/expert-questions/${q.id}/answer`, { answer: 'late' })).statusCode).toBe(409);
    expect(await waitFor('vic', (n) => n.kind === 'mentoring' && n.title.includes('Kubernetes'))).toBeTruthy();
    expect(await runExpertFallback(t.deps, new Date(start + 98 * 3600_000))).toEqual({ rerouted: 0, posted: 1, unanswered: 0 });
    const posted: Q = (await c.ash.get(`/api/mentoring/expert-questions/${q.id}`)).json();
    expect(posted.status).toBe('posted');
    const threadId = posted.threadUrl!.split('/').pop();
    const th = ((await t.db.execute(sql`select kind, author_id, community_id, title from threads where id = ${threadId}`)) as unknown as { rows: Record<string, string>[] }).rows[0];
    expect(th).toMatchObject({ kind: 'question', author_id: id.ash, community_id: guildId });
    expect(th.title).toContain('Which ingress controller');
    expect(await waitFor('ash', (n) => n.kind === 'mentoring' && n.url === posted.threadUrl)).toBeTruthy();
    expect(await runExpertFallback(t.deps, new Date(start + 200 * 3600_000))).toEqual({ rerouted: 0, posted: 0, unanswered: 0 });
  });

  it('falls back at once when everybody of the round declines', async () => {
    const q: Q = (await c.ash.post('/api/mentoring/expert-questions', { skill: 'Kubernetes', question: 'Helm or Kustomize?' })).json();
    for (const k of ['hana', 'pat']) await c[k].post(`/api/mentoring/expert-questions/${q.id}/decline`);
    expect((await c.ash.get(`/api/mentoring/expert-questions/${q.id}`)).json().round).toBe(1);
    await c.mo.post(`/api/mentoring/expert-questions/${q.id}/decline`);
    const next: Q = (await c.ash.get(`/api/mentoring/expert-questions/${q.id}`)).json();
    expect(next.round).toBe(2);
    expect(routed(next, 2)).toEqual([id.vic]);
    await c.vic.post(`/api/mentoring/expert-questions/${q.id}/decline`);
    expect((await c.ash.get(`/api/mentoring/expert-questions/${q.id}`)).json().status).toBe('posted');
  });

  it('tells the asker nobody was found when no proven helper has the skill and no community fits', async () => {
    const res = await c.ash.post('/api/mentoring/expert-questions', { skill: 'cobol', question: 'Anyone still knows COBOL?' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ status: 'unanswered', routes: [], threadUrl: null, skill: 'COBOL' });
    expect(await waitFor('ash', (n) => n.kind === 'mentoring' && n.title.includes('No expert was found'))).toBeTruthy();
    // Lou, who only lists COBOL, was never asked.
    expect((await c.lou.get('/api/mentoring/expert-questions')).json().routedToMe).toEqual([]);
  });
});
