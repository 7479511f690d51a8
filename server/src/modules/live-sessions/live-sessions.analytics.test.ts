// Talk-time analytics and the CSV export through the API (minutes and counts, never content).
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { advanceTo, createSession, joinAll, type Member, put, say, stateOf, url, useLiveApp } from './live-sessions.test-support.ts';

const live = useLiveApp();

describe('talk-time analytics', () => {
  it('counts minutes by kind from attendance and segment intervals, chat and poll counts and new people met; the CSV has no group content', async () => {
    const { fac } = live.cast;
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
      const p = await live.t.buildPerson(live.cast.org.id, { name: `Newcomer ${i}`, department: i % 2 ? 'Sales' : 'Design' });
      four.push({ id: p.id, name: p.name, department: p.department, c: await live.t.signIn(p.email) });
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
    await live.t.db.execute(sql`update live_attendance set from_at = ${at(0)}, to_at = ${at(60)} where session_id = ${s.id}`);
    const spans = [[0, 10], [10, 30], [30, 40], [40, 42]];
    for (const [i, seg] of agenda.entries()) await live.t.db.execute(sql`update live_segments set started_at = ${at(spans[i][0])}, ended_at = ${at(spans[i][1])} where id = ${seg.id}`);
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
