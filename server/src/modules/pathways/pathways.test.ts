import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resources } from '../../../db/schema/index.ts';
import { createTestApp, type TestApp } from '../../../test/harness.ts';

let t: TestApp;
type Client = Awaited<ReturnType<TestApp['signIn']>>;
const p: Record<string, { id: string; email: string }> = {};
const c: Record<string, Client> = {};
let orgId: string;
let openCom: { id: string };
let secretCom: { id: string };
let openResource: string;
let secretResource: string;
let thread: { id: string };

beforeAll(async () => {
  t = await createTestApp({ POSTS_PER_MINUTE: '1000' });
  const org = await t.buildOrg('Acme');
  orgId = org.id;
  const other = await t.buildOrg('Globex');
  p.author = await t.buildPerson(org.id, { name: 'Ari Author' });
  p.peer = await t.buildPerson(org.id, { name: 'Pia Peer' });
  p.shy = await t.buildPerson(org.id, { name: 'Sid Shy' });
  p.admin = await t.buildPerson(org.id, { name: 'Ada Admin', roles: ['admin'] });
  p.outsider = await t.buildPerson(other.id, { name: 'Olga Outsider' });
  for (const k of Object.keys(p)) c[k] = await t.signIn(p[k].email);
  openCom = (await c.author.post('/api/communities', { name: 'Open circle' })).json();
  secretCom = (await c.admin.post('/api/communities', { name: 'Hidden', visibility: 'secret' })).json();
  const [r1] = await t.db.insert(resources).values({ orgId, communityId: openCom.id, authorId: p.author.id, type: 'podcast', title: 'Feedback podcast', url: 'https://example.com/p' }).returning();
  const [r2] = await t.db.insert(resources).values({ orgId, communityId: secretCom.id, authorId: p.admin.id, type: 'article', title: 'Secret memo', url: 'https://example.com/s' }).returning();
  openResource = r1.id;
  secretResource = r2.id;
  thread = (await c.author.post(`/api/communities/${openCom.id}/threads`, { title: 'Discuss chapter 1', body: 'What stuck?' })).json();
});
afterAll(() => t.close());

const steps = () => [
  { kind: 'resource', title: 'Listen to the podcast', resourceId: openResource },
  { kind: 'discussion', title: 'Share one takeaway', threadId: thread.id },
  { kind: 'task', title: 'Give feedback to a colleague', dueDate: '2027-01-15', instructions: 'Use SBI.' },
];

