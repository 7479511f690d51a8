// Breakout groups and pairs through the API: groups of 3–4 among people present, new people each round, learning
// partners across a program, late joiners.
import { describe, expect, it } from 'vitest';
import { advanceTo, createSession, joinAll, put, stateOf, url, useLiveApp } from './live-sessions.test-support.ts';

const live = useLiveApp();

describe('groups and learning partners', () => {
  it('forms groups of 3–4 among people present, new people each round, stable partners across a program, late joiners at once', async () => {
    const { fac, people } = live.cast;
    const prog = await fac.c.post('/api/programs', { title: 'New Manager Journey (test)', sessions: [] });
    expect(prog.statusCode, prog.body).toBe(201);
    const programId = prog.json().id;
    await fac.c.patch(`/api/programs/${programId}`, { status: 'open' });
    const enrol = await fac.c.post(`/api/programs/${programId}/enrollments`, { personIds: people.map((p) => p.id) });
    expect(enrol.statusCode, enrol.body).toBe(200);
    const s = await createSession(fac.c, { programId });
    expect(s.program).toMatchObject({ id: programId });
    expect((await live.cast.plain.c.get(url(s.id))).statusCode).toBe(404);
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
    const { fac, people } = live.cast;
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
    const { fac, people } = live.cast;
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
