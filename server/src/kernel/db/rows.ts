import type { SQL } from 'drizzle-orm';
import type { DbOrTx } from './database.ts';

/** Rows of a raw SQL query, the same shape on both drivers (PGlite and node-postgres). */
export async function selectRows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const res = (await db.execute(query)) as unknown as { rows: T[] };
  return res.rows;
}

/** The first row of a raw SQL query, or undefined. */
export async function selectRow<T>(db: DbOrTx, query: SQL): Promise<T | undefined> {
  return (await selectRows<T>(db, query))[0];
}

/** Escapes %, _ and \ for use inside an ILIKE pattern. */
export const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
