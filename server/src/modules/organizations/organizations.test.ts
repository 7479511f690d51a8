import { and, eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../../db/schema/index.ts';
import { createTestApp, type TestApp } from '../../../test/harness.ts';

let t: TestApp;
let acme: { id: string };
let globex: { id: string };
type Client = Awaited<ReturnType<TestApp['signIn']>>;
let admin: Client;
let member: Client;
let otherAdmin: Client;

beforeAll(async () => {
  t = await createTestApp();
  acme = await t.buildOrg('Acme');
  globex = await t.buildOrg('Globex');
  admin = await t.signIn((await t.buildPerson(acme.id, { roles: ['admin'] })).email);
  member = await t.signIn((await t.buildPerson(acme.id)).email);
  otherAdmin = await t.signIn((await t.buildPerson(globex.id, { roles: ['admin'] })).email);
});
afterAll(() => t.close());

const setHosts = (c: Client, imageHosts: unknown) => c.patch('/api/organization/settings', { imageHosts });
const preview = async (c: Client, body: string) => (await c.post('/api/markdown/preview', { body })).json().html as string;
const imgSrc = (csp: string | undefined) => (csp ?? '').split(';').find((d) => d.trim().startsWith('img-src'))?.trim();
const audits = (orgId: string) => t.db.select().from(auditLog).where(and(eq(auditLog.orgId, orgId), eq(auditLog.action, 'organizations.image_hosts_changed')));

describe('organization settings: image hosts', () => {
  it('lets members read the list and only org admins change it, each change audited with the list before and after', async () => {
    const before = await member.get('/api/organization/settings');
    expect(before.statusCode).toBe(200);
    expect(before.json()).toEqual({ name: 'Acme', imageHosts: [], abilities: { canEdit: false } });
    expect((await admin.get('/api/organization/settings')).json().abilities).toEqual({ canEdit: true });

    const refused = await setHosts(member, ['images.example.com']);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('FORBIDDEN');

    const saved = await setHosts(admin, [' https://Images.Example.com/ ', 'images.example.com', '*.cdn.example.org']);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().imageHosts).toEqual(['images.example.com', '*.cdn.example.org']);
    expect((await member.get('/api/organization/settings')).json().imageHosts).toEqual(['images.example.com', '*.cdn.example.org']);
    // Saving the same list again is not a change.
    expect((await setHosts(admin, ['images.example.com', '*.cdn.example.org'])).statusCode).toBe(200);
    const rows = await audits(acme.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorId: admin.me.person.id, target: acme.id, data: { before: [], after: ['images.example.com', '*.cdn.example.org'] } });
    // Another organization's admin changes their own list only.
    expect((await setHosts(otherAdmin, ['pics.globex.test'])).statusCode).toBe(200);
    expect((await admin.get('/api/organization/settings')).json().imageHosts).toEqual(['images.example.com', '*.cdn.example.org']);
  });

  it('refuses anything that is not a host name with a 400 naming the field, and changes nothing', async () => {
    const current = (await admin.get('/api/organization/settings')).json().imageHosts;
    const bad = fc.constantFrom("x.com; script-src 'unsafe-inline'", '*', 'https://x.com/path', 'x.com:8443', 'http://x.com', '1.2.3.4', 'a b.com', 'x.com,y.com', "'self'", 'data:', '*.', 'localhost', '', 'é.com', `${'a'.repeat(64)}.com`);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom('ok.example.com', '*.ok.example.com'), { maxLength: 3 }), bad, fc.nat(3), async (good, wrong, at) => {
        const list: string[] = [...good];
        list.splice(Math.min(at, list.length), 0, wrong);
        const res = await setHosts(admin, list);
        expect(res.statusCode, wrong).toBe(400);
        expect(res.json().code).toBe('VALIDATION_FAILED');
        expect(JSON.stringify(res.json().errors)).toContain('imageHosts');
      }),
      { numRuns: 40 },
    );
    const tooMany = await setHosts(admin, Array.from({ length: 21 }, (_, i) => `h${i}.example.com`));
    expect(tooMany.statusCode).toBe(400);
    expect((await admin.get('/api/organization/settings')).json().imageHosts).toEqual(current);
  });

  it('renders Markdown images from the organization’s hosts and uploads; others, and other organizations’ hosts, become links', async () => {
    await setHosts(admin, ['images.example.com']);
    const md = '![chart](https://images.example.com/c.png) ![pixel](https://tracker.test/p.gif) ![mine](/api/media/0b7d5c0e-1e2b-4a5b-9c3d-123456789abc)';
    const html = await preview(member, md);
    expect(html).toContain('<img src="https://images.example.com/c.png" alt="chart" />');
    expect(html).toContain('<img src="/api/media/0b7d5c0e-1e2b-4a5b-9c3d-123456789abc" alt="mine" />');
    expect(html).toContain('<a href="https://tracker.test/p.gif" rel="nofollow ugc noopener noreferrer" target="_blank">pixel (image on tracker.test)</a>');
    expect(html).not.toContain('<img src="https://tracker.test');
    // Globex did not allow images.example.com.
    expect(await preview(otherAdmin, md)).not.toContain('<img src="https://images.example.com');

    // Stored content is rendered once, with the list of the day: a new thread follows the new list.
    const community = (await admin.post('/api/communities', { name: `Pictures ${Date.now()}`, description: 'Charts', topics: [] })).json();
    const thread = await admin.post(`/api/communities/${community.id}/threads`, { kind: 'discussion', title: 'Charts', body: md });
    expect(thread.statusCode, thread.body).toBe(201);
    expect(thread.json().posts[0].html).toContain('<img src="https://images.example.com/c.png"');
    await setHosts(admin, []);
    const reply = await admin.post(`/api/threads/${thread.json().id}/posts`, { body: md });
    expect(reply.json().html).not.toContain('<img src="https://images.example.com');
    expect(reply.json().html).toContain('chart (image on images.example.com)');
  });

  it('serves each signed-in person a page whose CSP allows exactly their organization’s image hosts', async () => {
    const page = async (c: Client | null) => {
      const res = await t.app.inject({ method: 'GET', url: '/people', headers: c ? { cookie: c.cookie } : {} });
      expect(res.statusCode).toBe(200);
      expect(res.headers.vary).toMatch(/cookie/i);
      return imgSrc(res.headers['content-security-policy'] as string);
    };
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.constantFrom('images.example.com', '*.cdn.example.org', 'a.b.example.net', 'xn--bcher-kva.example'), { maxLength: 4 }), async (hosts) => {
        expect((await setHosts(admin, hosts)).statusCode).toBe(200);
        const expected = ["img-src 'self' data:", ...hosts.map((h) => `https://${h}`)].join(' ');
        expect(await page(member)).toBe(expected);
        expect(await page(admin)).toBe(expected);
        expect(await page(otherAdmin)).toBe("img-src 'self' data: https://pics.globex.test");
        expect(await page(null)).toBe("img-src 'self' data:");
      }),
      { numRuns: 12 },
    );
    // The JSON API keeps its deny-all policy.
    expect((await member.get('/api/organization/settings')).headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
  });
});
