import { sql } from 'drizzle-orm';
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
  p.maya = await t.buildPerson(org.id, { name: 'Maya Manager' });
  p.olu = await t.buildPerson(org.id, { name: 'Olu Owner', managerId: p.maya.id });
  p.pia = await t.buildPerson(org.id, { name: 'Pia Peer' });
  p.xan = await t.buildPerson(org.id, { name: 'Xan Outsider' });
  p.fac = await t.buildPerson(org.id, { name: 'Fay Facilitator', roles: ['facilitator'] });
  const other = await t.buildOrg('Globex');
  p.far = await t.buildPerson(other.id, { name: 'Far Foreign' });
  for (const k of Object.keys(p)) c[k] = await t.signIn(p[k].email);
  // Olu names Pia as the peer on one item of a plan (written through SQL: the action-plans routes have their own tests).
  await t.db.execute(sql`with plan as (insert into action_plans (org_id, person_id, title) values (${org.id}, ${p.olu.id}, 'Apply') returning id),
    item as (insert into action_plan_items (org_id, plan_id, title) select ${org.id}, id, 'Try it' from plan returning id)
    insert into action_item_peers (item_id, person_id, org_id) select id, ${p.pia.id}, ${org.id} from item`);
});
afterAll(() => t.close());

const put = (who: string, url: string) => c[who].send({ method: 'PUT', url });
const del = (who: string, url: string) => c[who].send({ method: 'DELETE', url });
const write = async (who: string, body: string) => {
  const r = await c[who].post('/api/journal', { body });
  expect(r.statusCode, r.body).toBe(201);
  return r.json().id as string;
};

describe('journal entries', () => {
  it('are private by default, editable and deletable by their author only', async () => {
    const id = await write('olu', 'First thoughts');
    const own = (await c.olu.get(`/api/journal/${id}`)).json();
    expect(own).toMatchObject({ body: 'First thoughts', mine: true, sharedWith: [], author: { id: p.olu.id } });
    for (const k of ['maya', 'pia', 'xan', 'far']) {
      expect((await c[k].get(`/api/journal/${id}`)).statusCode).toBe(404);
      expect((await c[k].patch(`/api/journal/${id}`, { body: 'mine now' })).statusCode).toBe(404);
      expect((await del(k, `/api/journal/${id}`)).statusCode).toBe(404);
    }
    expect((await c.olu.patch(`/api/journal/${id}`, { body: 'Second thoughts' })).json().body).toBe('Second thoughts');
    expect((await c.olu.get('/api/journal')).json().items.map((e: { id: string }) => e.id)).toContain(id);
    expect((await del('olu', `/api/journal/${id}`)).statusCode).toBe(204);
    expect((await c.olu.get(`/api/journal/${id}`)).statusCode).toBe(404);
  });

  it('lists the manager and named peers as the only share targets; anyone else is 404 with the reason', async () => {
    const targets = (await c.olu.get('/api/journal/share-targets')).json();
    expect(targets.manager).toMatchObject({ id: p.maya.id });
    expect(targets.peers.map((x: { id: string }) => x.id)).toEqual([p.pia.id]);
    const id = await write('olu', 'Only for some');
    for (const k of ['xan', 'far', 'olu', 'fac']) {
      const r = await put('olu', `/api/journal/${id}/shares/${p[k].id}`);
      expect(r.statusCode).toBe(404);
      expect(r.json()).toMatchObject({ code: 'SHARE_NOT_ALLOWED' });
      expect(r.json().detail).toMatch(/only with your manager/);
    }
    // A viewer never reshares, and Maya (who has no manager or peers) cannot share Olu's entry either.
    expect((await put('olu', `/api/journal/${id}/shares/${p.maya.id}`)).statusCode).toBe(200);
    expect((await put('maya', `/api/journal/${id}/shares/${p.pia.id}`)).statusCode).toBe(404);
    expect((await del('maya', `/api/journal/${id}/shares/${p.maya.id}`)).statusCode).toBe(404);
    expect((await c.maya.get(`/api/journal/${id}`)).json()).toMatchObject({ mine: false, sharedWith: [] });
  });

  it('property: a viewer reads an entry iff it is currently shared with them, on every route', async () => {
    const entries = [await write('olu', 'Entry A'), await write('olu', 'Entry B')];
    const viewers = ['maya', 'pia', 'xan', 'far'] as const;
    const allowed = new Set(['maya', 'pia']);
    const op = fc.record({ share: fc.boolean(), entry: fc.integer({ min: 0, max: 1 }), viewer: fc.constantFrom(...viewers) });
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 6 }), async (ops) => {
        for (const e of entries) for (const v of viewers) await del('olu', `/api/journal/${e}/shares/${p[v].id}`);
        const model = new Set<string>();
        for (const o of ops) {
          const url = `/api/journal/${entries[o.entry]}/shares/${p[o.viewer].id}`;
          const r = o.share ? await put('olu', url) : await del('olu', url);
          if (o.share && !allowed.has(o.viewer)) {
            expect(r.statusCode).toBe(404);
            continue;
          }
          expect(r.statusCode, r.body).toBe(200);
          if (o.share) model.add(`${o.entry}:${o.viewer}`);
          else model.delete(`${o.entry}:${o.viewer}`);
          for (const v of viewers) {
            const list = (await c[v].get('/api/journal/shared-with-me')).json().items.map((x: { id: string }) => x.id).filter((x: string) => entries.includes(x));
            const expected = entries.filter((_, i) => model.has(`${i}:${v}`));
            expect(list.sort()).toEqual([...expected].sort());
            for (const [i, e] of entries.entries()) {
              const g = await c[v].get(`/api/journal/${e}`);
              expect(g.statusCode).toBe(model.has(`${i}:${v}`) ? 200 : 404);
            }
            expect((await c[v].get('/api/journal')).json().items.filter((x: { id: string }) => entries.includes(x.id))).toEqual([]);
          }
          const own = (await c.olu.get('/api/journal')).json().items;
          for (const [i, e] of entries.entries()) {
            const shared = own.find((x: { id: string }) => x.id === e).sharedWith.map((x: { id: string }) => x.id).sort();
            expect(shared).toEqual(viewers.filter((v) => model.has(`${i}:${v}`)).map((v) => p[v].id).sort());
          }
        }
      }),
      { numRuns: 12 },
    );
  });

  it('concurrent shares and revokes of one entry settle on a consistent state', async () => {
    const id = await write('olu', 'Raced');
    const rs = await Promise.all([put('olu', `/api/journal/${id}/shares/${p.maya.id}`), put('olu', `/api/journal/${id}/shares/${p.maya.id}`), put('olu', `/api/journal/${id}/shares/${p.pia.id}`)]);
    expect(rs.map((r) => r.statusCode)).toEqual([200, 200, 200]);
    expect((await c.olu.get(`/api/journal/${id}`)).json().sharedWith.map((x: { id: string }) => x.id).sort()).toEqual([p.maya.id, p.pia.id].sort());
    await Promise.all([del('olu', `/api/journal/${id}/shares/${p.maya.id}`), del('olu', `/api/journal/${id}/shares/${p.maya.id}`)]);
    expect((await c.maya.get(`/api/journal/${id}`)).statusCode).toBe(404);
    expect((await c.pia.get(`/api/journal/${id}`)).statusCode).toBe(200);
  });
});

