import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { createDeps } from '../../boot.ts';
import { loadConfig } from '../../config.ts';
import { openPostgres } from '../../kernel/db/database.ts';
import { createTestApp, memoryMailer, type TestApp } from '../../../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('system', () => {
  it('reports health with the database kind', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite' });
  });

  it('answers unknown API routes with a JSON 404', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/nope' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().code).toBe('NOT_FOUND');
  });

  it('sends security headers and no-store on API answers, errors included', async () => {
    for (const url of ['/api/health', '/api/nope', '/api/people']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['content-security-policy'], url).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(res.headers['x-frame-options'], url).toBe('DENY');
      expect(res.headers['cross-origin-resource-policy'], url).toBe('same-origin');
      expect(res.headers['cache-control'], url).toBe('no-store');
    }
  });

  it('sends the full document policy on pages outside the JSON API', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/some/page' });
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).not.toBe('no-store');
  });

  it('lets browsers keep hashed assets for a year and revalidate pages on each visit', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/people' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('private, no-cache');
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(page.body)?.[1];
    expect(script, 'index.html names its script').toBeDefined();
    const asset = await t.app.inject({ method: 'GET', url: script as string });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await t.app.inject({ method: 'GET', url: '/' })).headers['cache-control']).toBe('private, no-cache');
  });

  it('sends the web app compressed in the encoding the browser accepts, and plain to one that accepts none', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/' });
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(page.body)?.[1] as string;
    const plain = await t.app.inject({ method: 'GET', url: script });
    for (const [accept, encoding, decode] of [
      ['br, gzip', 'br', brotliDecompressSync],
      ['gzip', 'gzip', gunzipSync],
    ] as const) {
      const res = await t.app.inject({ method: 'GET', url: script, headers: { 'accept-encoding': accept } });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-encoding'], accept).toBe(encoding);
      expect(res.headers['content-type']).toMatch(/javascript/);
      expect(res.headers.vary).toMatch(/accept-encoding/i);
      expect(res.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2);
      expect(decode(res.rawPayload).equals(plain.rawPayload)).toBe(true);
    }
    expect(plain.headers['content-encoding']).toBeUndefined();
  });

  it('serves the OpenAPI document at /api/docs', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    expect(Object.keys(res.json().paths)).toContain('/api/people');
  });

  it('answers 503 with Retry-After, not 500, when the database is unreachable', async () => {
    // Nothing listens on port 1: every query fails to connect.
    const database = await openPostgres('postgres://nobody@127.0.0.1:1/none', { migrate: false });
    const config = loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
    const deps = { ...(await createDepsWithoutBus(config, database)) };
    const app = await buildApp(deps, { logger: false });
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(503);
    expect(res.headers['retry-after']).toBe('5');
    expect(res.json().code).toBe('DATABASE_UNAVAILABLE');
    const signIn = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email: 'a@b.test', password: 'whatever-long' } });
    expect(signIn.statusCode).toBe(503);
    await app.close();
    await database.close();
  });
});

/** Deps for an unreachable PostgreSQL: the LISTEN connection cannot open, so use the local bus. */
async function createDepsWithoutBus(config: ReturnType<typeof loadConfig>, database: Awaited<ReturnType<typeof openPostgres>>) {
  return createDeps({ ...config, DATABASE_URL: undefined }, { ...database, kind: 'postgres' }, { mailer: memoryMailer() });
}
