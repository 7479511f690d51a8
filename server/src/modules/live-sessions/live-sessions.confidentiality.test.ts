// Confidentiality, proven: pair talk is for the two partners only (404 for facilitators, org admins and everyone else
// on every route, absent from analytics, export and search); group talk stays in the group until a unanimous debrief
// (notes only); unkept pair talk is deleted when the session ends.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { advanceTo, buildCast, type Client, createSession, joinAll, put, say, stateOf } from './live-sessions.test-support.ts';

let t: TestApp;
let cast: Awaited<ReturnType<typeof buildCast>>;
const url = (id: string, rest = '') => `/api/live-sessions/${id}${rest}`;

const PAIR_WORD = 'quokkasecretpair';
const PAIR_NOTE = 'quokkanotepair';
const GROUP_WORD = 'wombatgroupline';
const GROUP_NOTE = 'wombatgroupnote';

let sessionId: string;
let groupId: string;
let pairs: { id: string; members: string[] }[];

beforeAll(async () => {
  t = await createTestApp({ SIGNIN_PER_IP_PER_MINUTE: '1000' });
  cast = await buildCast(t, 4);
  const { fac, people } = cast;
  const s = await createSession(fac.c, { title: 'Confidential practice' });
  sessionId = s.id;
  await joinAll(s.id, people);
  await fac.c.post(url(s.id, '/start'));
  await advanceTo(fac.c, s.id, 'groups');
  const g = (await stateOf(people[0].c, s.id)).myGroup;
  groupId = g.id;
  expect(g.members).toHaveLength(4);
  expect((await say(people[0].c, s.id, `${GROUP_WORD} said in the group`, g.id)).statusCode).toBe(201);
  expect((await put(people[0].c, url(s.id, `/groups/${g.id}/notes`), { body: `${GROUP_NOTE} idea`, version: 0 })).statusCode).toBe(200);
  await advanceTo(fac.c, s.id, 'pairs');
  pairs = (await stateOf(fac.c, s.id)).groups.map((x: { id: string; members: { id: string }[] }) => ({ id: x.id, members: x.members.map((m) => m.id) }));
  expect(pairs).toHaveLength(2);
  for (const p of pairs) {
    const author = people.find((m) => m.id === p.members[0])!;
    expect((await say(author.c, s.id, `${PAIR_WORD} between us`, p.id)).statusCode).toBe(201);
    expect((await put(author.c, url(s.id, `/groups/${p.id}/notes`), { body: `${PAIR_NOTE} plan`, version: 0 })).statusCode).toBe(200);
  }
}, 180_000);
afterAll(() => t.close());

const memberOf = (pairIndex: number, i: number) => cast.people.find((m) => m.id === pairs[pairIndex].members[i])!;
const outsiderOfPair = (pairIndex: number) => cast.people.find((m) => !pairs[pairIndex].members.includes(m.id))!;

/** Every route that touches a group's content, for `c`; each must answer 404. */
async function everyRoute(c: Client, gid: string) {
  return {
    readChat: (await c.get(url(sessionId, `/messages?groupId=${gid}`))).statusCode,
    catchUp: (await c.get(url(sessionId, `/messages?groupId=${gid}&after=00000000-0000-4000-8000-000000000000`))).statusCode,
    postChat: (await say(c, sessionId, 'let me in', gid)).statusCode,
    readNotes: (await c.get(url(sessionId, `/groups/${gid}/notes`))).statusCode,
    writeNotes: (await put(c, url(sessionId, `/groups/${gid}/notes`), { body: 'x', version: 1 })).statusCode,
    keep: (await put(c, url(sessionId, `/groups/${gid}/keep`), { keep: true })).statusCode,
    debrief: (await put(c, url(sessionId, `/groups/${gid}/debrief-consent`), { share: true })).statusCode,
  };
}
const all404 = { readChat: 404, catchUp: 404, postChat: 404, readNotes: 404, writeNotes: 404, keep: 404, debrief: 404 };

