import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { selectRow } from '../../kernel/db/rows.ts';

// Engagement figures: who may read which scope (404 otherwise), what the figures count, and that a manager's team
// under 5 people, or a figure of fewer than 5 of its people, is never shown however the range is chosen.

let t: TestApp;
type Client = Awaited<ReturnType<TestApp['signIn']>>;
const c: Record<string, Client> = {};
const id: Record<string, string> = {};
let orgId: string;
let guild: string;
let secret: string;
let program: string;
const HOUR = 3_600_000;
const today = () => new Date().toISOString().slice(0, 10);

async function person(name: string, over: Parameters<TestApp['buildPerson']>[1] = {}, signIn = true) {
  const p = await t.buildPerson(orgId, { name, ...over });
  id[name] = p.id;
  if (signIn) c[name] = await t.signIn(p.email);
  return p;
}

async function community(name: string, visibility: string, members: [string, string][]) {
  const row = await selectRow<{ id: string }>(
    t.db,
    sql`insert into communities (org_id, slug, name, kind, visibility, rules, rules_html) values (${orgId}, ${name.toLowerCase()}, ${name}, 'practice', ${visibility}, '', '') returning id`,
  );
  for (const [who, role] of members) await t.db.execute(sql`insert into community_members (community_id, person_id, org_id, role, status) values (${row?.id}, ${id[who]}, ${orgId}, ${role}, 'active')`);
  return row?.id as string;
}

async function thread(communityId: string, author: string, at: Date, kind = 'question', title = 'A question') {
  const row = await selectRow<{ id: string }>(
    t.db,
    sql`insert into threads (org_id, community_id, author_id, kind, title, created_at) values (${orgId}, ${communityId}, ${id[author]}, ${kind}, ${title}, ${at.toISOString()}) returning id`,
  );
  await post(row?.id as string, communityId, author, at, true);
  return row?.id as string;
}

async function post(threadId: string, communityId: string, author: string, at: Date, isFirst = false) {
  await t.db.execute(
    sql`insert into posts (org_id, thread_id, community_id, author_id, body, html, is_first, created_at) values (${orgId}, ${threadId}, ${communityId}, ${id[author]}, 'b', '<p>b</p>', ${isFirst}, ${at.toISOString()})`,
  );
}

beforeAll(async () => {
  t = await createTestApp({ SIGNIN_PER_IP_PER_MINUTE: '1000' });
  orgId = (await t.buildOrg('Acme')).id;
  await person('ann', { roles: ['admin'], department: 'Sales' });
  await person('ana', { roles: ['analyst'], department: 'Sales' });
  await person('mo', { department: 'Engineering' });
  for (const r of ['r1', 'r2']) await person(r, { managerId: id.mo, department: 'Engineering' });
  for (const r of ['r3', 'r4', 'r5']) await person(r, { managerId: id.r1, department: 'Engineering' });
  await person('sm', { department: 'Design' });
  for (const r of ['s1', 's2']) await person(r, { managerId: id.sm, department: 'Design' });
  await person('mod');
  await person('fac', { roles: ['facilitator'] });
  await person('zed');
  guild = await community('Guild', 'open', [['mod', 'moderator'], ['zed', 'member'], ['r1', 'member']]);
  secret = await community('Hidden', 'private', [['zed', 'owner']]);
  const p = await selectRow<{ id: string }>(t.db, sql`insert into programs (org_id, title, status) values (${orgId}, 'Leaders', 'running') returning id`);
  program = p?.id as string;
  await t.db.execute(sql`insert into program_facilitators (program_id, person_id, org_id) values (${program}, ${id.fac}, ${orgId})`);
  const other = await t.buildOrg('Globex');
  const admin = await t.buildPerson(other.id, { roles: ['admin'] });
  c.otherAdmin = await t.signIn(admin.email);
});
afterAll(() => t.close());

const SECTIONS = ['activity', 'questions', 'popular', 'funnels', 'live'];
const url = (section: string, q: Record<string, string>) => `/api/analytics/${section}?${new URLSearchParams(q)}`;

