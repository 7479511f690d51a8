import fc from 'fast-check';
import rateLimit from '@fastify/rate-limit';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { installEmptyPatchCheck } from './empty-patch.ts';
import { installErrorHandling } from './problem.ts';
import { installStorableTextCheck, isStorableText, unstorableFields } from './storable-text.ts';

/** Text PostgreSQL stores as sent: any well-formed string without NUL (surrogate pairs included). */
const storable = fc.string({ unit: 'grapheme' }).map((s) => s.replace(/\u0000/g, ''));
const bad = fc.constantFrom('\u0000', '\uD800', '\uDBFF', '\uDC00', '\uDFFF');
/** JSON-like values made only of storable text. */
const { value: clean } = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, storable, fc.integer(), fc.boolean(), fc.constant(null), tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 4 }),
  object: fc.dictionary(storable.filter((k) => k !== '__proto__'), tie('value'), { maxKeys: 4 }),
}));

/** Every string leaf and key of a value: the path an error must name (a refused key shown with U+FFFD), and a setter that appends `text` there (deep copy). */
function places(v: unknown, path: string[] = []): { field: () => string[]; put: (root: unknown, text: string) => unknown }[] {
  const copyWith = (root: unknown, at: string[], leaf: (old: unknown) => unknown, renameKey = false): unknown => {
    if (!at.length) return leaf(root);
    const [head, ...rest] = at;
    if (Array.isArray(root)) return root.map((x, i) => (String(i) === head ? copyWith(x, rest, leaf, renameKey) : x));
    const o = root as Record<string, unknown>;
    if (renameKey && !rest.length) return Object.fromEntries(Object.entries(o).map(([k, x]) => (k === head ? [leaf(k) as string, x] : [k, x])));
    return { ...o, [head]: copyWith(o[head], rest, leaf, renameKey) };
  };
  if (typeof v === 'string') return [{ field: () => path, put: (root, text) => copyWith(root, path, (old) => `${old}${text}`) }];
  if (Array.isArray(v)) return v.flatMap((x, i) => places(x, [...path, String(i)]));
  if (v && typeof v === 'object') {
    return Object.entries(v).flatMap(([k, x]) => [
      { field: () => [...path, `${k}\uFFFD`], put: (root: unknown, text: string) => copyWith(root, [...path, k], (old) => `${old}${text}`, true) },
      ...places(x, [...path, k]),
    ]);
  }
  return [];
}

describe('storable text', () => {
  it('accepts every well-formed string without NUL, surrogate pairs included, and refuses NUL and each lone surrogate', () => {
    fc.assert(fc.property(storable, (s) => isStorableText(s)));
    expect(isStorableText('emoji \uD83D\uDE00 ok')).toBe(true);
    // Well-formed neighbours never end in a high or start with a low surrogate, so the inserted one stays lone.
    fc.assert(fc.property(storable, bad, storable, (a, b, c) => !isStorableText(a + b + c)));
  });

  it('finds nothing in a value of storable text, and names exactly the field or key that holds a refused character', () => {
    fc.assert(fc.property(clean, (v) => unstorableFields(v).length === 0));
    fc.assert(
      fc.property(
        clean.filter((v) => places(v).length > 0),
        fc.nat(),
        fc.constantFrom('\u0000', '\uD800', '\uDC00'),
        (v, n, text) => {
          const all = places(v);
          const spot = all[n % all.length];
          const errors = unstorableFields(spot.put(v, text), 'q');
          expect(errors.map((e) => e.field)).toEqual([['q', ...spot.field()].join('.')]);
        },
      ),
    );
  });

  it('walks a very deep or very wide body without overflowing the stack and reports at most 20 fields', () => {
    let deep: unknown = 'x\u0000';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(unstorableFields(deep)).toHaveLength(1);
    expect(unstorableFields(Array.from({ length: 10_000 }, () => '\u0000'))).toHaveLength(20);
    expect(unstorableFields(Buffer.from([0, 0, 0]))).toEqual([]);
  });

  it('answers 400 INVALID_CHARACTERS naming the field for body, query and path, and NOTHING_TO_CHANGE for an empty PATCH', async () => {
    const app = Fastify();
    installErrorHandling(app);
    installStorableTextCheck(app);
    installEmptyPatchCheck(app);
    app.post('/t/:slug', async () => ({ ok: true }));
    app.patch('/t/:slug', async () => ({ ok: true }));
    const post = (url: string, payload: unknown) => app.inject({ method: 'POST', url, payload: payload as object });
    const body = await post('/t/a', { steps: [{ title: 'ok' }, { title: 'a\u0000b' }] });
    expect(body.statusCode).toBe(400);
    expect(body.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(body.json()).toMatchObject({ code: 'INVALID_CHARACTERS', errors: [{ field: 'steps.1.title' }] });
    expect((await post('/t/a?q=a%00b', {})).json()).toMatchObject({ code: 'INVALID_CHARACTERS', errors: [{ field: 'q' }] });
    expect((await post('/t/a%00b', {})).json()).toMatchObject({ code: 'INVALID_CHARACTERS', errors: [{ field: 'slug' }] });
    expect((await app.inject({ method: 'POST', url: '/t/a', headers: { 'content-type': 'application/json' }, payload: '{"a\\ud800":1}' })).json()).toMatchObject({ errors: [{ field: 'a\uFFFD' }] });
    expect((await post('/t/a', { emoji: '\uD83D\uDE00' })).statusCode).toBe(200);
    expect((await app.inject({ method: 'PATCH', url: '/t/a', payload: {} })).json()).toMatchObject({ code: 'NOTHING_TO_CHANGE' });
    expect((await app.inject({ method: 'PATCH', url: '/t/a', payload: { title: null } })).statusCode).toBe(200);
    await app.close();
  });

  it('still counts refused requests against the rate limit (the check runs after the limiter)', async () => {
    const app = Fastify();
    installErrorHandling(app);
    await app.register(rateLimit, { global: true, max: 2, timeWindow: '1 minute', hook: 'preValidation' });
    installStorableTextCheck(app);
    app.get('/t', async () => ({ ok: true }));
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push((await app.inject({ method: 'GET', url: '/t?q=a%00b' })).statusCode);
    expect(codes).toEqual([400, 400, 429, 429]);
    await app.close();
  });
});
