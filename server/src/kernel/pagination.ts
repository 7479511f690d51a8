import { AppError } from './errors.ts';

/** Encodes keyset values as an opaque cursor. */
export function encodeCursor(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/** Decodes a cursor made by encodeCursor, or throws a 400 the client understands. */
export function decodeCursor<T extends unknown[]>(cursor: string, arity: number): T {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === arity && v.every((x) => typeof x === 'string' || typeof x === 'number')) return v as T;
  } catch {}
  throw new AppError('VALIDATION_FAILED', 'The cursor is not valid; start again from the first page.', {
    errors: [{ field: 'cursor', message: 'Invalid cursor' }],
  });
}

/**
 * Turns `limit + 1` fetched rows into a page: the first `limit` presented, and a cursor of the last one's keyset
 * values when there were more.
 */
export function toPage<R, T>(rows: R[], limit: number, present: (row: R) => T, keyOf: (row: R) => unknown[]): { items: T[]; nextCursor: string | null } {
  const kept = rows.slice(0, limit);
  const last = kept[kept.length - 1];
  return { items: kept.map(present), nextCursor: rows.length > limit && last !== undefined ? encodeCursor(keyOf(last)) : null };
}