describe('who sees which scope', () => {
  it('answers each viewer the scopes they may see, on every figure route, and 404 for the rest (other tenants included)', async () => {
    const cases: [string, Record<string, string>, number][] = [
      ['ann', { scope: 'organization' }, 200],
      ['ana', { scope: 'organization' }, 200],
      ['mo', { scope: 'organization' }, 404],
      ['zed', { scope: 'organization' }, 404],
      ['otherAdmin', { scope: 'community', id: guild }, 404],
      ['ann', { scope: 'department', id: 'Engineering' }, 200],
      ['ann', { scope: 'department', id: 'Nowhere' }, 404],
      ['mo', { scope: 'department', id: 'Engineering' }, 404],
      ['mod', { scope: 'community', id: guild }, 200],
      ['zed', { scope: 'community', id: guild }, 404],
      ['zed', { scope: 'community', id: secret }, 200],
      ['mod', { scope: 'community', id: secret }, 404],
      ['ann', { scope: 'community', id: secret }, 200],
      ['mod', { scope: 'community', id: 'not-a-uuid' }, 404],
      ['fac', { scope: 'program', id: program }, 200],
      ['zed', { scope: 'program', id: program }, 404],
      ['mo', { scope: 'team' }, 200],
      ['mo', { scope: 'team', id: id.mo }, 200],
      ['ann', { scope: 'team', id: id.mo }, 200],
      ['sm', { scope: 'team', id: id.mo }, 404],
      ['zed', { scope: 'team' }, 404],
      ['otherAdmin', { scope: 'team', id: id.mo }, 404],
    ];
    for (const [who, q, status] of cases)
      for (const section of SECTIONS) expect([who, section, q, (await c[who].get(url(section, q))).statusCode]).toEqual([who, section, q, status]);
  });

  it('decides on every call: a moderator stepped down, or an analyst whose role is taken away, gets 404 at once', async () => {
    const before = await c.mod.get(url('activity', { scope: 'community', id: guild }));
    expect(before.statusCode).toBe(200);
    await t.db.execute(sql`update community_members set role = 'member' where community_id = ${guild} and person_id = ${id.mod}`);
    for (const section of SECTIONS) expect((await c.mod.get(url(section, { scope: 'community', id: guild }))).statusCode).toBe(404);
    await t.db.execute(sql`update community_members set role = 'moderator' where community_id = ${guild} and person_id = ${id.mod}`);
    expect((await c.mod.get(url('activity', { scope: 'community', id: guild }))).statusCode).toBe(200);
    const revoke = await c.ann.patch(`/api/people/${id.ana}`, { roles: [] });
    expect(revoke.statusCode).toBe(200);
    for (const section of SECTIONS) expect((await c.ana.get(url(section, { scope: 'organization' }))).statusCode).toBe(404);
    expect((await c.ann.patch(`/api/people/${id.ana}`, { roles: ['analyst'] })).statusCode).toBe(200);
    expect((await c.ana.get(url('activity', { scope: 'organization' }))).statusCode).toBe(200);
  });

  it('shows a moderator nothing of a community under 5 people (anyone may start one of two), an admin all of it', async () => {
    for (const section of SECTIONS) expect((await c.zed.get(url(section, { scope: 'community', id: secret }))).json()).toMatchObject({ people: 1, withheld: true });
    expect((await c.mod.get(url('activity', { scope: 'community', id: guild }))).json()).toMatchObject({ people: 3, withheld: true, daily: [] });
    expect((await c.ann.get(url('activity', { scope: 'community', id: guild }))).json()).toMatchObject({ people: 3, withheld: false });
  });

  it('never names a secret community to an analyst who is not in it; its admins and members still see it', async () => {
    const hiddenBoard = await community('Hidden Board', 'secret', [['ann', 'member']]);
    const ids = async (who: string) => (await c[who].get('/api/analytics/scopes')).json().scopes.map((s: { id: string | null }) => s.id);
    expect(await ids('ana')).not.toContain(hiddenBoard);
    expect(await ids('ann')).toContain(hiddenBoard);
    for (const section of SECTIONS) expect((await c.ana.get(url(section, { scope: 'community', id: hiddenBoard }))).statusCode).toBe(404);
    await t.db.execute(sql`delete from community_members where community_id = ${hiddenBoard}`);
    await t.db.execute(sql`delete from communities where id = ${hiddenBoard}`);
  });

  it('lists in the picker exactly the scopes the viewer may open', async () => {
    const kinds = async (who: string) => (await c[who].get('/api/analytics/scopes')).json().scopes.map((s: { kind: string; id: string | null }) => `${s.kind}:${s.id}`);
    expect(await kinds('zed')).toEqual([`community:${secret}`]);
    expect(await kinds('mod')).toEqual([`community:${guild}`]);
    expect(await kinds('fac')).toEqual([`program:${program}`]);
    expect(await kinds('mo')).toEqual([`team:${id.mo}`]);
    const all = await kinds('ana');
    expect(all).toEqual(expect.arrayContaining(['organization:null', 'department:Engineering', `community:${guild}`, `community:${secret}`, `program:${program}`]));
    for (const who of ['zed', 'mod', 'fac', 'mo', 'ana'])
      for (const s of (await c[who].get('/api/analytics/scopes')).json().scopes)
        expect((await c[who].get(url('activity', s.id === null ? { scope: s.kind } : { scope: s.kind, id: s.id }))).statusCode).toBe(200);
  });

  it('refuses a bad range or scope with 400 naming the field', async () => {
    const bad: [Record<string, string>, string][] = [
      [{ scope: 'organization', from: '2026-05-02', to: '2026-05-01' }, 'from'],
      [{ scope: 'organization', from: '2024-01-01', to: '2025-06-01' }, 'from'],
      [{ scope: 'organization', from: '2999-01-01' }, 'from'],
      [{ scope: 'organization', to: '2026-02-30' }, 'to'],
      [{ scope: 'organization', id: guild }, 'id'],
      [{ scope: 'community' }, 'id'],
      [{ scope: 'galaxy' }, 'scope'],
    ];
    for (const [q, field] of bad) {
      const res = await c.ann.get(url('activity', q));
      expect([q, res.statusCode]).toEqual([q, 400]);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
  });
});

describe('figures', () => {
  it('counts people active today from their sign-ins, per scope, with every day of the range listed', async () => {
    const org = (await c.ann.get(url('activity', { scope: 'organization' }))).json();
    expect(org.daily).toHaveLength(90);
    expect(org.daily.at(-1)).toEqual({ day: today(), active: Object.keys(id).length });
    expect(org.totals.active).toBe(Object.keys(id).length);
    const team = (await c.mo.get(url('activity', { scope: 'team' }))).json();
    expect(team).toMatchObject({ people: 5, withheld: false, totals: { active: 5 } });
    const eng = (await c.ann.get(url('activity', { scope: 'department', id: 'Engineering' }))).json();
    expect(eng.totals.active).toBe(6);
    const week = (await c.ann.get(url('activity', { scope: 'organization', from: today(), to: today() }))).json();
    expect(week.weekly).toEqual([{ week: today(), active: Object.keys(id).length, posts: 0, replies: 0 }]);
  });

  it('gives the median time to a first answer by someone else and the unanswered share, whatever the answers', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.option(fc.integer({ min: 1, max: 200 }), { nil: null }), { minLength: 1, maxLength: 7 }), async (delays) => {
        const space = await community(`Q${run++}`, 'open', [['mod', 'moderator']]);
        const asked = new Date(Date.now() - 12 * 24 * HOUR);
        for (const d of delays) {
          const q = await thread(space, 'zed', asked);
          await post(q, space, 'zed', new Date(asked.getTime() + HOUR / 2)); // the asker's own reply is no answer
          if (d !== null) {
            await post(q, space, 'mod', new Date(asked.getTime() + d * HOUR));
            await post(q, space, 'r1', new Date(asked.getTime() + (d + 1) * HOUR));
          }
        }
        const got = (await c.ann.get(url('questions', { scope: 'community', id: space }))).json();
        const answered = delays.filter((d): d is number => d !== null).sort((a, b) => a - b);
        const mid = answered.length / 2;
        const median = answered.length ? (answered.length % 2 ? answered[Math.floor(mid)] : (answered[mid - 1] + answered[mid]) / 2) : null;
        expect(got).toMatchObject({ questions: delays.length, answered: answered.length, unansweredShare: (delays.length - answered.length) / delays.length });
        if (median === null) expect(got.medianHoursToFirstAnswer).toBeNull();
        else expect(got.medianHoursToFirstAnswer).toBeCloseTo(median, 6);
      }),
      { numRuns: 12 },
    );
  });

  it('names popular threads only where the viewer may read them, and counts a pathway funnel step by step', async () => {
    const now = new Date(Date.now() - HOUR);
    const open = await thread(guild, 'mod', now, 'discussion', 'Open talk');
    await post(open, guild, 'zed', now);
    const hidden = await thread(secret, 'zed', now, 'discussion', 'Secret talk');
    await post(hidden, secret, 'zed', now);
    const titles = async (who: string, space: string) => (await c[who].get(url('popular', { scope: 'community', id: space }))).json().threads.map((x: { title: string }) => x.title);
    expect(await titles('ann', guild)).toEqual(['Open talk']);
    // An org admin reads the private community's figures but not its content: its thread is not named to them.
    expect(await titles('ann', secret)).toEqual([]);
    // Its owner reads the thread, but a community of one shows its owner no figure (each would be about one person).
    expect(await titles('zed', secret)).toEqual([]);

    const pw = await selectRow<{ id: string }>(t.db, sql`insert into pathways (org_id, author_id, title, status) values (${orgId}, ${id.ann}, 'Onboarding', 'published') returning id`);
    const steps = [];
    for (const [i, title] of ['Read', 'Try'].entries())
      steps.push((await selectRow<{ id: string }>(t.db, sql`insert into pathway_steps (pathway_id, org_id, position, kind, title) values (${pw?.id}, ${orgId}, ${i}, 'task', ${title}) returning id`))?.id);
    const done: Record<string, number> = { r1: 2, r2: 1, r3: 0 };
    for (const [who, n] of Object.entries(done)) {
      await t.db.execute(sql`insert into pathway_enrollments (pathway_id, person_id, org_id, completed_at) values (${pw?.id}, ${id[who]}, ${orgId}, ${n === 2 ? new Date().toISOString() : null})`);
      for (const s of steps.slice(0, n)) await t.db.execute(sql`insert into pathway_progress (step_id, person_id, pathway_id, org_id) values (${s}, ${id[who]}, ${pw?.id}, ${orgId})`);
    }
    const f = (await c.ann.get(url('funnels', { scope: 'organization' }))).json();
    expect(f.pathways).toEqual([{ id: pw?.id, title: 'Onboarding', enrolled: 3, completed: 1, steps: [{ id: steps[0], title: 'Read', done: 2 }, { id: steps[1], title: 'Try', done: 1 }] }]);
    // The team has 5 people, but only 3 enrolled: a team funnel of 3 is withheld.
    const team = (await c.mo.get(url('funnels', { scope: 'team' }))).json();
    expect(team).toMatchObject({ withheld: true, pathways: [] });
  });
});

