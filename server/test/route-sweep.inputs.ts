// Helpers of the route sweep's input cases: where a request schema holds text (so every string field gets the
// characters PostgreSQL cannot store), and a fingerprint of the database (so "nothing was written" can be checked).
import { sql } from 'drizzle-orm';
import type { Db } from '../src/kernel/db/database.ts';

/** The JSON-schema subset the sweep reads (as @fastify/swagger renders the zod contracts). */
export interface SweepSchema {
  type?: string | string[];
  enum?: unknown[];
  minItems?: number;
  items?: SweepSchema;
  properties?: Record<string, SweepSchema>;
  additionalProperties?: boolean | SweepSchema;
  anyOf?: SweepSchema[];
  oneOf?: SweepSchema[];
  allOf?: SweepSchema[];
}

/** Text PostgreSQL cannot store as sent: each must be refused with a 4xx wherever a request carries text. */
export const UNSTORABLE_TEXT: [string, string][] = [
  ['NUL', 'a\u0000b'],
  ['lone high surrogate', 'a\uD800b'],
  ['lone low surrogate', 'a\uDC00b'],
];

/**
 * The same characters as they can appear in a URL (path or query). Only NUL decodes to itself; a percent-encoded lone
 * surrogate (its three UTF-8-style bytes) is not valid UTF-8, so the URL decoders keep the text literally or refuse it.
 */
export const UNSTORABLE_URL_TEXT: [string, string, 'refused' | 'no-5xx'][] = [
  ['NUL', 'a%00b', 'refused'],
  ['encoded lone high surrogate', 'a%ED%A0%80b', 'no-5xx'],
  ['encoded lone low surrogate', 'a%ED%B0%80b', 'no-5xx'],
];

/** One place a request value holds text: its field path and a maker of a whole valid value with `bad` there. */
export interface TextSlot {
  field: string;
  make: (bad: string) => unknown;
}

const typeOf = (s: SweepSchema) => (Array.isArray(s.type) ? s.type.find((x) => x !== 'null') : s.type);
const join = (a: string, b: string) => (a && b ? `${a}.${b}` : a || b);

/**
 * Every string field of a schema at any depth (objects, array items, every alternative of a union, the values and
 * keys of records), each with a maker that fills the rest of the value with `gen` (the sweep's valid-value generator).
 */
export function textSlots(schema: SweepSchema, gen: (s: SweepSchema, name: string) => unknown, name = '', depth = 0): TextSlot[] {
  if (depth > 8) return [];
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return alternatives.filter((a) => typeOf(a) !== 'null').flatMap((a) => textSlots(a, gen, name, depth + 1));
  if (schema.allOf?.length) return schema.allOf.flatMap((a) => textSlots(a, gen, name, depth + 1));
  const type = typeOf(schema) ?? (schema.properties ? 'object' : undefined);
  if (type === 'string') return [{ field: '', make: (bad) => bad }];
  if (type === 'array' && schema.items) {
    const items = schema.items;
    const rest = () => Array.from({ length: Math.max(0, (schema.minItems ?? 1) - 1) }, () => gen(items, name));
    return textSlots(items, gen, name, depth + 1).map((s) => ({ field: join('0', s.field), make: (bad) => [s.make(bad), ...rest()] }));
  }
  if (type !== 'object') return [];
  const base = () => gen(schema, name) as Record<string, unknown>;
  const out: TextSlot[] = [];
  for (const [k, p] of Object.entries(schema.properties ?? {})) {
    for (const s of textSlots(p, gen, k, depth + 1)) out.push({ field: join(k, s.field), make: (bad) => ({ ...base(), [k]: s.make(bad) }) });
  }
  const extra = schema.additionalProperties;
  if (extra && typeof extra === 'object') {
    // A record (z.record): its keys are stored too (jsonb), so a key gets the characters as well as each value.
    out.push({ field: '(key)', make: (bad) => ({ ...base(), [`key${bad}`]: gen(extra, 'key') }) });
    for (const s of textSlots(extra, gen, 'key', depth + 1)) out.push({ field: join('key', s.field), make: (bad) => ({ ...base(), key: s.make(bad) }) });
  }
  return out;
}

/** One hash per table (all rows as text, sorted), leaving out tables that change on every request (session touch). */
export async function dbFingerprint(db: Db, skip = ['sessions']): Promise<Record<string, string>> {
  const rows = <T>(r: unknown) => (r as { rows: T[] }).rows;
  const tables = rows<{ name: string }>(await db.execute(sql`select tablename as name from pg_tables where schemaname = 'public' order by 1`))
    .map((r) => r.name)
    .filter((n) => !skip.includes(n));
  const query = tables.map((n) => `select '${n}' as t, md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as h from "${n}" x`).join(' union all ');
  return Object.fromEntries(rows<{ t: string; h: string }>(await db.execute(sql.raw(query))).map((r) => [r.t, r.h]));
}

/** The fingerprint once work after earlier requests (event consumers, notifications) has settled: two equal reads. */
export async function settledFingerprint(db: Db, ms = 3000): Promise<Record<string, string>> {
  const end = Date.now() + ms;
  let last = await dbFingerprint(db);
  for (;;) {
    await new Promise((r) => setTimeout(r, 60));
    const next = await dbFingerprint(db);
    if (JSON.stringify(next) === JSON.stringify(last) || Date.now() > end) return next;
    last = next;
  }
}

/** Tables whose fingerprint differs between two reads. */
export const changedTables = (a: Record<string, string>, b: Record<string, string>) => Object.keys({ ...a, ...b }).filter((k) => a[k] !== b[k]);
