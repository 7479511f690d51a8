import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.ts';

let t: TestApp;
type Client = Awaited<ReturnType<TestApp['signIn']>>;
const p: Record<string, { id: string; email: string }> = {};
const c: Record<string, Client> = {};

beforeAll(async () => {
  t = await createTestApp();
  const org = await t.buildOrg('Acme');
  for (const [k, name] of [['olu', 'Olu Owner'], ['ada', 'Ada Peer'], ['bo', 'Bo Peer'], ['xan', 'Xan Outsider']] as const) p[k] = await t.buildPerson(org.id, { name });
  p.fac = await t.buildPerson(org.id, { name: 'Fay Facilitator', roles: ['facilitator'] });
  p.gone = await t.buildPerson(org.id, { name: 'Gus Gone', status: 'deactivated' });
  const other = await t.buildOrg('Globex');
  p.far = await t.buildPerson(other.id, { name: 'Far Foreign' });
  for (const k of ['olu', 'ada', 'bo', 'xan', 'fac', 'far']) c[k] = await t.signIn(p[k].email);
});
afterAll(() => t.close());

const put = (who: string, url: string, payload: unknown) => c[who].send({ method: 'PUT', url, payload: payload as never });
const del = (who: string, url: string) => c[who].send({ method: 'DELETE', url });
const newPlan = async (title = 'Apply what I learned') => {
  const r = await c.olu.post('/api/action-plans', { title });
  expect(r.statusCode, r.body).toBe(201);
  return r.json().id as string;
};
const addItem = async (planId: string, body: Record<string, unknown>) => {
  const r = await c.olu.post(`/api/action-plans/${planId}/items`, body);
  expect(r.statusCode, r.body).toBe(201);
  return r.json();
};