describe("a manager's team", () => {
  it('withholds every figure of a team under 5 people, and shows one of 5 or more, over any range', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 7 }), fc.integer({ min: 0, max: 300 }), fc.integer({ min: 1, max: 60 }), async (size, back, length) => {
        const boss = await person(`boss${run++}`);
        for (let i = 0; i < size; i++) await person(`${boss.name}-${i}`, { managerId: boss.id }, i < 2);
        const to = new Date(Date.now() - back * 24 * HOUR).toISOString().slice(0, 10);
        const from = new Date(Date.parse(to) - (length - 1) * 24 * HOUR).toISOString().slice(0, 10);
        for (const section of SECTIONS) {
          const got = (await c[boss.name].get(url(section, { scope: 'team', from, to }))).json();
          expect(got.people).toBe(size);
          if (size >= 5) continue;
          expect(got.withheld).toBe(true);
          for (const [k, v] of Object.entries(got)) {
            if (['scope', 'from', 'to', 'people', 'withheld'].includes(k)) continue;
            if (Array.isArray(v)) expect([k, v]).toEqual([k, []]);
            else if (k === 'totals') expect(v).toEqual({ active: 0, averageDaily: 0, posts: 0, replies: 0 });
            else expect([k, v]).toEqual([k, null]);
          }
        }
      }),
      { numRuns: 10 },
    );
  });
});