describe('program prompts', () => {
  it('facilitators set them, people who see the program read them, others get 404', async () => {
    const prog = await c.fac.post('/api/programs', { title: 'Lead well', description: 'A program' });
    expect(prog.statusCode, prog.body).toBe(201);
    const id = prog.json().id;
    expect((await c.olu.get(`/api/programs/${id}/journal-prompts`)).statusCode).toBe(404);
    expect((await c.fac.patch(`/api/programs/${id}`, { status: 'open' })).statusCode).toBe(200);
    expect((await c.olu.send({ method: 'PUT', url: `/api/programs/${id}/journal-prompts`, payload: { prompts: ['x'] } })).statusCode).toBe(403);
    const set = await c.fac.send({ method: 'PUT', url: `/api/programs/${id}/journal-prompts`, payload: { prompts: ['How will you use this next week?'] } });
    expect(set.statusCode, set.body).toBe(200);
    expect((await c.olu.get(`/api/programs/${id}/journal-prompts`)).json().prompts).toEqual(['How will you use this next week?']);
    expect((await c.far.get(`/api/programs/${id}/journal-prompts`)).statusCode).toBe(404);
    const e = await c.olu.post('/api/journal', { body: 'I will try it on Monday', programId: id, prompt: 'How will you use this next week?' });
    expect(e.json()).toMatchObject({ programId: id, prompt: 'How will you use this next week?' });
    expect((await c.far.post('/api/journal', { body: 'x', programId: id })).statusCode).toBe(404);
  });
});

describe('live session reflections', () => {
  it('save into the participant’s journal on the server, one private entry per session; non-participants get 404', async () => {
    const s = await c.fac.post('/api/live-sessions', { title: 'Live', startsAt: new Date(Date.now() + 86_400_000).toISOString() });
    expect(s.statusCode, s.body).toBe(201);
    const id = s.json().id;
    expect((await c.olu.post(`/api/live-sessions/${id}/join`)).statusCode).toBe(200);
    const first = await c.olu.post(`/api/live-sessions/${id}/reflection`, { body: 'One insight' });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ liveSessionId: id, body: 'One insight', prompt: 'Write down one insight for yourself.', sharedWith: [] });
    const again = await c.olu.post(`/api/live-sessions/${id}/reflection`, { body: 'A better insight' });
    expect(again.json()).toMatchObject({ id: first.json().id, body: 'A better insight' });
    expect((await c.olu.get('/api/journal')).json().items.filter((e: { liveSessionId: string | null }) => e.liveSessionId === id)).toHaveLength(1);
    for (const k of ['xan', 'far']) expect((await c[k].post(`/api/live-sessions/${id}/reflection`, { body: 'x' })).statusCode).toBe(404);
    expect((await c.maya.get(`/api/journal/${first.json().id}`)).statusCode).toBe(404);
  });
});