describe('creating and publishing pathways', () => {
  it('creates a draft only its author sees, then publishes it for everyone', async () => {
    const res = await c.author.post('/api/pathways', { title: 'Better feedback in 3 steps', communityId: openCom.id, steps: steps() });
    expect(res.statusCode, res.body).toBe(201);
    const draft = res.json();
    expect(draft).toMatchObject({ status: 'draft', stepCount: 3, abilities: { canPublish: true, canEnroll: false } });
    expect(draft.steps.map((s: { kind: string; position: number }) => [s.kind, s.position])).toEqual([['resource', 1], ['discussion', 2], ['task', 3]]);
    expect(draft.steps[0].resource).toMatchObject({ title: 'Feedback podcast', type: 'podcast' });
    expect(draft.steps[1].thread).toMatchObject({ title: 'Discuss chapter 1' });
    expect(draft.steps[2].dueDate).toBe('2027-01-15');
    expect((await c.peer.get(`/api/pathways/${draft.id}`)).statusCode).toBe(404);
    expect((await c.peer.send({ method: 'PUT', url: `/api/pathways/${draft.id}/enrollment`, payload: { enrolled: true } })).statusCode).toBe(404);
    expect((await c.peer.patch(`/api/pathways/${draft.id}`, { status: 'published' })).statusCode).toBe(404);
    const pub = await c.author.patch(`/api/pathways/${draft.id}`, { status: 'published' });
    expect(pub.json().status).toBe('published');
    expect((await c.peer.get(`/api/pathways/${draft.id}`)).statusCode).toBe(200);
    const events = (await t.db.execute(sql`select payload from domain_events where type = 'pathways.published'`)) as unknown as { rows: { payload: { pathwayId: string; title: string } }[] };
    expect(events.rows.map((r) => r.payload)).toContainEqual(expect.objectContaining({ pathwayId: draft.id, title: 'Better feedback in 3 steps' }));
  });

  it('refuses steps pointing at things the author cannot see, naming the step field, and writes nothing', async () => {
    const before = ((await t.db.execute(sql`select count(*)::int as n from pathways`)) as unknown as { rows: { n: number }[] }).rows[0].n;
    const res = await c.peer.post('/api/pathways', { title: 'Sneaky', steps: [{ kind: 'resource', title: 'x', resourceId: secretResource }] });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('steps.0.resourceId');
    const missing = await c.peer.post('/api/pathways', { title: 'Missing', steps: [{ kind: 'discussion', title: 'x' }] });
    expect(missing.statusCode).toBe(400);
    expect(JSON.stringify(missing.json().errors)).toContain('threadId');
    // Days that do not exist, the 29th of February of common years among them, are refused at the contract.
    for (const dueDate of ['2027-13-45', '2027-02-29', '2027-02-30', '2027-04-31', '2100-02-29', '2027-00-10', '2027-06-00']) {
      const badDate = await c.peer.post('/api/pathways', { title: 'Date', steps: [{ kind: 'task', title: 'x', dueDate }] });
      expect(badDate.statusCode, dueDate).toBe(400);
      expect(badDate.json().errors[0].field, dueDate).toBe('steps.0.dueDate');
    }
    const after = ((await t.db.execute(sql`select count(*)::int as n from pathways`)) as unknown as { rows: { n: number }[] }).rows[0].n;
    expect(after).toBe(before);
  });

  it('keeps every due date exactly, month ends, year ends and leap days included', async () => {
    const edges = ['2027-01-31', '2027-02-28', '2028-02-29', '2000-02-29', '2026-12-31', '2027-01-01', '2027-03-28', '2027-10-31'];
    const day = fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(fc.constantFrom(...edges), day), { minLength: 1, maxLength: 5 }), async (dates) => {
        const res = await c.author.post('/api/pathways', { title: 'Dated tasks', steps: dates.map((dueDate, i) => ({ kind: 'task', title: `Task ${i}`, dueDate })) });
        expect(res.statusCode, res.body).toBe(201);
        expect(res.json().steps.map((s: { dueDate: string }) => s.dueDate)).toEqual(dates);
        expect((await c.author.get(`/api/pathways/${res.json().id}`)).json().steps.map((s: { dueDate: string }) => s.dueDate)).toEqual(dates);
      }),
      { numRuns: 15 },
    );
  });

  it('keeps pathways of a secret community and of other organizations out of sight', async () => {
    const hidden = (await c.admin.post('/api/pathways', { title: 'Hidden path', communityId: secretCom.id, steps: [{ kind: 'resource', title: 'Read', resourceId: secretResource }] })).json();
    await c.admin.patch(`/api/pathways/${hidden.id}`, { status: 'published' });
    expect((await c.peer.get(`/api/pathways/${hidden.id}`)).statusCode).toBe(404);
    expect((await c.outsider.get(`/api/pathways/${hidden.id}`)).statusCode).toBe(404);
    const titles = async (cl: Client) => (await cl.get('/api/pathways?limit=100')).json().items.map((x: { title: string }) => x.title);
    expect(await titles(c.peer)).not.toContain('Hidden path');
    expect(await titles(c.admin)).toContain('Hidden path');
    expect(await titles(c.outsider)).toEqual([]);
    expect((await c.peer.post('/api/pathways', { title: 'x', communityId: secretCom.id })).statusCode).toBe(404);
  });
});

