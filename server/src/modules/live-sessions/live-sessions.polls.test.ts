// Polls through the API: all four types, one vote each, results.
import { describe, expect, it } from 'vitest';
import { createSession, joinAll, put, stateOf, url, useLiveApp } from './live-sessions.test-support.ts';

const live = useLiveApp();

describe('polls', () => {
  it('runs all four poll types: one vote each, clear errors for a second vote, a bad option or a closed poll, results after voting', async () => {
    const { fac, people } = live.cast;
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
