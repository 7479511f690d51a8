// Live sessions through the API: scheduling and the agenda, community sessions, joining, capacity and run state, and
// realtime and reconnects. Breakouts, chat, polls and analytics have their own test files.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { connectWs } from '../../../test/ws-client.ts';
import { advanceTo, createSession, joinAll, put, say, stateOf, url, useLiveApp } from './live-sessions.test-support.ts';

const live = useLiveApp();

describe('sessions and agenda', () => {
  it('creates a graduated session for facilitators only, shows it to the organization and hides it from others', async () => {
    const { fac, plain, outsider, co } = live.cast;
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
    const { fac, plain } = live.cast;
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
    const { plain, people, fac } = live.cast;
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
    const { fac, people } = live.cast;
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
    const { fac, people } = live.cast;
    const s = await createSession(fac.c, { capacity: 3, template: 'blank' });
    const answers = await Promise.all(people.slice(0, 7).map((p) => p.c.post(url(s.id, '/join'))));
    const codes = answers.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 200)).toHaveLength(3);
    expect(answers.filter((r) => r.statusCode === 409).every((r) => r.json().code === 'SESSION_FULL')).toBe(true);
    expect((await fac.c.get(url(s.id))).json().presentCount).toBe(3);
  });

  it('shows a join in the facilitator’s state at once, even right after a state read', async () => {
    const { fac, people } = live.cast;
    const s = await createSession(fac.c, { template: 'blank' });
    await people[0].c.post(url(s.id, '/join'));
    expect((await fac.c.get(url(s.id, '/state'))).json().session.presentCount).toBe(1);
    await people[1].c.post(url(s.id, '/join'));
    expect((await fac.c.get(url(s.id, '/state'))).json().session.presentCount).toBe(2);
  });

  it('advances once when two facilitators click at once, extends, broadcasts, recalls, and survives the facilitator leaving', async () => {
    const { fac, co, people } = live.cast;
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

describe('reconnect and realtime', () => {
  it('tells followers of live:<id> about an advance (ids only), refuses a facilitator on live-group:<id>, and a reconnect gets the current state', async () => {
    await live.t.app.listen({ port: 0, host: '127.0.0.1' });
    const port = (live.t.app.server.address() as { port: number }).port;
    const { fac, people } = live.cast;
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
    const ows = await connectWs(wsUrl, { cookie: live.cast.outsider.c.cookie, origin: `http://127.0.0.1:${port}` });
    ows.ws.send(JSON.stringify({ type: 'subscribe', channel: `live:${s.id}` }));
    await ows.waitFor((m) => m.type === 'subscribed' && m.ok === false);
    await ows.close();
    // Reconnect: the state is current, and a re-join is idempotent (same group, no new attendance row).
    const rejoin = (await people[0].c.post(url(s.id, '/join'))).json();
    expect(rejoin.segment.kind).toBe('icebreaker');
    expect(rejoin.myGroup.id).toBe(g.id);
    const rows = await live.t.db.execute(sql`select count(*)::int as n from live_attendance where session_id = ${s.id} and person_id = ${people[0].id}`);
    expect((rows as unknown as { rows: { n: number }[] }).rows[0].n).toBe(1);
    // Signals: members of the running group may call each other; a facilitator may not.
    const other = g.members.find((m: { id: string }) => m.id !== people[0].id).id;
    const actor = (personId: string) => ({ personId, orgId: live.cast.org.id, roles: [], isAdmin: false, csrfToken: '', sessionHash: '' });
    const hub = live.t.deps.hub as unknown as { canSignal: (a: unknown, ch: string, to: string) => Promise<boolean> };
    expect(await hub.canSignal(actor(people[0].id), `live-group:${g.id}`, other)).toBe(true);
    expect(await hub.canSignal(actor(fac.id), `live-group:${g.id}`, other)).toBe(false);
    await fac.c.post(url(s.id, '/recall'));
    expect(await hub.canSignal(actor(people[0].id), `live-group:${g.id}`, other)).toBe(false);
  });
});