describe('pair-private talk', () => {
  it('is 404 for the facilitator, an org admin, another participant and another organization on every route', async () => {
    for (const who of [cast.fac.c, cast.admin.c, outsiderOfPair(0).c, cast.outsider.c]) expect(await everyRoute(who, pairs[0].id)).toEqual(all404);
    // The partners themselves read it; a debrief of a pair is refused as private.
    const a = memberOf(0, 0);
    const chat = (await a.c.get(url(sessionId, `/messages?groupId=${pairs[0].id}`))).json().items;
    expect(chat.map((m: { body: string }) => m.body)).toEqual([`${PAIR_WORD} between us`]);
    expect((await memberOf(0, 1).c.get(url(sessionId, `/groups/${pairs[0].id}/notes`))).json().body).toBe(`${PAIR_NOTE} plan`);
    const debrief = await put(a.c, url(sessionId, `/groups/${pairs[0].id}/debrief-consent`), { share: true });
    expect(debrief.statusCode).toBe(409);
    expect(debrief.json().code).toBe('PAIR_PRIVATE');
  });

  it('never appears in the facilitator overview, state, analytics, export or search; the live-group channel refuses others', async () => {
    const views = [
      await stateOf(cast.fac.c, sessionId),
      await stateOf(cast.admin.c, sessionId),
      (await cast.fac.c.get(url(sessionId, '/analytics'))).json(),
      (await cast.fac.c.get(url(sessionId, '/debriefs'))).json(),
      (await cast.fac.c.get(url(sessionId, '/messages'))).json(),
    ];
    const overview = views[0].groups.find((g: { id: string }) => g.id === pairs[0].id);
    expect(overview).toMatchObject({ kind: 'pair', memberCount: 2, messageCount: 1 });
    const csv = (await cast.fac.c.get(url(sessionId, '/export.csv'))).body;
    expect(csv).toContain('attendance');
    for (const text of [...views.map((v) => JSON.stringify(v)), csv]) {
      for (const word of [PAIR_WORD, PAIR_NOTE, GROUP_WORD, GROUP_NOTE]) expect(text).not.toContain(word);
    }
    // Search: the people index answers (control), the pair's word is found by nobody, not even the partners.
    const control = (await cast.fac.c.get(`/api/search?q=${encodeURIComponent(memberOf(0, 0).name)}`)).json();
    expect(control.items.length).toBeGreaterThan(0);
    for (const c of [cast.fac.c, cast.admin.c, memberOf(0, 0).c]) {
      for (const word of [PAIR_WORD, PAIR_NOTE, GROUP_WORD]) {
        const r = await c.get(`/api/search?q=${word}`);
        expect(r.statusCode).toBe(200);
        expect(r.json().items).toEqual([]);
        expect(r.body).not.toContain(word + ' ');
      }
    }
    const actor = (personId: string, isAdmin = false) => ({ personId, orgId: cast.org.id, roles: [], isAdmin, csrfToken: '', sessionHash: '' });
    expect(await t.deps.hub.canSubscribe(actor(cast.fac.id), `live-group:${pairs[0].id}`)).toBe(false);
    expect(await t.deps.hub.canSubscribe(actor(cast.admin.id, true), `live-group:${pairs[0].id}`)).toBe(false);
    expect(await t.deps.hub.canSubscribe(actor(outsiderOfPair(0).id), `live-group:${pairs[0].id}`)).toBe(false);
    expect(await t.deps.hub.canSubscribe(actor(memberOf(0, 0).id), `live-group:${pairs[0].id}`)).toBe(true);
  });
});

describe('group talk', () => {
  it('stays in the group for the facilitator and an org admin (chat always, notes until a unanimous debrief)', async () => {
    for (const who of [cast.fac.c, cast.admin.c, cast.outsider.c]) {
      const r = await everyRoute(who, groupId);
      expect(r).toEqual(all404);
    }
    expect((await cast.people[1].c.get(url(sessionId, `/messages?groupId=${groupId}`))).json().items).toHaveLength(1);
  });
});

describe('retention at the end', () => {
  it('deletes pair chat and notes unless both partners kept them; kept talk stays readable by the two only', async () => {
    // Pair 0: both keep. Pair 1: only one keeps.
    for (const i of [0, 1]) expect((await put(memberOf(0, i).c, url(sessionId, `/groups/${pairs[0].id}/keep`), { keep: true })).json()).toMatchObject({ mine: true });
    expect((await stateOf(memberOf(0, 0).c, sessionId)).myGroup.keep).toEqual({ mine: true, all: true });
    expect((await put(memberOf(1, 0).c, url(sessionId, `/groups/${pairs[1].id}/keep`), { keep: true })).json()).toMatchObject({ mine: true, all: false });
    const keepGroup = await put(cast.people[0].c, url(sessionId, `/groups/${groupId}/keep`), { keep: true });
    expect(keepGroup.statusCode).toBe(409);
    await cast.fac.c.post(url(sessionId, '/end'));
    const count = async (gid: string) => {
      const r = (await t.db.execute(sql`select (select count(*)::int from live_messages where group_id = ${gid}) as m, (select count(*)::int from live_group_notes where group_id = ${gid}) as n`)) as unknown as { rows: { m: number; n: number }[] };
      return r.rows[0];
    };
    expect(await count(pairs[0].id)).toEqual({ m: 1, n: 1 });
    expect(await count(pairs[1].id)).toEqual({ m: 0, n: 0 });
    expect(await count(groupId)).toEqual({ m: 1, n: 1 });
    expect((await memberOf(0, 1).c.get(url(sessionId, `/messages?groupId=${pairs[0].id}`))).json().items).toHaveLength(1);
    expect((await memberOf(1, 1).c.get(url(sessionId, `/messages?groupId=${pairs[1].id}`))).json().items).toEqual([]);
    expect((await memberOf(1, 0).c.get(url(sessionId, `/groups/${pairs[1].id}/notes`))).json()).toMatchObject({ body: '', version: 0 });
    for (const who of [cast.fac.c, cast.admin.c]) {
      expect((await who.get(url(sessionId, `/messages?groupId=${pairs[0].id}`))).statusCode).toBe(404);
      expect((await who.get(url(sessionId, `/groups/${pairs[0].id}/notes`))).statusCode).toBe(404);
    }
    // After the end nothing can be posted or changed.
    expect((await say(memberOf(0, 0).c, sessionId, 'after the end', pairs[0].id)).json().code).toBe('SEGMENT_CLOSED');
    expect((await put(memberOf(0, 0).c, url(sessionId, `/groups/${pairs[0].id}/keep`), { keep: false })).json().code).toBe('SESSION_ENDED');
  });
});
