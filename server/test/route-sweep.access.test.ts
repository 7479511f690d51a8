// Route sweep, authorization and tenancy: every HTTP route of the app, present and future (see route-sweep.routes.ts),
// is checked for the second non-negotiable. Signed out → 401 (except the public allow-list); a person from another
// organization gets 404/403 on every route that names something of the first organization, never 2xx and never 5xx;
// every state-changing route refuses a signed-in request without the CSRF header.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { selectRows } from '../src/kernel/db/rows.ts';
import { useRouteSweep } from './route-sweep.harness.ts';
import { type Client, excerpt, isMutating, isPublic, type Json, key, PARAM_KINDS, problemComplaint, PUBLIC_ROUTES } from './route-sweep.routes.ts';

const sweep = useRouteSweep();
const { routes, ids, unmapped, seedProblems, validBody, urlFor, send, brokenAfter } = sweep;

describe('route sweep: authorization and tenancy', () => {
  it('has an inventory: every path parameter is mapped, every public entry exists, the seed is complete', () => {
    expect(routes.length).toBeGreaterThan(100);
    for (const r of routes) urlFor(r);
    const stalePublic = Object.keys(PUBLIC_ROUTES).filter((p) => !routes.some((r) => (p.endsWith('*') ? key(r).startsWith(p.slice(0, -1)) : key(r) === p)));
    const seededKinds = new Set(Object.values(PARAM_KINDS).filter((k) => k !== 'follow-target' && !k.startsWith('literal:')));
    const missing = [...seededKinds].filter((k) => !ids[k]);
    expect(
      {
        unmapped: [...unmapped],
        stalePublic,
        seedProblems,
        notSeeded: missing,
      },
      'Unmapped path parameters: add `<segment>/{param}: <kind>` to PARAM_KINDS and seed one of that kind in seed(). ' +
        'Stale public entries: remove them from PUBLIC_ROUTES. Seed problems make the sweep blind for that kind.',
    ).toEqual({ unmapped: [], stalePublic: [], seedProblems: [], notSeeded: [] });
  });

  it('answers 401 with a code to a signed-out caller on every non-public /api route', async () => {
    const failures: string[] = [];
    for (const r of routes) {
      if (isPublic(r)) continue;
      const res = await send(null, r);
      const body = res.statusCode < 500 && res.body.startsWith('{') ? (res.json() as Json) : {};
      if (res.statusCode !== 401 || body.code !== 'UNAUTHENTICATED') failures.push(`${key(r)} → ${res.statusCode} ${excerpt(res)}`);
      const broken = await brokenAfter(r, res);
      if (broken) {
        failures.push(broken);
        break;
      }
    }
    expect(failures, 'signed-out callers must get 401 UNAUTHENTICATED').toEqual([]);
  }, 600_000);

  it('refuses every state-changing /api route signed in without the CSRF header (403 with a code)', async () => {
    const failures: string[] = [];
    for (const r of routes.filter((x) => isMutating(x.method))) {
      const res = await send(sweep.aAdmin, r, { noCsrf: true });
      const complaint = problemComplaint(res);
      if (res.statusCode !== 403 || complaint || res.json().code !== 'CSRF_FAILED') failures.push(`${key(r)} → ${res.statusCode} ${complaint ?? ''} ${excerpt(res)}`);
      const broken = await brokenAfter(r, res);
      if (broken) {
        failures.push(broken);
        break;
      }
    }
    expect(failures).toEqual([]);
  }, 600_000);

  it("gives a person of another organization 404/403 on every route naming organization A's things, and never A's ids", async () => {
    const failures: string[] = [];
    const aIds = Object.entries(ids).filter(([k]) => k !== 'tag');
    for (const r of routes) {
      if (isPublic(r)) continue;
      const url = urlFor(r);
      const payload = r.body && isMutating(r.method) ? validBody(r) : undefined;
      const inPath = aIds.some(([, v]) => url.includes(v));
      const inBody = aIds.some(([, v]) => JSON.stringify(payload ?? '').includes(v));
      const res = await send(sweep.bAdmin, r, { url, payload });
      const leaked = aIds.filter(([, v]) => res.body.includes(v)).map(([k]) => k);
      const broken = await brokenAfter(r, res);
      if (broken) {
        failures.push(broken);
        break;
      }
      if (res.statusCode >= 500) failures.push(`${key(r)} → ${res.statusCode} ${excerpt(res)}`);
      else if (leaked.length) failures.push(`${key(r)} → ${res.statusCode} exposes A's ${leaked.join(', ')}: ${excerpt(res)}`);
      else if (inPath || inBody) {
        // A's id in the path: 404 (or 403 where the route is org-independent). Only in the body (a reference to
        // A's thing from B's own request): any refusal with a code (400/403/404/409/422).
        const allowed = inPath ? [403, 404] : [400, 403, 404, 409, 422];
        const complaint = problemComplaint(res);
        if (complaint || !allowed.includes(res.statusCode)) failures.push(`${key(r)} ${url}${payload ? ` ${JSON.stringify(payload).slice(0, 120)}` : ''} → ${res.statusCode} ${complaint ?? ''} ${excerpt(res)}`);
      }
    }
    expect(failures, "another organization's person must get 404/403 and never see A's ids").toEqual([]);
  }, 600_000);

  it('checks on every call who may read each analytics scope: 404 to another organization and to those without the role, 200 to those with it', async () => {
    const { t, ids, aAdmin, bAdmin, editors } = sweep;
    const [, learner, mentor] = editors;
    // A reporting line so that a team exists: the mentor manages the first learner (set here, for this check only).
    await t.db.execute(sql`update people set manager_id = (select id from people where name = 'Max Mentor' and org_id = (select org_id from people where id = ${ids.person})) where id = ${ids.person}`);
    const [manager] = await selectRows<{ id: string }>(t.db, sql`select manager_id::text as id from people where id = ${ids.person}`);
    const label = new Map<Client, string>([[aAdmin, 'A admin'], [bAdmin, 'B admin'], [learner, 'A learner'], [mentor, 'A mentor']]);
    const scopes: [Record<string, string>, Client[], Client[]][] = [
      [{ scope: 'organization' }, [aAdmin], [learner, mentor]],
      [{ scope: 'community', id: ids.community }, [aAdmin], [learner, mentor, bAdmin]],
      [{ scope: 'program', id: ids.program }, [aAdmin], [learner, mentor, bAdmin]],
      [{ scope: 'department', id: 'Sales' }, [aAdmin], [learner, mentor, bAdmin]],
      [{ scope: 'team', id: manager.id }, [aAdmin, mentor], [learner, bAdmin]],
    ];
    const analytics = routes.filter((r) => r.path.startsWith('/api/analytics/') && r.params.some((p) => p.in === 'query' && p.name === 'scope'));
    expect(analytics.length).toBeGreaterThanOrEqual(5);
    const failures: string[] = [];
    for (const r of analytics)
      for (const [query, allowed, refused] of scopes)
        for (const [who, expected] of [...allowed.map((c) => [c, 200] as const), ...refused.map((c) => [c, 404] as const)]) {
          const res = await send(who, r, { url: urlFor(r, { query }) });
          if (res.statusCode !== expected) failures.push(`${key(r)} ${JSON.stringify(query)} as ${label.get(who)} → ${res.statusCode} (expected ${expected}) ${excerpt(res)}`);
        }
    expect(failures).toEqual([]);
  }, 600_000);
});
