// Route sweep, bad input: every HTTP route of the app, present and future (see route-sweep.routes.ts), is checked for
// the first non-negotiable. Bad input never yields a 5xx: it gets a 4xx application/problem+json answer with a stable
// `code` (malformed values, text PostgreSQL cannot store, empty PATCHes, garbage to public routes).
import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { useRouteSweep } from './route-sweep.harness.ts';
import { changedTables, settledFingerprint, textSlots, UNSTORABLE_TEXT, UNSTORABLE_URL_TEXT } from './route-sweep.inputs.ts';
import { excerpt, isMutating, isPublic, type Json, key, NOT_A_UUID, problemComplaint, type Route, type Schema, typeOf, unwrap } from './route-sweep.routes.ts';

const sweep = useRouteSweep();
const { routes, editors, gen, validBody, urlFor, send, brokenAfter } = sweep;

describe('route sweep: bad input', () => {
  it('never answers a public route with a 5xx when signed out, even to garbage', async () => {
    const failures: string[] = [];
    for (const r of routes.filter(isPublic)) {
      for (const raw of [undefined, '[]', '{"__proto__":{"x":1}}', '"x"']) {
        const res = await send(null, r, { rawBody: isMutating(r.method) ? raw : undefined });
        if (res.statusCode >= 500) failures.push(`${key(r)} body ${raw} → ${res.statusCode} ${excerpt(res)}`);
        const broken = await brokenAfter(r, res, `body ${raw}`);
        if (broken) return void expect([...failures, broken]).toEqual([]);
      }
    }
    expect(failures).toEqual([]);
  }, 600_000);

  it('answers malformed input with a 4xx problem and a code, never a 5xx', async () => {
    const failures: string[] = [];
    let broken: string | null = null;
    const check = async (r: Route, what: string, res: LightMyRequestResponse) => {
      const complaint = problemComplaint(res);
      if (complaint) failures.push(`${key(r)} [${what}] → ${complaint}: ${excerpt(res)}`);
      broken ??= await brokenAfter(r, res, what);
    };
    for (const r of routes) {
      if (broken) {
        failures.push(broken);
        break;
      }
      const pathParams = r.params.filter((p) => p.in === 'path' && !unwrap(p.schema).enum);
      const uuidParams = pathParams.filter((p) => unwrap(p.schema).format === 'uuid');
      // Path parameters: a non-uuid, a huge number, an over-long value.
      if (uuidParams.length) {
        for (const bad of [NOT_A_UUID, '99999999999999999999', '1e309', '%00', 'x'.repeat(250)]) {
          await check(r, `path ${bad.slice(0, 20)}`, await send(sweep.aAdmin, r, { url: urlFor(r, { override: encodeURIComponent(bad) }) }));
        }
      }
      // Query: each typed parameter gets a value of the wrong type or out of range.
      for (const q of r.params.filter((p) => p.in === 'query')) {
        const s = unwrap(q.schema);
        const bads: string[] = [];
        const ty = typeOf(s);
        if (s.enum) bads.push('definitely-not-a-choice');
        else if (ty === 'integer' || ty === 'number') bads.push('abc', '1e309', '-99999999999999999999', '1.5e400');
        else if (ty === 'boolean') bads.push('maybe');
        else if (s.format === 'uuid') bads.push(NOT_A_UUID);
        else if (s.format === 'date-time') bads.push('yesterday-ish');
        if (s.maxLength !== undefined && !s.enum) bads.push('x'.repeat(s.maxLength + 1));
        for (const bad of bads) await check(r, `query ${q.name}=${bad.slice(0, 20)}`, await send(sweep.aAdmin, r, { url: urlFor(r, { query: { [q.name]: bad } }) }));
      }
      // Body: wrong shapes, missing required fields, wrong-typed, over-long and out-of-range fields, unknown and __proto__ keys.
      if (r.body && isMutating(r.method)) {
        const s = unwrap(r.body);
        const base = validBody(r) as Json;
        const cases: [string, string][] = [
          ['array instead of object', '[]'],
          ['string instead of object', '"hello"'],
          ['number instead of object', '12345678901234567890'],
          ['__proto__ key', JSON.stringify(base).replace(/^\{/, '{"__proto__":{"isAdmin":true},').replace(',}', '}')],
          ['constructor.prototype key', JSON.stringify({ ...base, constructor: { prototype: { isAdmin: true } } })],
          ['invalid JSON', '{"a":'],
        ];
        if (s.required?.length) cases.push(['missing required fields', '{}']);
        if (s.additionalProperties === false) cases.push(['unknown field', JSON.stringify({ ...base, sweepUnknownField: 1 })]);
        for (const [name, prop] of Object.entries(s.properties ?? {})) {
          const p = unwrap(prop);
          const ty = p.enum ? 'enum' : typeOf(p);
          const bads: unknown[] = [];
          if (ty === 'string' || ty === 'enum') bads.push(12345, ['array'], { o: 1 });
          if (ty === 'enum') bads.push('definitely-not-a-choice');
          if (ty === 'string' && p.maxLength !== undefined) bads.push('x'.repeat(p.maxLength + 1));
          if (ty === 'string' && p.format === 'uuid') bads.push(NOT_A_UUID);
          if (ty === 'string' && p.format === 'date-time') bads.push('2026-02-30T25:61:00Z');
          if (ty === 'integer' || ty === 'number') bads.push('12', 1e308, -1e308, 2 ** 64, 1.5, true);
          if (ty === 'boolean') bads.push('yes', 1);
          if (ty === 'array') bads.push({ not: 'an array' }, 'string', [{ __proto__: null, deep: [[[[[]]]]] }]);
          if (ty === 'array' && p.maxItems !== undefined) bads.push(Array.from({ length: p.maxItems + 1 }, () => gen(p.items ?? {}, name)));
          if (ty === 'object') bads.push([], 'string', 7);
          for (const bad of bads) {
            // An integer field given 1.5 or a number field given a valid-range integer would be valid: skip those.
            if (ty === 'number' && bad === 1.5) continue;
            await check(r, `body ${name}=${JSON.stringify(bad)?.slice(0, 30)}`, await send(sweep.aAdmin, r, { rawBody: JSON.stringify({ ...base, [name]: bad }) }));
          }
        }
        for (const [what, raw] of cases) await check(r, `body ${what}`, await send(sweep.aAdmin, r, { rawBody: raw }));
      }
    }
    expect(failures, 'malformed input must be refused with a 4xx problem+json carrying a code').toEqual([]);
  }, 600_000);

  it('refuses text PostgreSQL cannot store (NUL, lone surrogates) in every string field, key, query and path parameter with a 4xx, never a 5xx', async () => {
    const failures: string[] = [];
    let broken: string | null = null;
    let sent = 0;
    const check = async (r: Route, what: string, res: LightMyRequestResponse, expectation: 'refused' | 'no-5xx' = 'refused') => {
      sent++;
      const complaint = expectation === 'refused' ? problemComplaint(res) : res.statusCode >= 500 ? `server error ${res.statusCode}` : null;
      if (complaint) failures.push(`${key(r)} [${what}] → ${complaint}: ${excerpt(res)}`);
      broken ??= await brokenAfter(r, res, what);
    };
    for (const r of routes) {
      if (broken) break;
      for (const p of r.params.filter((x) => x.in === 'path')) {
        for (const [label, raw, expectation] of UNSTORABLE_URL_TEXT) await check(r, `path ${p.name} ${label}`, await send(sweep.aAdmin, r, { url: urlFor(r, { param: { name: p.name, raw } }) }), expectation);
      }
      for (const q of r.params.filter((x) => x.in === 'query')) {
        for (const [label, raw, expectation] of UNSTORABLE_URL_TEXT) {
          const url = urlFor(r, { query: { [q.name]: 'SWEEP-TEXT' } }).replace('SWEEP-TEXT', raw);
          await check(r, `query ${q.name} ${label}`, await send(sweep.aAdmin, r, { url }), expectation);
        }
      }
      if (!r.body || !isMutating(r.method)) continue;
      const base = validBody(r);
      for (const [label, bad] of UNSTORABLE_TEXT) {
        for (const slot of textSlots(r.body, (s, name) => gen(s as Schema, name))) {
          await check(r, `body ${slot.field || '(body)'} ${label}`, await send(sweep.aAdmin, r, { rawBody: JSON.stringify(slot.make(bad)) }));
        }
        // A key of the body itself (an unknown one is stripped by most contracts, but must still never reach the database).
        if (base && typeof base === 'object' && !Array.isArray(base)) await check(r, `body key ${label}`, await send(sweep.aAdmin, r, { rawBody: JSON.stringify({ ...base, [`sweep${bad}`]: 'x' }) }));
      }
    }
    if (broken) failures.push(broken);
    expect(sent, 'the sweep found text fields to try').toBeGreaterThan(500);
    expect(failures, 'text PostgreSQL cannot store must be refused with a 4xx problem+json carrying a code').toEqual([]);
  }, 600_000);

  it('answers every PATCH route given an empty object or no body with 400 or a 200 that writes nothing, never a 5xx', async () => {
    const failures: string[] = [];
    const patches = routes.filter((r) => r.method === 'PATCH');
    expect(patches.length).toBeGreaterThan(5);
    // A field a PATCH leaves out must stay as it is: a default in an update contract would overwrite it on every edit.
    for (const r of patches) {
      const s = unwrap(r.body ?? {});
      for (const [name, p] of Object.entries(s.properties ?? {})) {
        if (!s.required?.includes(name) && (p.default !== undefined || unwrap(p).default !== undefined)) failures.push(`${key(r)} body field ${name} has a default: an edit leaving it out would reset it`);
      }
    }
    for (const r of patches) {
      for (const [what, opts] of [['{}', { rawBody: '{}' }], ['no body', { noBody: true }]] as const) {
        const before = await settledFingerprint(sweep.t.db);
        // Tried as each owner of A's things in turn, so the edit is not simply refused for want of permission.
        let res: LightMyRequestResponse | undefined;
        for (const c of editors) {
          res = await send(c, r, opts);
          if (res.statusCode !== 403 && res.statusCode !== 404) break;
        }
        const after = await settledFingerprint(sweep.t.db);
        if (!res) continue;
        const written = changedTables(before, after);
        const line = `${key(r)} [${what}] → ${res.statusCode}`;
        if (res.statusCode === 403 || res.statusCode === 404) failures.push(`${line}: no owner of A's things may edit it (sweep blind): ${excerpt(res)}`);
        else if (res.statusCode >= 300) {
          const complaint = problemComplaint(res);
          if (complaint || res.statusCode !== 400) failures.push(`${line} ${complaint ?? ''}: ${excerpt(res)}`);
        }
        if (written.length) failures.push(`${line} wrote to ${written.join(', ')}`);
        const broken = await brokenAfter(r, res, what);
        if (broken) return void expect([...failures, broken]).toEqual([]);
      }
    }
    expect(failures, 'an empty PATCH must be refused (400) or change nothing (200)').toEqual([]);
  }, 600_000);
});