describe('enrolment and progress', () => {
  let id: string;
  let stepIds: string[];
  beforeAll(async () => {
    const created = (await c.author.post('/api/pathways', { title: 'Progress path', steps: steps() })).json();
    id = created.id;
    stepIds = created.steps.map((s: { id: string }) => s.id);
    await c.author.patch(`/api/pathways/${id}`, { status: 'published' });
  });

  it('tracks steps per person, completes on the last step, and shows peers’ progress unless hidden', async () => {
    expect((await c.peer.send({ method: 'PUT', url: `/api/pathways/${id}/steps/${stepIds[0]}/done`, payload: { done: true } })).statusCode).toBe(409);
    const enrolled = await c.peer.send({ method: 'PUT', url: `/api/pathways/${id}/enrollment`, payload: { enrolled: true } });
    expect(enrolled.json()).toMatchObject({ enrolledCount: 1, myProgress: { done: 0, total: 3, completedAt: null } });
    await c.shy.send({ method: 'PUT', url: `/api/pathways/${id}/enrollment`, payload: { enrolled: true, hideProgress: true } });
    await c.shy.send({ method: 'PUT', url: `/api/pathways/${id}/steps/${stepIds[0]}/done`, payload: { done: true } });
    for (const s of stepIds.slice(0, 2)) await c.peer.send({ method: 'PUT', url: `/api/pathways/${id}/steps/${s}/done`, payload: { done: true } });
    const last = await c.peer.send({ method: 'PUT', url: `/api/pathways/${id}/steps/${stepIds[2]}/done`, payload: { done: true } });
    expect(last.json().myProgress.done).toBe(3);
    expect(last.json().myProgress.completedAt).not.toBeNull();
    expect(last.json().steps.every((s: { isDone: boolean }) => s.isDone)).toBe(true);
    const seenByAuthor = (await c.author.get(`/api/pathways/${id}/progress`)).json();
    expect(seenByAuthor.hiddenCount).toBe(1);
    expect(seenByAuthor.items.find((i: { id: string }) => i.id === p.peer.id)).toMatchObject({ done: 3, total: 3 });
    expect(seenByAuthor.items.find((i: { id: string }) => i.id === p.shy.id)).toMatchObject({ done: null, completedAt: null });
    const seenByShy = (await c.shy.get(`/api/pathways/${id}/progress`)).json();
    expect(seenByShy.items.find((i: { id: string }) => i.id === p.shy.id).done).toBe(1);
    const undone = await c.peer.send({ method: 'PUT', url: `/api/pathways/${id}/steps/${stepIds[2]}/done`, payload: { done: false } });
    expect(undone.json().myProgress).toMatchObject({ done: 2, completedAt: null });
  });

  it('keeps progress on kept steps when the author edits the list, and leaving removes it', async () => {
    const current = (await c.author.get(`/api/pathways/${id}`)).json();
    const kept = current.steps.slice(0, 1).map((s: { id: string; kind: string; title: string; resource: { id: string } }) => ({ id: s.id, kind: s.kind, title: s.title, resourceId: s.resource.id }));
    const edited = await c.author.patch(`/api/pathways/${id}`, { steps: [...kept, { kind: 'task', title: 'New task' }] });
    expect(edited.statusCode, edited.body).toBe(200);
    const mine = (await c.peer.get(`/api/pathways/${id}`)).json();
    expect(mine.myProgress).toMatchObject({ done: 1, total: 2 });
    expect((await c.peer.patch(`/api/pathways/${id}`, { title: 'Hijack' })).statusCode).toBe(403);
    const foreign = await c.author.patch(`/api/pathways/${id}`, { steps: [{ id: '00000000-0000-4000-8000-000000000000', kind: 'task', title: 'x' }] });
    expect(foreign.statusCode).toBe(400);
    expect((await c.author.get(`/api/pathways/${id}`)).json().stepCount).toBe(2);
    const left = await c.peer.send({ method: 'PUT', url: `/api/pathways/${id}/enrollment`, payload: { enrolled: false } });
    expect(left.json().myProgress).toBeNull();
    expect(left.json().enrolledCount).toBe(1);
  });

  it('lets org admins feature organization pathways, lists featured first, and refuses members', async () => {
    expect((await c.peer.send({ method: 'PUT', url: `/api/pathways/${id}/featured`, payload: { isFeatured: true } })).statusCode).toBe(403);
    expect((await c.admin.send({ method: 'PUT', url: `/api/pathways/${id}/featured`, payload: { isFeatured: true } })).json().isFeatured).toBe(true);
    const list = (await c.peer.get('/api/pathways')).json().items;
    expect(list[0].id).toBe(id);
    const featured = (await c.peer.get('/api/pathways?filter=featured')).json().items.map((x: { id: string }) => x.id);
    expect(featured).toEqual([id]);
    const enrolled = (await c.shy.get('/api/pathways?filter=enrolled')).json().items.map((x: { id: string }) => x.id);
    expect(enrolled).toEqual([id]);
  });

  it('pages with a cursor without repeats', async () => {
    for (let i = 0; i < 5; i++) {
      const x = (await c.author.post('/api/pathways', { title: `Bulk ${i}` })).json();
      await c.author.patch(`/api/pathways/${x.id}`, { status: 'published' });
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await c.peer.get(`/api/pathways?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...res.json().items.map((x: { id: string }) => x.id));
      cursor = res.json().nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBeGreaterThanOrEqual(7);
  });
});
