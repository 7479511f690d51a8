import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { connectWs } from '../../../test/ws-client.ts';
import { advanceTo, buildCast, createSession, joinAll, type Member, put, say, stateOf } from './live-sessions.test-support.ts';

let t: TestApp;
let cast: Awaited<ReturnType<typeof buildCast>>;

beforeAll(async () => {
  t = await createTestApp({ SIGNIN_PER_IP_PER_MINUTE: '1000' });
  cast = await buildCast(t, 8);
}, 180_000);
afterAll(() => t.close());

const url = (id: string, rest = '') => `/api/live-sessions/${id}${rest}`;

describe('sessions and agenda', () => {
  it('creates a graduated session for facilitators only, shows it to the organization and hides it from others', async () => {
    const { fac, plain, outsider, co } = cast;
    expect((await plain.c.post('/api/live-sessions', { title: 'Mine', startsAt: new Date().toISOString() })).statusCode).toBe(403);
    const s = await createSession(fac.c, { facilitatorIds: [co.id], capacity: 20 });
    expect(s.segments.map((g: { kind: string }) => g.kind)).toEqual(['plenary', 'icebreaker', 'poll', 'chat', 'groups', 'pairs', 'reflection', 'debrief']);
    expect(s.segments.every((g: { status: string }) => g.status === 'pending')).toBe(true);
    expect(s).toMatchObject({ status: 'scheduled', capacity: 20, abilities: { facilitate: true, join: false, edit: true } });
    expect(s.facilitators.map((f: { name: string }) => f.name).sort()).toEqual(['Cody Cofacilitator', 'Fay Facilitator']);
    expect((await co.c.get(url(s.id))).json().abilities.facilitate).toBe(true);
    const seen = (await plain.c.get(url(s.id))).json();
    expect(seen.abilities).toEqual({ facilitate: false, join: true, edit: false });
    expect((await plain.c.get('/api/live-sessions')).json().items.map((x: { id: string }) => x.id)).toContain(s.id);
    expect((await outsider.c.get(url(s.id))).statusCode).toBe(404);
    expect((await outsider.c.get(url(s.id, '/state'))).statusCode).toBe(404);
    expect((await outsider.c.post(url(s.id, '/join'))).statusCode).toBe(404);
    expect((await outsider.c.get('/api/live-sessions')).json().items.map((x: { id: string }) => x.id)).not.toContain(s.id);
    const blank = await createSession(fac.c, { template: 'blank' });
    expect(blank.segments.map((g: { kind: string }) => g.kind)).toEqual(['plenary']);
  });

  it('validates segments and keeps segments that ran while only future ones change', async () => {
    const { fac, plain } = cast;
    const s = await createSession(fac.c, { template: 'blank' });
    const bad = await put(fac.c, url(s.id, '/segments'), { segments: [{ kind: 'poll', title: 'P', durationMinutes: 2, config: { question: 'Q?', type: 'single', options: ['only one'] } }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toContain('options');
    expect((await put(fac.c, url(s.id, '/segments'), { segments: [{ kind: 'plenary', title: 'x', durationMinutes: 5, config: { meetingUrl: 'http://insecure.example' } }] })).statusCode).toBe(400);
    expect((await put(plain.c, url(s.id, '/segments'), { segments: [{ kind: 'plenary', title: 'x', durationMinutes: 5 }] })).statusCode).toBe(403);
    const agenda = (
      await put(fac.c, url(s.id, '/segments'), {
        segments: [
          { id: s.segments[0].id, kind: 'plenary', title: 'Welcome', durationMinutes: 5, config: { meetingUrl: 'https://meet.example/abc' } },
          { kind: 'chat', title: 'Chat', durationMinutes: 5 },
          { kind: 'reflection', title: 'Reflect', durationMinutes: 5 },
        ],
      })
    ).json();
    expect(agenda.segments.map((g: { title: string }) => g.title)).toEqual(['Welcome', 'Chat', 'Reflect']);
    expect(agenda.segments[0].id).toBe(s.segments[0].id);
    expect((await fac.c.post(url(s.id, '/start'))).statusCode).toBe(200);
    const [welcome, chat] = agenda.segments;
    // The running segment cannot change or move; pending ones can.
    const changed = await put(fac.c, url(s.id, '/segments'), { segments: [{ id: welcome.id, kind: 'plenary', title: 'Renamed', durationMinutes: 5, config: welcome.config }] });
    expect(changed.statusCode).toBe(409);
    const dropped = await put(fac.c, url(s.id, '/segments'), { segments: [{ id: chat.id, kind: 'chat', title: 'Chat', durationMinutes: 5 }] });
    expect(dropped.statusCode).toBe(409);
    const ok = await put(fac.c, url(s.id, '/segments'), {
      segments: [
        { id: welcome.id, kind: 'plenary', title: 'Welcome', durationMinutes: 5, config: welcome.config },
        { kind: 'poll', title: 'Poll', durationMinutes: 2, config: { question: 'Which?', type: 'multiple', options: ['A', 'B', 'C'] } },
        { id: chat.id, kind: 'chat', title: 'Chat, longer', durationMinutes: 10 },
      ],
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().segments.map((g: { title: string; status: string }) => `${g.title}:${g.status}`)).toEqual(['Welcome:active', 'Poll:pending', 'Chat, longer:pending']);
    // Once the poll ran, the agenda as the server sent it can be sent back unchanged (the editor does exactly that).
    await advanceTo(fac.c, s.id, 'poll');
    const current = (await fac.c.get(url(s.id))).json().segments;
    const resend = current.map((g: { id: string; kind: string; title: string; prompt: string; durationMinutes: number; config: Record<string, unknown> }) => ({
      id: g.id,
      kind: g.kind,
      title: g.title,
      prompt: g.prompt,
      durationMinutes: g.durationMinutes,
      config: Object.fromEntries(Object.entries(g.config).reverse()),
    }));
    const again = await put(fac.c, url(s.id, '/segments'), { segments: [...resend, { kind: 'reflection', title: 'Added while live', durationMinutes: 3 }] });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().segments.map((g: { status: string }) => g.status)).toEqual(['done', 'active', 'pending', 'pending']);
  });
});

describe('community sessions', () => {
  it('lets a community owner schedule one for its readers only', async () => {
    const { plain, people, fac } = cast;
    const com = await plain.c.post('/api/communities', { name: `Quiet circle ${randomUUID().slice(0, 6)}`, visibility: 'private' });
    expect(com.statusCode, com.body).toBe(201);
    const communityId = com.json().id;
    const s = await createSession(plain.c, { communityId, template: 'blank' });
    expect(s.community).toMatchObject({ id: communityId });
    expect(s.abilities.facilitate).toBe(true);
    expect((await people[0].c.get(url(s.id))).statusCode).toBe(404);
    expect((await people[0].c.post(url(s.id, '/join'))).statusCode).toBe(404);
    expect((await people[0].c.get(`/api/live-sessions?communityId=${communityId}`)).json().items).toEqual([]);
    expect((await plain.c.get(`/api/live-sessions?communityId=${communityId}`)).json().items.map((x: { id: string }) => x.id)).toEqual([s.id]);
    expect((await people[0].c.post('/api/live-sessions', { title: 'Not mine', startsAt: new Date().toISOString(), communityId })).statusCode).toBe(404);
    expect((await fac.c.post('/api/live-sessions', { title: 'Both', startsAt: new Date().toISOString(), communityId, programId: randomUUID() })).statusCode).toBe(400);
  });
});

describe('joining, capacity and run state', () => {
  it('refuses joining a full or ended session with a clear error and changes nothing', async () => {
    const { fac, people } = cast;
    const s = await createSession(fac.c, { capacity: 2, template: 'blank' });
    await joinAll(s.id, people.slice(0, 2));
    const again = await people[0].c.post(url(s.id, '/join'));
    expect(again.statusCode).toBe(200);
    const full = await people[2].c.post(url(s.id, '/join'));
    expect(full.statusCode).toBe(409);
    expect(full.json().code).toBe('SESSION_FULL');
    const after = (await fac.c.get(url(s.id))).json();
    expect(after.presentCount).toBe(2);
    expect((await stateOf(people[2].c, s.id)).present).toBe(false);
    // Facilitators never count and cannot take a seat.
    expect((await fac.c.post(url(s.id, '/join'))).statusCode).toBe(403);
    // Leaving frees the seat.
    expect((await people[1].c.post(url(s.id, '/leave'))).statusCode).toBe(204);
    expect((await people[2].c.post(url(s.id, '/join'))).statusCode).toBe(200);
    await fac.c.post(url(s.id, '/start'));
    await fac.c.post(url(s.id, '/end'));
    const ended = await people[3].c.post(url(s.id, '/join'));
    expect(ended.statusCode).toBe(409);
    expect(ended.json().code).toBe('SESSION_ENDED');
    expect((await fac.c.get(url(s.id))).json().presentCount).toBe(0);
    expect((await stateOf(people[3].c, s.id)).present).toBe(false);
  });

  it('never oversells seats when many join at once', async () => {
    const { fac, people } = cast;
    const s = await createSession(fac.c, { capacity: 3, template: 'blank' });
    const answers = await Promise.all(people.slice(0, 7).map((p) => p.c.post(url(s.id, '/join'))));
    const codes = answers.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 200)).toHaveLength(3);
    expect(answers.filter((r) => r.statusCode === 409).every((r) => r.json().code === 'SESSION_FULL')).toBe(true);
    expect((await fac.c.get(url(s.id))).json().presentCount).toBe(3);
  });

  it('shows a join in the facilitator’s state at once, even right after a state read', async () => {
    const { fac, people } = cast;
    const s = await createSession(fac.c, { template: 'blank' });
    await people[0].c.post(url(s.id, '/join'));
    expect((await fac.c.get(url(s.id, '/state'))).json().session.presentCount).toBe(1);
    await people[1].c.post(url(s.id, '/join'));
    expect((await fac.c.get(url(s.id, '/state'))).json().session.presentCount).toBe(2);
  });

  it('advances once when two facilitators click at once, extends, broadcasts, recalls, and survives the facilitator leaving', async () => {
    const { fac, co, people } = cast;
    const s = await createSession(fac.c, { facilitatorIds: [co.id] });
    await joinAll(s.id, people.slice(0, 6));
    const started = (await fac.c.post(url(s.id, '/start'))).json();
    expect(started.segment).toMatchObject({ kind: 'plenary', status: 'active' });
    expect(started.session.status).toBe('live');
    const from = started.segment.id;
    const [a, b] = await Promise.all([fac.c.post(url(s.id, '/advance'), { fromSegmentId: from }), co.c.post(url(s.id, '/advance'), { fromSegmentId: from })]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    expect([a, b].find((r) => r.statusCode === 409)?.json().code).toBe('STALE_STATE');
    const now = await stateOf(fac.c, s.id);
    expect(now.segment.kind).toBe('icebreaker');
    expect(now.session.segments.filter((g: { status: string }) => g.status === 'done')).toHaveLength(1);
    // Extend moves the timer; a participant cannot.
    const before = Date.parse(now.segment.timerEndsAt);
    const ext = (await fac.c.post(url(s.id, '/extend'), { minutes: 5 })).json();
    expect(Date.parse(ext.segment.timerEndsAt) - before).toBeGreaterThanOrEqual(5 * 60_000 - 1000);
    expect((await people[0].c.post(url(s.id, '/extend'), { minutes: 5 })).statusCode).toBe(403);
    expect((await fac.c.post(url(s.id, '/extend'), { minutes: 31 })).statusCode).toBe(400);
    // Broadcast reaches participants.
    await fac.c.post(url(s.id, '/broadcast'), { text: 'Five minutes left' });
    expect((await stateOf(people[0].c, s.id)).broadcasts[0].text).toBe('Five minutes left');
    // Recall ends the breakout and brings everyone to the main room.
    const recalled = (await fac.c.post(url(s.id, '/recall'))).json();
    expect(recalled.segment).toBeNull();
    expect(recalled.session.currentSegmentId).toBeNull();
    expect((await fac.c.post(url(s.id, '/recall'))).json().code).toBe('CONFLICT');
    // The facilitator leaving (or closing the browser) changes nothing.
    expect((await fac.c.post(url(s.id, '/leave'))).statusCode).toBe(204);
    const still = await stateOf(people[0].c, s.id);
    expect(still.session.status).toBe('live');
    const next = (await co.c.post(url(s.id, '/advance'), { fromSegmentId: null })).json();
    expect(next.segment.kind).toBe('poll');
    expect((await fac.c.post(url(s.id, '/end'))).json().session.status).toBe('ended');
    expect((await fac.c.post(url(s.id, '/advance'), { fromSegmentId: null })).json().code).toBe('SESSION_ENDED');
  });
});

describe('groups and learning partners', () => {
  it('forms groups of 3–4 among people present, new people each round, stable partners across a program, late joiners at once', async () => {
    const { fac, people } = cast;
    const prog = await fac.c.post('/api/programs', { title: 'New Manager Journey (test)', sessions: [] });
    expect(prog.statusCode, prog.body).toBe(201);
    const programId = prog.json().id;
    await fac.c.patch(`/api/programs/${programId}`, { status: 'open' });
    const enrol = await fac.c.post(`/api/programs/${programId}/enrollments`, { personIds: people.map((p) => p.id) });
    expect(enrol.statusCode, enrol.body).toBe(200);
    const s = await createSession(fac.c, { programId });
    expect(s.program).toMatchObject({ id: programId });
    expect((await cast.plain.c.get(url(s.id))).statusCode).toBe(404);
    const present = people.slice(0, 7);
    await joinAll(s.id, present);
    await fac.c.post(url(s.id, '/start'));
    const ice = await advanceTo(fac.c, s.id, 'icebreaker');
    const groupsOf = (st: { groups: { members: { id: string }[] }[] }) => st.groups.map((g) => g.members.map((m) => m.id).sort());
    const round1 = groupsOf(ice);
    expect(round1.flat().sort()).toEqual(present.map((p) => p.id).sort());
    expect(round1.every((g) => g.length >= 3 && g.length <= 4)).toBe(true);
    // Each person sees their own group with its members and the prompt.
    const mine = (await stateOf(present[0].c, s.id)).myGroup;
    expect(mine.kind).toBe('group');
    expect(mine.members.map((m: { id: string }) => m.id).sort()).toEqual(round1.find((g) => g.includes(present[0].id)));
    expect(mine.prompt).toContain('smile');
    // Late joiner during a breakout is placed at once (in a smallest group).
    const late = people[7];
    const joined = (await late.c.post(url(s.id, '/join'))).json();
    expect(joined.myGroup?.kind).toBe('group');
    const withLate = groupsOf(await stateOf(fac.c, s.id));
    expect(withLate.flat()).toContain(late.id);
    expect(withLate.find((g) => g.includes(late.id))?.length).toBe(Math.min(...round1.map((g) => g.length)) + 1);
    // Next breakout: people who already met are avoided where possible.
    const grp = await advanceTo(fac.c, s.id, 'groups');
    const round2 = groupsOf(grp);
    const met = new Set(withLate.flatMap((g) => g.flatMap((a) => g.filter((b) => a < b).map((b) => `${a}|${b}`))));
    const repeats = round2.flatMap((g) => g.flatMap((a) => g.filter((b) => a < b && met.has(`${a}|${b}`))));
    const pairs2 = round2.reduce((n, g) => n + (g.length * (g.length - 1)) / 2, 0);
    expect(repeats.length).toBeLessThan(pairs2 / 2);
    expect(round2.every((g) => g.length >= 3 && g.length <= 4)).toBe(true);
    // Pairs: everyone paired (a trio only for an odd count).
    const pairs = groupsOf(await advanceTo(fac.c, s.id, 'pairs'));
    expect(pairs.flat().sort()).toEqual(people.map((p) => p.id).sort());
    expect(pairs.every((g) => g.length === 2)).toBe(true);
    expect((await stateOf(people[0].c, s.id)).myGroup.kind).toBe('pair');
    await fac.c.post(url(s.id, '/end'));
    // A later session of the same program: the same partners again when both are present.
    const s2 = await createSession(fac.c, { programId, template: 'blank' });
    await put(fac.c, url(s2.id, '/segments'), { segments: [{ kind: 'pairs', title: 'Partners again', durationMinutes: 10 }] });
    await joinAll(s2.id, people);
    const again = groupsOf((await fac.c.post(url(s2.id, '/start'))).json());
    expect(again.sort()).toEqual(pairs.sort());
  });

  it('pairs people with the partners the program published; late joiners wait for each other instead of entering a pair', async () => {
    const { fac, people } = cast;
    const programId = (await fac.c.post('/api/programs', { title: 'Partners plan (test)', sessions: [] })).json().id;
    await fac.c.patch(`/api/programs/${programId}`, { status: 'open' });
    const six = people.slice(0, 6);
    expect((await fac.c.post(`/api/programs/${programId}/enrollments`, { personIds: six.map((p) => p.id) })).statusCode).toBe(200);
    const draft = await fac.c.post(`/api/programs/${programId}/plans`, { kind: 'partners' });
    expect(draft.statusCode, draft.body).toBe(201);
    // The facilitator overrides the engine with pairs of the same department (which the engine itself would avoid).
    const chosen = [
      [six[0].id, six[4].id],
      [six[1].id, six[2].id],
      [six[3].id, six[5].id],
    ];
    const adjusted = await fac.c.send({ method: 'PATCH', url: `/api/programs/${programId}/plans/${draft.json().id}`, payload: { rounds: [chosen] } });
    expect(adjusted.statusCode, adjusted.body).toBe(200);
    expect((await fac.c.post(`/api/programs/${programId}/plans/${draft.json().id}/publish`)).statusCode).toBe(200);
    const s = await createSession(fac.c, { programId, template: 'blank' });
    await put(fac.c, url(s.id, '/segments'), { segments: [{ kind: 'pairs', title: 'Partners', durationMinutes: 10 }] });
    // Two people are late: six[4] (partner of six[0], both Sales) and six[5] (partner of six[3]).
    await joinAll(s.id, six.slice(0, 4));
    const st = (await fac.c.post(url(s.id, '/start'))).json();
    const sorted = (gs: string[][]) => gs.map((g) => [...g].sort()).sort((a, b) => a[0].localeCompare(b[0]));
    const formed = st.groups.map((g: { members: { id: string }[] }) => g.members.map((m) => m.id));
    // The published pair whose partners are both here stays whole; the two whose partners are late pair up meanwhile.
    expect(sorted(formed)).toEqual(sorted([chosen[1], [six[0].id, six[3].id]]));
    // Their published partners already talk in pairs of their own, which nobody enters late: the first late joiner
    // waits, the second is paired with them.
    expect((await six[4].c.post(url(s.id, '/join'))).json()).toMatchObject({ waiting: true, myGroup: null });
    const mine = (await six[5].c.post(url(s.id, '/join'))).json().myGroup;
    expect(mine.members.map((m: { id: string }) => m.id).sort()).toEqual([six[4].id, six[5].id].sort());
    expect(sorted((await stateOf(fac.c, s.id)).groups.map((g: { members: { id: string }[] }) => g.members.map((m) => m.id)))).toEqual(
      sorted([chosen[1], [six[0].id, six[3].id], [six[4].id, six[5].id]]),
    );
  });

  it('pairs an odd count with one trio at the start; a late joiner never makes a trio of a pair (see live-sessions.placement.test.ts)', async () => {
    const { fac, people } = cast;
    const s = await createSession(fac.c, { template: 'blank' });
    await put(fac.c, url(s.id, '/segments'), { segments: [{ kind: 'pairs', title: 'Pairs', durationMinutes: 10 }] });
    await joinAll(s.id, people.slice(0, 5));
    const st = (await fac.c.post(url(s.id, '/start'))).json();
    expect(st.groups.map((g: { members: unknown[] }) => g.members.length).sort()).toEqual([2, 3]);
    expect((await people[5].c.post(url(s.id, '/join'))).json().waiting).toBe(true);
    const after = await stateOf(fac.c, s.id);
    expect(after.groups.map((g: { members: unknown[] }) => g.members.length).sort()).toEqual([2, 3]);
    expect(after.waitingPeople.map((p: { id: string }) => p.id)).toEqual([people[5].id]);
  });
});

describe('chat', () => {
  it('posts to the plenary and groups while the segment runs, dedupes retries, catches up without duplicates, and closes with the segment', async () => {
    const { fac, people } = cast;
    const s = await createSession(fac.c);
    await joinAll(s.id, people.slice(0, 6));
    await fac.c.post(url(s.id, '/start'));
    const [p0, p1] = people;
    // Plenary chat is open in plenary segments.
    const clientId = randomUUID();
    const first = await say(p0.c, s.id, 'Hello everyone', undefined, clientId);
    expect(first.statusCode).toBe(201);
    const retry = await say(p0.c, s.id, 'Hello everyone', undefined, clientId);
    expect(retry.statusCode).toBe(200);
    expect(retry.json().id).toBe(first.json().id);
    // The same message sent twice at once (a retry racing the first attempt) is stored once; both get it.
    const racedId = randomUUID();
    const raced = await Promise.all([say(p1.c, s.id, 'Twice at once', undefined, racedId), say(p1.c, s.id, 'Twice at once', undefined, racedId)]);
    expect(raced.map((r) => r.statusCode).sort()).toEqual([200, 201]);
    expect(raced[0].json().id).toBe(raced[1].json().id);
    const second = (await say(p1.c, s.id, 'Hi!')).json();
    const all = (await p1.c.get(url(s.id, '/messages'))).json().items;
    expect(all.map((m: { body: string }) => m.body)).toEqual(['Hello everyone', 'Twice at once', 'Hi!']);
    const since = (await p1.c.get(url(s.id, `/messages?after=${first.json().id}`))).json().items;
    expect(since.map((m: { id: string }) => m.id)).toEqual([raced[0].json().id, second.id]);
    expect((await p1.c.get(url(s.id, `/messages?after=${second.id}`))).json().items).toEqual([]);
    expect((await p1.c.get(url(s.id, `/messages?after=${randomUUID()}`))).statusCode).toBe(400);
    // Facilitators chat in the plenary too; someone who never joined cannot read it.
    expect((await say(fac.c, s.id, 'Welcome!')).statusCode).toBe(201);
    expect((await cast.plain.c.get(url(s.id, '/messages'))).statusCode).toBe(403);
    // Group chat during the icebreaker.
    const ice = await advanceTo(fac.c, s.id, 'icebreaker');
    const closed = await say(p0.c, s.id, 'late to the plenary');
    expect(closed.statusCode).toBe(409);
    expect(closed.json().code).toBe('SEGMENT_CLOSED');
    const g = (await stateOf(p0.c, s.id)).myGroup;
    const dogId = randomUUID();
    const dog = await say(p0.c, s.id, 'Smiled at a dog', g.id, dogId);
    expect(dog.statusCode).toBe(201);
    const groupMsgs = (await p0.c.get(url(s.id, `/messages?groupId=${g.id}`))).json().items;
    expect(groupMsgs).toHaveLength(1);
    const overview = (await stateOf(fac.c, s.id)).groups.find((x: { id: string }) => x.id === g.id);
    expect(overview).toMatchObject({ messageCount: 1 });
    expect(overview.lastActivityAt).not.toBeNull();
    expect(JSON.stringify(ice.groups)).not.toContain('Smiled');
    // After the segment, the group chat is read-only: posting → SEGMENT_CLOSED and nothing is added.
    await advanceTo(fac.c, s.id, 'poll');
    const late = await say(p0.c, s.id, 'one more thing', g.id);
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('SEGMENT_CLOSED');
    expect((await p0.c.get(url(s.id, `/messages?groupId=${g.id}`))).json().items).toHaveLength(1);
    // A retry of a message that was stored before the segment closed is answered with that message, not refused.
    const retried = await say(p0.c, s.id, 'Smiled at a dog', g.id, dogId);
    expect(retried.statusCode).toBe(200);
    expect(retried.json()).toMatchObject({ id: dog.json().id, groupId: g.id, author: { id: p0.id } });
    // Someone outside the group still gets 404 for it, retry or not.
    const outsider = people.slice(0, 6).find((p) => !g.members.some((m: { id: string }) => m.id === p.id));
    expect((await say(outsider!.c, s.id, 'Smiled at a dog', g.id, dogId)).statusCode).toBe(404);
    expect((await say(p0.c, s.id, '', undefined)).statusCode).toBe(400);
  });

  it('rate-limits a person posting very fast', async () => {
    const { fac, people } = cast;
    const s = await createSession(fac.c, { template: 'blank' });
    const fresh = await t.buildPerson(cast.org.id, { name: 'Quick Typist' });
    const c = await t.signIn(fresh.email);
    await c.post(url(s.id, '/join'));
    await fac.c.post(url(s.id, '/start'));
    const codes: number[] = [];
    const firstId = randomUUID();
    const first = await say(c, s.id, 'msg 0', undefined, firstId);
    codes.push(first.statusCode);
    for (let i = 1; i < 32; i++) codes.push((await say(c, s.id, `msg ${i}`)).statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(30);
    expect(codes.slice(30)).toEqual([429, 429]);
    // While limited, a retry of a message already sent still gets that message back (and nothing is added).
    const retry = await say(c, s.id, 'msg 0', undefined, firstId);
    expect(retry.statusCode).toBe(200);
    expect(retry.json().id).toBe(first.json().id);
    expect((await c.get(url(s.id, '/messages?limit=100'))).json().items).toHaveLength(30);
  });
});

describe('notes, polls and debrief', () => {
  it('keeps versioned group notes with conflicts, and shares them only after every member agreed in the debrief', async () => {
    const { fac, people } = cast;
    const s = await createSession(fac.c);
    await joinAll(s.id, people.slice(0, 6));
    await fac.c.post(url(s.id, '/start'));
    await advanceTo(fac.c, s.id, 'groups');
    const g = (await stateOf(people[0].c, s.id)).myGroup;
    const mates = people.filter((p) => g.members.some((m: { id: string }) => m.id === p.id));
    const [a, b] = mates;
    const notesUrl = url(s.id, `/groups/${g.id}/notes`);
    expect((await a.c.get(notesUrl)).json()).toMatchObject({ body: '', version: 0 });
    const v1 = (await put(a.c, notesUrl, { body: 'Idea: weekly office hours', version: 0 })).json();
    expect(v1.version).toBe(1);
    const stale = await put(b.c, notesUrl, { body: 'Overwrite', version: 0 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('NOTES_CONFLICT');
    expect((await b.c.get(notesUrl)).json()).toMatchObject({ body: 'Idea: weekly office hours', version: 1, updatedBy: { id: a.id } });
    // Facilitators never see a group's notes before a unanimous debrief.
    expect((await fac.c.get(notesUrl)).statusCode).toBe(404);
    // Consent only during the debrief.
    const early = await put(a.c, url(s.id, `/groups/${g.id}/debrief-consent`), { share: true });
    expect(early.json().code).toBe('SEGMENT_CLOSED');
    await advanceTo(fac.c, s.id, 'debrief');
    expect((await stateOf(a.c, s.id)).myGroup).toMatchObject({ id: g.id, debrief: { mine: null, consented: 0, shared: false } });
    for (const m of mates.slice(0, -1)) expect((await put(m.c, url(s.id, `/groups/${g.id}/debrief-consent`), { share: true })).json().shared).toBe(false);
    expect((await fac.c.get(notesUrl)).statusCode).toBe(404);
    expect((await fac.c.get(url(s.id, '/debriefs'))).json().items).toEqual([]);
    const last = (await put(mates.at(-1)!.c, url(s.id, `/groups/${g.id}/debrief-consent`), { share: true })).json();
    expect(last).toMatchObject({ shared: true, consented: mates.length, members: mates.length });
    expect((await fac.c.get(notesUrl)).json().body).toBe('Idea: weekly office hours');
    const debriefs = (await people.find((p) => !mates.includes(p))!.c.get(url(s.id, '/debriefs'))).json().items;
    expect(debriefs).toHaveLength(1);
    expect(debriefs[0]).toMatchObject({ groupId: g.id, notes: 'Idea: weekly office hours' });
    // Group chat stays with the group even after the debrief.
    expect((await fac.c.get(url(s.id, `/messages?groupId=${g.id}`))).statusCode).toBe(404);
    // Withdrawing un-shares.
    await put(a.c, url(s.id, `/groups/${g.id}/debrief-consent`), { share: false });
    expect((await fac.c.get(notesUrl)).statusCode).toBe(404);
  });

  it('runs all four poll types: one vote each, clear errors for a second vote, a bad option or a closed poll, results after voting', async () => {
    const { fac, people } = cast;
    const s = await createSession(fac.c, { template: 'blank' });
    const polls = [
      { kind: 'poll', title: 'Single', durationMinutes: 2, config: { question: 'Pick one', type: 'single', options: ['Red', 'Blue'] } },
      { kind: 'poll', title: 'Multiple', durationMinutes: 2, config: { question: 'Pick any', type: 'multiple', options: ['A', 'B', 'C'] } },
      { kind: 'poll', title: 'Rating', durationMinutes: 2, config: { question: 'Rate it', type: 'rating', scale: 5 } },
      { kind: 'poll', title: 'Words', durationMinutes: 2, config: { question: 'In a word?', type: 'wordcloud' } },
    ];
    const agenda = (await put(fac.c, url(s.id, '/segments'), { segments: polls })).json().segments;
    const [p0, p1, p2] = people;
    await joinAll(s.id, [p0, p1, p2]);
    const votes = (segId: string) => `/api/live-sessions/${s.id}/segments/${segId}/votes`;
    const results = (segId: string) => `/api/live-sessions/${s.id}/segments/${segId}/results`;
    // Pending poll → POLL_CLOSED.
    expect((await p0.c.post(votes(agenda[1].id), { choices: [0] })).json().code).toBe('POLL_CLOSED');
    await fac.c.post(url(s.id, '/start'));
    // Single.
    expect((await p0.c.get(results(agenda[0].id))).statusCode).toBe(403);
    expect((await stateOf(p0.c, s.id)).poll).toMatchObject({ question: 'Pick one', open: true, myVote: null, results: null });
    expect((await p0.c.post(votes(agenda[0].id), { choices: [5] })).statusCode).toBe(400);
    expect((await p0.c.post(votes(agenda[0].id), { choices: [0, 1] })).statusCode).toBe(400);
    expect((await p0.c.post(votes(agenda[0].id), { rating: 3 })).statusCode).toBe(400);
    const voted = await p0.c.post(votes(agenda[0].id), { choices: [1] });
    expect(voted.statusCode, voted.body).toBe(201);
    expect(voted.json().results.options).toEqual([{ label: 'Red', count: 0 }, { label: 'Blue', count: 1 }]);
    const twice = await p0.c.post(votes(agenda[0].id), { choices: [0] });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('ALREADY_VOTED');
    await p1.c.post(votes(agenda[0].id), { choices: [1] });
    const single = (await fac.c.get(results(agenda[0].id))).json();
    expect(single).toMatchObject({ voters: 2, options: [{ label: 'Red', count: 0 }, { label: 'Blue', count: 2 }] });
    expect((await fac.c.post(votes(agenda[0].id), { choices: [0] })).statusCode).toBe(403);
    // Multiple.
    await fac.c.post(url(s.id, '/advance'), { fromSegmentId: agenda[0].id });
    const closed = await p2.c.post(votes(agenda[0].id), { choices: [0] });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().code).toBe('POLL_CLOSED');
    expect((await p2.c.get(results(agenda[0].id))).json().voters).toBe(2);
    await p0.c.post(votes(agenda[1].id), { choices: [0, 2] });
    await p1.c.post(votes(agenda[1].id), { choices: [2] });
    expect((await p0.c.post(votes(agenda[1].id), { choices: [1] })).json().code).toBe('ALREADY_VOTED');
    expect((await p2.c.post(votes(agenda[1].id), { choices: [1, 1] })).statusCode).toBe(400);
    expect((await fac.c.get(results(agenda[1].id))).json().options.map((o: { count: number }) => o.count)).toEqual([1, 0, 2]);
    // Rating.
    await fac.c.post(url(s.id, '/advance'), { fromSegmentId: agenda[1].id });
    expect((await p0.c.post(votes(agenda[2].id), { rating: 6 })).statusCode).toBe(400);
    await p0.c.post(votes(agenda[2].id), { rating: 4 });
    await p1.c.post(votes(agenda[2].id), { rating: 5 });
    const rating = (await fac.c.get(results(agenda[2].id))).json();
    expect(rating.mean).toBe(4.5);
    expect(rating.histogram).toEqual([1, 2, 3, 4, 5].map((value) => ({ value, count: value >= 4 ? 1 : 0 })));
    // Word cloud: lower-cased, counted once per voter.
    await fac.c.post(url(s.id, '/advance'), { fromSegmentId: agenda[2].id });
    expect((await p0.c.post(votes(agenda[3].id), { words: ['a', 'b', 'c', 'd'] })).statusCode).toBe(400);
    expect((await p0.c.post(votes(agenda[3].id), { words: ['x'.repeat(31)] })).statusCode).toBe(400);
    await p0.c.post(votes(agenda[3].id), { words: ['Curious', 'curious ', 'Brave'] });
    await p1.c.post(votes(agenda[3].id), { words: ['curious'] });
    const words = (await fac.c.get(results(agenda[3].id))).json().words;
    expect(words).toEqual([{ word: 'curious', count: 2 }, { word: 'brave', count: 1 }]);
    // A second vote changed nothing.
    expect((await fac.c.get(results(agenda[0].id))).json().options[0].count).toBe(0);
  });
});

describe('reconnect and realtime', () => {
  it('tells followers of live:<id> about an advance (ids only), refuses a facilitator on live-group:<id>, and a reconnect gets the current state', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const port = (t.app.server.address() as { port: number }).port;
    const { fac, people } = cast;
    const s = await createSession(fac.c);
    await joinAll(s.id, people.slice(0, 4));
    const started = (await fac.c.post(url(s.id, '/start'))).json();
    const wsUrl = `ws://127.0.0.1:${port}/api/ws`;
    const ws = await connectWs(wsUrl, { cookie: people[0].c.cookie, origin: `http://127.0.0.1:${port}` });
    ws.ws.send(JSON.stringify({ type: 'subscribe', channel: `live:${s.id}` }));
    await ws.waitFor((m) => m.type === 'subscribed' && m.ok === true);
    await fac.c.post(url(s.id, '/advance'), { fromSegmentId: started.segment.id });
    const msg = await ws.waitFor((m) => m.type === 'changed' && m.channel === `live:${s.id}` && m.what === 'segment');
    expect(msg).toMatchObject({ id: s.id });
    const g = (await stateOf(people[0].c, s.id)).myGroup;
    ws.ws.send(JSON.stringify({ type: 'subscribe', channel: `live-group:${g.id}` }));
    await ws.waitFor((m) => m.type === 'subscribed' && m.channel === `live-group:${g.id}` && m.ok === true);
    await say(people[0].c, s.id, 'A secret-ish group line', g.id);
    await ws.waitFor((m) => m.type === 'changed' && m.channel === `live-group:${g.id}` && m.what === 'chat');
    expect(JSON.stringify(ws.messages)).not.toContain('secret-ish');
    ws.ws.send(JSON.stringify({ type: 'subscribe', channel: `live-console:${s.id}` }));
    await ws.waitFor((m) => m.type === 'subscribed' && m.channel === `live-console:${s.id}` && m.ok === false);
    await ws.close();
    const fws = await connectWs(wsUrl, { cookie: fac.c.cookie, origin: `http://127.0.0.1:${port}` });
    fws.ws.send(JSON.stringify({ type: 'subscribe', channel: `live-group:${g.id}` }));
    await fws.waitFor((m) => m.type === 'subscribed' && m.channel === `live-group:${g.id}` && m.ok === false);
    fws.ws.send(JSON.stringify({ type: 'subscribe', channel: `live:${s.id}` }));
    await fws.waitFor((m) => m.type === 'subscribed' && m.channel === `live:${s.id}` && m.ok === true);
    // The console channel tells facilitators about arrivals and late placements; participants' screens are not woken.
    fws.ws.send(JSON.stringify({ type: 'subscribe', channel: `live-console:${s.id}` }));
    await fws.waitFor((m) => m.type === 'subscribed' && m.channel === `live-console:${s.id}` && m.ok === true);
    const lateState = (await people[4].c.post(url(s.id, '/join'))).json();
    await fws.waitFor((m) => m.type === 'changed' && m.channel === `live-console:${s.id}` && m.what === 'session');
    await fws.waitFor((m) => m.type === 'changed' && m.channel === `live-console:${s.id}` && m.what === 'groups' && m.id === lateState.myGroup.id);
    expect(fws.messages.filter((m) => m.channel === `live:${s.id}` && m.what === 'session')).toEqual([]);
    await fws.close();
    const ows = await connectWs(wsUrl, { cookie: cast.outsider.c.cookie, origin: `http://127.0.0.1:${port}` });
    ows.ws.send(JSON.stringify({ type: 'subscribe', channel: `live:${s.id}` }));
    await ows.waitFor((m) => m.type === 'subscribed' && m.ok === false);
    await ows.close();
    // Reconnect: the state is current, and a re-join is idempotent (same group, no new attendance row).
    const rejoin = (await people[0].c.post(url(s.id, '/join'))).json();
    expect(rejoin.segment.kind).toBe('icebreaker');
    expect(rejoin.myGroup.id).toBe(g.id);
    const rows = await t.db.execute(sql`select count(*)::int as n from live_attendance where session_id = ${s.id} and person_id = ${people[0].id}`);
    expect((rows as unknown as { rows: { n: number }[] }).rows[0].n).toBe(1);
    // Signals: members of the running group may call each other; a facilitator may not.
    const other = g.members.find((m: { id: string }) => m.id !== people[0].id).id;
    const actor = (personId: string) => ({ personId, orgId: cast.org.id, roles: [], isAdmin: false, csrfToken: '', sessionHash: '' });
    const hub = t.deps.hub as unknown as { canSignal: (a: unknown, ch: string, to: string) => Promise<boolean> };
    expect(await hub.canSignal(actor(people[0].id), `live-group:${g.id}`, other)).toBe(true);
    expect(await hub.canSignal(actor(fac.id), `live-group:${g.id}`, other)).toBe(false);
    await fac.c.post(url(s.id, '/recall'));
    expect(await hub.canSignal(actor(people[0].id), `live-group:${g.id}`, other)).toBe(false);
  });
});

describe('talk-time analytics', () => {
  it('counts minutes by kind from attendance and segment intervals, chat and poll counts and new people met; the CSV has no group content', async () => {
    const { fac } = cast;
    const s = await createSession(fac.c, { template: 'blank' });
    const agenda = (
      await put(fac.c, url(s.id, '/segments'), {
        segments: [
          { kind: 'plenary', title: 'Open', durationMinutes: 10 },
          { kind: 'groups', title: 'Groups', durationMinutes: 20, config: { groupSize: 4 } },
          { kind: 'pairs', title: 'Pairs', durationMinutes: 10 },
          { kind: 'poll', title: 'Poll', durationMinutes: 2, config: { question: 'Useful?', type: 'single', options: ['Yes', 'No'] } },
        ],
      })
    ).json().segments;
    // People who never met in a live group before.
    const four: Member[] = [];
    for (let i = 0; i < 4; i++) {
      const p = await t.buildPerson(cast.org.id, { name: `Newcomer ${i}`, department: i % 2 ? 'Sales' : 'Design' });
      four.push({ id: p.id, name: p.name, department: p.department, c: await t.signIn(p.email) });
    }
    await joinAll(s.id, four);
    await fac.c.post(url(s.id, '/start'));
    await say(four[0].c, s.id, 'plenary hello');
    await advanceTo(fac.c, s.id, 'groups');
    const g = (await stateOf(four[0].c, s.id)).myGroup;
    await say(four[0].c, s.id, 'group-only-zebra words', g.id);
    await advanceTo(fac.c, s.id, 'pairs');
    await advanceTo(fac.c, s.id, 'poll');
    await four[0].c.post(`/api/live-sessions/${s.id}/segments/${agenda[3].id}/votes`, { choices: [0] });
    await fac.c.post(url(s.id, '/end'));
    // Pin the clock: attendance 0–60 min; plenary 0–10, groups 10–30, pairs 30–40, poll 40–42.
    const t0 = new Date('2026-03-02T09:00:00Z').getTime();
    const at = (m: number) => new Date(t0 + m * 60_000).toISOString();
    await t.db.execute(sql`update live_attendance set from_at = ${at(0)}, to_at = ${at(60)} where session_id = ${s.id}`);
    const spans = [[0, 10], [10, 30], [30, 40], [40, 42]];
    for (const [i, seg] of agenda.entries()) await t.db.execute(sql`update live_segments set started_at = ${at(spans[i][0])}, ended_at = ${at(spans[i][1])} where id = ${seg.id}`);
    const a = (await fac.c.get(url(s.id, '/analytics'))).json();
    const row = a.rows.find((r: { personId: string }) => r.personId === four[0].id);
    expect(row).toMatchObject({ plenaryMinutes: 12, groupMinutes: 20, pairMinutes: 10, chatMessages: 2, pollVotes: 1, newPeopleMet: 4 - 1 });
    expect(a.totals.participants).toBe(4);
    expect(a.segments.map((x: { minutes: number }) => x.minutes)).toEqual([10, 20, 10, 2]);
    expect((await four[0].c.get(url(s.id, '/analytics'))).statusCode).toBe(403);
    expect((await four[0].c.get(url(s.id, '/analytics/me'))).json()).toMatchObject({ personId: four[0].id, groupMinutes: 20 });
    const mine = (await four[0].c.get('/api/live-sessions/me/talk-time')).json();
    expect(mine.sessions.find((x: { sessionId: string }) => x.sessionId === s.id)).toMatchObject({ pairMinutes: 10, plenaryMinutes: 12 });
    const csv = await fac.c.get(url(s.id, '/export.csv'));
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('plenary hello');
    expect(csv.body).toContain('Useful?');
    expect(csv.body).not.toContain('group-only-zebra');
    expect(JSON.stringify(a)).not.toContain('group-only-zebra');
    expect((await four[0].c.get(url(s.id, '/export.csv'))).statusCode).toBe(403);
  });
});
