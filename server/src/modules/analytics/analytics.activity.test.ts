import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.ts';

// Active people per day, week (ISO weeks, the first clipped to the range's first day), month and over the range are a
// recount of the days people used Hearth, whatever the days and the range (up to a year).

let t: TestApp;
let admin: Awaited<ReturnType<TestApp['signIn']>>;
let orgId: string;
const people: string[] = [];
const DAY = 86_400_000;
const iso = (t0: number) => new Date(t0).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await createTestApp();
  orgId = (await t.buildOrg('Busy')).id;
  const a = await t.buildPerson(orgId, { roles: ['admin'] });
  admin = await t.signIn(a.email);
  people.push(a.id);
  for (let i = 0; i < 5; i++) people.push((await t.buildPerson(orgId)).id);
});
afterAll(() => t.close());

describe('active people', () => {
  it('per day, ISO week, month and range equal a recount of the active days, for any range up to a year', async () => {
    const start = Date.parse('2026-01-01T00:00:00Z');
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 1, max: 366 }),
        fc.array(fc.record({ person: fc.nat(people.length - 1), day: fc.integer({ min: -10, max: 400 }) }), { maxLength: 60 }),
        async (offset, length, activity) => {
          const from = iso(start + offset * DAY);
          const to = iso(start + (offset + length - 1) * DAY);
          await t.db.execute(sql`delete from person_active_days where org_id = ${orgId}`);
          const rows = [...new Map(activity.map((a) => [`${a.person} ${a.day}`, { person: people[a.person], day: iso(start + a.day * DAY) }])).values()];
          for (const r of rows) await t.db.execute(sql`insert into person_active_days (org_id, day, person_id) values (${orgId}, ${r.day}::date, ${r.person}) on conflict do nothing`);
          const inRange = rows.filter((r) => r.day >= from && r.day <= to);
          const monday = (d: string) => {
            const t0 = Date.parse(`${d}T00:00:00Z`);
            const m = iso(t0 - ((new Date(t0).getUTCDay() + 6) % 7) * DAY);
            return m < from ? from : m;
          };
          const distinct = (key: (r: { day: string }) => string) => {
            const by = new Map<string, Set<string>>();
            for (const r of inRange) by.set(key(r), (by.get(key(r)) ?? new Set()).add(r.person));
            return by;
          };
          const days = distinct((r) => r.day);
          const weeks = distinct((r) => monday(r.day));
          const months = distinct((r) => r.day.slice(0, 7));

          const got = (await admin.get(`/api/analytics/activity?scope=organization&from=${from}&to=${to}`)).json();
          expect(got.daily).toHaveLength(length);
          for (const d of got.daily) expect(d.active).toBe(days.get(d.day)?.size ?? 0);
          for (const w of got.weekly) expect(w.active).toBe(weeks.get(w.week)?.size ?? 0);
          expect(got.weekly.reduce((n: number, w: { active: number }) => n + (w.active > 0 ? 1 : 0), 0)).toBe(weeks.size);
          for (const m of got.monthly) expect(m.active).toBe(months.get(m.month)?.size ?? 0);
          expect(got.monthly.reduce((n: number, m: { active: number }) => n + (m.active > 0 ? 1 : 0), 0)).toBe(months.size);
          expect(got.totals.active).toBe(new Set(inRange.map((r) => r.person)).size);
        },
      ),
      { numRuns: 25 },
    );
  });
});
