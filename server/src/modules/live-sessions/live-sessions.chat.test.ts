// Chat, group notes and the opt-in debrief through the API.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { advanceTo, createSession, joinAll, put, say, stateOf, url, useLiveApp } from './live-sessions.test-support.ts';

const live = useLiveApp();

describe('chat', () => {
  it('posts to the plenary and groups while the segment runs, dedupes retries, catches up without duplicates, and closes with the segment', async () => {
    const { fac, people } = live.cast;
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
    expect((await live.cast.plain.c.get(url(s.id, '/messages'))).statusCode).toBe(403);
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
    const { fac, people } = live.cast;
    const s = await createSession(fac.c, { template: 'blank' });
    const fresh = await live.t.buildPerson(live.cast.org.id, { name: 'Quick Typist' });
    const c = await live.t.signIn(fresh.email);
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

describe('notes and debrief', () => {
  it('keeps versioned group notes with conflicts, and shares them only after every member agreed in the debrief', async () => {
    const { fac, people } = live.cast;
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
});