describe('DATABASE_READ_URL', () => {
  it('reads analytics through a read-only replica connection on PostgreSQL (a write through it fails) and is ignored on PGlite', async () => {
    const base = t.deps.config.DATABASE_URL;
    if (!base) {
      const app = await createTestApp({ DATABASE_READ_URL: 'postgres://nobody@127.0.0.1:1/none' });
      try {
        expect(app.deps.readDb).toBe(app.deps.db);
        expect(app.deps.readDatabase).toBeUndefined();
      } finally {
        await app.close();
      }
      return;
    }
    const { buildApp } = await import('../../app.ts');
    const { createDeps } = await import('../../boot.ts');
    const readUrl = `${base}${base.includes('?') ? '&' : '?'}options=${encodeURIComponent('-c default_transaction_read_only=on')}`;
    const deps = await createDeps({ ...t.deps.config, DATABASE_READ_URL: readUrl }, t.deps.database);
    const app = await buildApp(deps, { logger: false });
    try {
      await app.ready();
      expect(deps.readDb).not.toBe(deps.db);
      await expect(deps.readDb.execute(sql`insert into person_active_days (org_id, day, person_id) values (${orgId}, '2020-01-01', ${id.ann})`)).rejects.toMatchObject({ cause: { code: '25006' } }); // read_only_sql_transaction
      const { signedInClient } = await import('../../../test/harness.ts');
      const ann = await signedInClient(app, (await selectRow<{ email: string }>(t.db, sql`select email from people where id = ${id.ann}`))?.email as string);
      for (const section of SECTIONS) expect((await ann.get(url(section, { scope: 'organization' }))).statusCode).toBe(200);
      expect((await ann.get('/api/network/report')).statusCode).toBe(200);
      expect(deps.readDatabase?.pool?.totalCount).toBeGreaterThan(0);
    } finally {
      await app.close();
      await deps.bus.close();
      await deps.readDatabase?.close();
    }
  });
});
