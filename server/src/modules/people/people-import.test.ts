import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.ts';

let t: TestApp;
let orgId: string;
let adminEmail: string;
let memberEmail: string;

const HEADER = 'name,email,department,title,manager_email,location,time_zone';

beforeAll(async () => {
  t = await createTestApp();
  orgId = (await t.buildOrg('Acme')).id;
  adminEmail = (await t.buildPerson(orgId, { email: 'boss@acme.test', name: 'Bo Boss', roles: ['admin'] })).email;
  memberEmail = (await t.buildPerson(orgId, { email: 'member@acme.test' })).email;
  const other = await t.buildOrg('Globex');
  await t.buildPerson(other.id, { email: 'taken@globex.test' });
});
afterAll(() => t.close());

const count = async () => Number(((await t.db.execute((await import('drizzle-orm')).sql`select count(*)::int as n from people`)) as unknown as { rows: { n: number }[] }).rows[0].n);

describe('HR CSV import', () => {
  it('reports every bad row by line and field and writes nothing, even when asked to apply', async () => {
    const c = await t.signIn(adminEmail);
    const csv = [
      HEADER,
      'Cara Chen,cara@acme.test,Sales,AE,boss@acme.test,Berlin,Europe/Berlin',
      'Bad Email,not-an-email,Sales,AE,,Berlin,Europe/Berlin',
      'Dan Dup,cara@acme.test,Sales,AE,,Berlin,',
      'Eve Orphan,eve@acme.test,Sales,AE,ghost@acme.test,Berlin,',
      'Fay Loop,fay@acme.test,Ops,PM,gus@acme.test,Lisbon,',
      'Gus Loop,gus@acme.test,Ops,PM,fay@acme.test,Lisbon,',
      'Hal Zone,hal@acme.test,Ops,PM,,Lisbon,Mars/Base',
      ',noname@acme.test,Ops,PM,,Lisbon,',
      'Ivy Taken,taken@globex.test,Ops,PM,,Lisbon,',
    ].join('\n');
    const before = await count();
    const res = await c.post('/api/people/import', { csv, dryRun: false });
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report.applied).toBe(false);
    expect(report.rows).toBe(9);
    const got = report.issues.map((i: { row: number; field: string; code: string }) => `${i.row}:${i.field}:${i.code}`);
    expect(got).toEqual([
      '3:email:INVALID_EMAIL',
      '4:email:DUPLICATE_EMAIL',
      '5:manager_email:UNKNOWN_MANAGER',
      '6:manager_email:MANAGER_CYCLE',
      '7:manager_email:MANAGER_CYCLE',
      '8:time_zone:UNKNOWN_TIME_ZONE',
      '9:name:REQUIRED',
      '10:email:EMAIL_TAKEN',
    ]);
    expect(report.issues[1].message).toContain('line 2');
    expect(await count()).toBe(before);
  });

  it('dry-runs, then applies all rows in one go, then re-import updates by email', async () => {
    const c = await t.signIn(adminEmail);
    const csv = [HEADER, 'Kim Kade,kim@acme.test,Sales,AE,lou@acme.test,Berlin,Europe/Berlin', 'Lou Lead,lou@acme.test,Sales,Head of Sales,boss@acme.test,Berlin,Europe/Berlin', `Member Renamed,${memberEmail},Support,Agent,lou@acme.test,Lisbon,Europe/Lisbon`].join('\r\n');
    const dry = (await c.post('/api/people/import', { csv, dryRun: true })).json();
    expect(dry).toMatchObject({ rows: 3, created: 2, updated: 1, unchanged: 0, issues: [], applied: false });
    const before = await count();
    expect(await count()).toBe(before);
    const applied = (await c.post('/api/people/import', { csv, dryRun: false })).json();
    expect(applied).toMatchObject({ created: 2, updated: 1, applied: true });
    expect(await count()).toBe(before + 2);
    const kim = (await c.get('/api/people?q=Kim%20Kade')).json().items[0];
    const profile = (await c.get(`/api/people/${kim.id}`)).json();
    expect(profile.manager.name).toBe('Lou Lead');
    expect(profile.status).toBe('invited');
    const again = (await c.post('/api/people/import', { csv, dryRun: true })).json();
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
  });

  it('names missing columns and malformed CSV instead of failing', async () => {
    const c = await t.signIn(adminEmail);
    const noEmail = (await c.post('/api/people/import', { csv: 'name,dept\nA,B', dryRun: true })).json();
    expect(noEmail.issues[0]).toMatchObject({ row: 1, field: 'email', code: 'MISSING_COLUMN' });
    const broken = await c.post('/api/people/import', { csv: `${HEADER}\n"unterminated,x@acme.test`, dryRun: true });
    expect(broken.statusCode).toBe(200);
    expect(broken.json().issues[0].code).toBe('MALFORMED_CSV');
  });

  it('is for org admins only', async () => {
    const c = await t.signIn(memberEmail);
    expect((await c.post('/api/people/import', { csv: HEADER, dryRun: true })).statusCode).toBe(403);
    expect((await c.get('/api/people/export.csv')).statusCode).toBe(403);
  });

  it('exports CSV that neutralizes spreadsheet formulas and round-trips through import', async () => {
    const c = await t.signIn(adminEmail);
    await t.buildPerson(orgId, { name: '=HYPERLINK("http://evil.example","x")', email: 'formula@acme.test', title: '+cmd|calc', department: '@SUM(1)' });
    const res = await c.get('/api/people/export.csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const line = res.body.split('\r\n').find((l) => l.includes('formula@acme.test')) as string;
    expect(line.startsWith(`"'=HYPERLINK(""http://evil.example"",""x"")"`)).toBe(true);
    expect(line).toContain("'+cmd|calc");
    expect(line).toContain("'@SUM(1)");
    const round = (await c.post('/api/people/import', { csv: res.body, dryRun: true })).json();
    expect(round.issues).toEqual([]);
    expect(round.created).toBe(0);
  });
});
