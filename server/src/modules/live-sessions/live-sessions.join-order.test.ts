// The confidentiality promise of breakouts, stated over every join order: for every group or pair message (and every
// line of its shared notes), everyone who can read it — through chat, catch-up, notes, state, debriefs, the export,
// analytics or the live-group channel — was a member of that group when it was written. fast-check drives random
// joins, leaves, rejoins, segment advances, posts, notes edits and facilitator placements; after each step the test
// records who each screen shows in which group (that is what membership means to people), and at the end every
// person, the facilitator and an org admin read every group through every route.
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { buildCast, type Client, createSession, put } from './live-sessions.test-support.ts';

let t: TestApp;
let cast: Awaited<ReturnType<typeof buildCast>>;
const N = 6;
const url = (id: string, rest = '') => `/api/live-sessions/${id}${rest}`;

beforeAll(async () => {
  t = await createTestApp({ SIGNIN_PER_IP_PER_MINUTE: '1000' });
  cast = await buildCast(t, N);
}, 180_000);
afterAll(() => t.close());

type Op =
  | { t: 'join' | 'leave' | 'say' | 'note'; p: number }
  | { t: 'advance' }
  | { t: 'place'; p: number; to: number };

const person = fc.nat(N - 1);
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { arbitrary: fc.record({ t: fc.constant('join' as const), p: person }), weight: 5 },
  { arbitrary: fc.record({ t: fc.constant('leave' as const), p: person }), weight: 2 },
  { arbitrary: fc.constant({ t: 'advance' as const }), weight: 2 },
  { arbitrary: fc.record({ t: fc.constant('say' as const), p: person }), weight: 5 },
  { arbitrary: fc.record({ t: fc.constant('note' as const), p: person }), weight: 2 },
  { arbitrary: fc.record({ t: fc.constant('place' as const), p: person, to: fc.nat(9) }), weight: 2 },
);
const agendaArb = fc.array(fc.constantFrom('pairs', 'groups', 'icebreaker', 'plenary'), { minLength: 1, maxLength: 4 });

/** A line written into a group: a chat message or a notes line, with the step it was written at. */
interface Written {
  groupId: string;
  step: number;
  token: string;
  messageId?: string;
}

let runNo = 0;