describe('action plans', () => {
  it('keeps items with due dates, status and evidence; only the owner changes them', async () => {
    const plan = await newPlan();
    const item = await addItem(plan, { title: 'Run a retro', dueOn: '2027-01-15' });
    expect(item).toMatchObject({ status: 'todo', dueOn: '2027-01-15', mine: true, planTitle: 'Apply what I learned', peers: [] });
    const done = await c.olu.patch(`/api/action-items/${item.id}`, { status: 'done', evidenceUrl: 'https://wiki.example/retro', evidenceNote: 'Team liked it' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'done', evidenceUrl: 'https://wiki.example/retro', evidenceNote: 'Team liked it' });
    expect((await c.olu.patch(`/api/action-items/${item.id}`, { evidenceUrl: 'javascript:alert(1)' })).statusCode).toBe(400);
    expect((await c.olu.patch(`/api/action-items/${item.id}`, { status: 'finished' })).statusCode).toBe(400);
    expect((await c.olu.get('/api/action-plans')).json().items.find((x: { id: string }) => x.id === plan)).toMatchObject({ itemCount: 1, doneCount: 1 });
    for (const k of ['xan', 'far']) {
      expect((await c[k].get(`/api/action-plans/${plan}`)).statusCode).toBe(404);
      expect((await c[k].patch(`/api/action-items/${item.id}`, { status: 'todo' })).statusCode).toBe(404);
      expect((await c[k].post(`/api/action-plans/${plan}/items`, { title: 'Mine now' })).statusCode).toBe(404);
      expect((await del(k, `/api/action-plans/${plan}`)).statusCode).toBe(404);
    }
    expect((await del('olu', `/api/action-items/${item.id}`)).statusCode).toBe(204);
    expect((await del('olu', `/api/action-plans/${plan}`)).statusCode).toBe(204);
    expect((await c.olu.get(`/api/action-plans/${plan}`)).statusCode).toBe(404);
  });

  it('names only other active colleagues of the same organization as peers (404 PEER_NOT_ALLOWED with the reason)', async () => {
    const plan = await newPlan();
    for (const k of ['far', 'gone', 'olu']) {
      const r = await c.olu.post(`/api/action-plans/${plan}/items`, { title: 'x', peerIds: [p[k].id] });
      expect(r.statusCode).toBe(404);
      expect(r.json().code).toBe('PEER_NOT_ALLOWED');
      expect(r.json().detail).toMatch(/peer/);
    }
    expect((await c.olu.get(`/api/action-plans/${plan}`)).json().items).toEqual([]);
  });

  it('property: a person sees and comments on an item iff they own it or are named on it, and never the plan', async () => {
    const plan = await newPlan('Peers property');
    const items = [await addItem(plan, { title: 'One' }), await addItem(plan, { title: 'Two' }), await addItem(plan, { title: 'Three' })].map((x) => x.id as string);
    const viewers = ['ada', 'bo', 'xan', 'far'] as const;
    const colleagues = ['ada', 'bo', 'xan'] as const;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.subarray([...colleagues]), { minLength: 3, maxLength: 3 }), async (sets) => {
        for (const [i, id] of items.entries()) {
          const r = await put('olu', `/api/action-items/${id}/peers`, { personIds: sets[i].map((k) => p[k].id) });
          expect(r.statusCode, r.body).toBe(200);
        }
        for (const v of viewers) {
          const helping = (await c[v].get('/api/action-items/helping')).json().items.map((x: { id: string }) => x.id).filter((x: string) => items.includes(x));
          expect(helping.sort()).toEqual(items.filter((_, i) => (sets[i] as string[]).includes(v)).sort());
          expect((await c[v].get(`/api/action-plans/${plan}`)).statusCode).toBe(404);
          for (const [i, id] of items.entries()) {
            const sees = (sets[i] as string[]).includes(v);
            const g = await c[v].get(`/api/action-items/${id}`);
            expect(g.statusCode).toBe(sees ? 200 : 404);
            if (sees) expect(g.json()).toMatchObject({ planTitle: null, mine: false, owner: { id: p.olu.id } });
            expect((await c[v].get(`/api/action-items/${id}/comments`)).statusCode).toBe(sees ? 200 : 404);
            expect((await c[v].post(`/api/action-items/${id}/comments`, { body: 'Happy to help' })).statusCode).toBe(sees ? 201 : 404);
            // Peers comment but never change the item.
            expect((await c[v].patch(`/api/action-items/${id}`, { status: 'doing' })).statusCode).toBe(404);
            expect((await put(v, `/api/action-items/${id}/peers`, { personIds: [] })).statusCode).toBe(404);
          }
        }
      }),
      { numRuns: 10 },
    );
  });

  it('concurrent peer changes leave one consistent set', async () => {
    const plan = await newPlan('Race');
    const { id } = await addItem(plan, { title: 'Raced' });
    const sets = [[p.ada.id], [p.bo.id], [p.ada.id, p.xan.id]];
    const rs = await Promise.all(sets.map((s) => put('olu', `/api/action-items/${id}/peers`, { personIds: s })));
    expect(rs.map((r) => r.statusCode)).toEqual([200, 200, 200]);
    const final = (await c.olu.get(`/api/action-items/${id}`)).json().peers.map((x: { id: string }) => x.id).sort();
    expect(sets.map((s) => [...s].sort())).toContainEqual(final);
    for (const k of ['ada', 'bo', 'xan']) expect((await c[k].get(`/api/action-items/${id}`)).statusCode).toBe(final.includes(p[k].id) ? 200 : 404);
  });
});

describe('program templates', () => {
  it('facilitators set items; a member starts a plan from them with due dates counted from today', async () => {
    const prog = await c.fac.post('/api/programs', { title: 'Coach well' });
    const id = prog.json().id;
    expect((await c.fac.patch(`/api/programs/${id}`, { status: 'open' })).statusCode).toBe(200);
    const template = { items: [{ title: 'Hold one coaching talk', dueAfterDays: 14 }, { title: 'Write what you learned', dueAfterDays: null }] };
    expect((await put('olu', `/api/programs/${id}/plan-template`, template)).statusCode).toBe(403);
    expect((await put('far', `/api/programs/${id}/plan-template`, template)).statusCode).toBe(404);
    expect((await put('fac', `/api/programs/${id}/plan-template`, template)).json()).toEqual(template);
    const before = Date.now();
    const plan = await c.olu.post('/api/action-plans', { title: 'My coaching plan', programId: id, fromTemplate: true });
    expect(plan.statusCode, plan.body).toBe(201);
    const items = plan.json().items;
    expect(items.map((x: { title: string }) => x.title)).toEqual(['Hold one coaching talk', 'Write what you learned']);
    const due = [before, Date.now()].map((ms) => new Date(ms + 14 * 86_400_000).toISOString().slice(0, 10));
    expect(due).toContain(items[0].dueOn);
    expect(items[1].dueOn).toBeNull();
    expect((await c.far.post('/api/action-plans', { title: 'x', programId: id })).statusCode).toBe(404);
  });
});