async function run(kinds: string[], ops: Op[]) {
  const { fac, admin, people } = cast;
  const run = ++runNo;
  const s = await createSession(fac.c, { title: `Join order ${run}`, template: 'blank' });
  const segments = kinds.map((kind, i) => ({ kind, title: `${kind} ${i}`, durationMinutes: 10, ...(kind === 'groups' ? { config: { groupSize: 3 } } : {}) }));
  expect((await put(fac.c, url(s.id, '/segments'), { segments })).statusCode).toBe(200);

  /** since.get(groupId).get(personId) = the first step at which a screen showed that person in that group. */
  const since = new Map<string, Map<string, number>>();
  const written: Written[] = [];
  const myGroup = new Map<string, { id: string; active: boolean } | null>();
  let facState: any = null;
  let n = 0;
  const token = () => `tok${run}q${++n}z`;
  const member = (groupId: string, personId: string, step: number) => {
    const m = since.get(groupId) ?? new Map<string, number>();
    if (!m.has(personId)) m.set(personId, step);
    since.set(groupId, m);
  };
  const mayRead = (personId: string, w: Written) => {
    const from = since.get(w.groupId)?.get(personId);
    return from !== undefined && from < w.step;
  };
  const leaked = (who: string, personId: string, text: string) =>
    written.filter((w) => text.includes(w.token) && !mayRead(personId, w)).map((w) => `${who} read ${w.token} (step ${w.step}; member since ${since.get(w.groupId)?.get(personId) ?? 'never'})`);

  async function observe(step: number) {
    facState = (await fac.c.get(url(s.id, '/state'))).json();
    for (const g of facState.groups ?? []) for (const m of g.members) member(g.id, m.id, step);
    for (const p of people) {
      const r = await p.c.get(url(s.id, '/state'));
      expect(r.statusCode).toBe(200);
      const st = r.json();
      const g = st.myGroup;
      myGroup.set(p.id, g ? { id: g.id, active: g.active } : null);
      if (g) for (const m of g.members) member(g.id, m.id, step);
      // State never carries what was written in a breakout (and so never anything from before one joined).
      expect(leaked('state', p.id, r.body)).toEqual([]);
    }
  }

  for (const [step, op] of ops.entries()) {
    const stepNo = step + 1;
    if (op.t === 'advance') {
      const cur = facState?.session?.status === 'live' ? (facState.segment?.id ?? null) : undefined;
      const r = cur === undefined ? await fac.c.post(url(s.id, '/start')) : await fac.c.post(url(s.id, '/advance'), { fromSegmentId: cur });
      expect(r.statusCode, r.body).toBeLessThan(500);
    } else if (op.t === 'join' || op.t === 'leave') {
      const r = await people[op.p].c.post(url(s.id, `/${op.t}`));
      expect(r.statusCode, r.body).toBeLessThan(300);
    } else if (op.t === 'say') {
      const p = people[op.p];
      const g = myGroup.get(p.id);
      if (g?.active) {
        const body = token();
        const r = await p.c.post(url(s.id, '/messages'), { body: `${body} says ${p.name}`, clientId: randomUUID(), groupId: g.id });
        expect(r.statusCode, r.body).toBeLessThan(500);
        if (r.statusCode === 201) written.push({ groupId: g.id, step: stepNo, token: body, messageId: r.json().id });
      }
    } else if (op.t === 'note') {
      const p = people[op.p];
      const g = myGroup.get(p.id);
      if (g) {
        const cur = await p.c.get(url(s.id, `/groups/${g.id}/notes`));
        expect(cur.statusCode).toBeLessThan(500);
        if (cur.statusCode === 200) {
          const line = token();
          const r = await put(p.c, url(s.id, `/groups/${g.id}/notes`), { body: `${cur.json().body}\n${line}`, version: cur.json().version });
          expect(r.statusCode, r.body).toBeLessThan(500);
          if (r.statusCode === 200) written.push({ groupId: g.id, step: stepNo, token: line });
        }
      }
    } else if (op.t === 'place') {
      // The facilitator places a waiting person: into a group or pair of the breakout, or with another waiting person.
      const waiting: { id: string }[] = facState?.waitingPeople ?? [];
      const who = people[op.p];
      if (waiting.some((w) => w.id === who.id)) {
        const targets = [...(facState.groups ?? []).map((g: { id: string }) => ({ groupId: g.id })), ...waiting.filter((w) => w.id !== who.id).map((w) => ({ withPersonId: w.id }))];
        if (targets.length) {
          const r = await fac.c.post(url(s.id, '/placements'), { personId: who.id, ...targets[op.to % targets.length] });
          expect(r.statusCode, r.body).toBeLessThan(500);
        }
      }
    }
    await observe(stepNo);
  }

  // Every reader, every group, every route.
  const groups = new Set<string>([...since.keys(), ...written.map((w) => w.groupId)]);
  const first = new Map<string, string>();
  for (const w of written) if (w.messageId && !first.has(w.groupId)) first.set(w.groupId, w.messageId);
  const readers: { id: string; c: Client; name: string }[] = [...people, fac, admin];
  const problems: string[] = [];
  for (const r of readers) {
    for (const g of groups) {
      const routes = [`/messages?groupId=${g}`, `/groups/${g}/notes`, ...(first.has(g) ? [`/messages?groupId=${g}&after=${first.get(g)}`] : [])];
      for (const route of routes) {
        const res = await r.c.get(url(s.id, route));
        expect(res.statusCode, res.body).toBeLessThan(500);
        if (res.statusCode === 200) problems.push(...leaked(`${r.name} via ${route}`, r.id, res.body));
      }
      const actor = { personId: r.id, orgId: cast.org.id, roles: [], isAdmin: r === admin, csrfToken: '', sessionHash: '' };
      if (await t.deps.hub.canSubscribe(actor, `live-group:${g}`)) {
        if (!since.get(g)?.has(r.id)) problems.push(`${r.name} may follow live-group:${g} without being a member`);
      }
    }
    for (const route of ['/state', '/debriefs', '/messages']) {
      const res = await r.c.get(url(s.id, route));
      if (res.statusCode === 200) problems.push(...leaked(`${r.name} via ${route}`, r.id, res.body));
    }
  }
  for (const route of ['/export.csv', '/analytics']) {
    const res = await fac.c.get(url(s.id, route));
    expect(res.statusCode).toBe(200);
    problems.push(...leaked(`facilitator via ${route}`, fac.id, res.body));
  }
  expect(problems).toEqual([]);
  await fac.c.post(url(s.id, '/end'));
}

describe('breakout confidentiality over join orders', () => {
  it('nobody reads a group or pair line written before they were in it, on any route, whatever the order of joins, leaves, rejoins, advances and placements', async () => {
    await fc.assert(
      fc.asyncProperty(agendaArb, fc.array(opArb, { minLength: 4, maxLength: 24 }), (kinds, ops) => run(kinds, ops)),
      { numRuns: Number(process.env.LIVE_JOIN_ORDER_RUNS ?? 40), endOnFailure: true },
    );
  }, 600_000);
});
