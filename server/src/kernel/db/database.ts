import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import * as schema from '../../../db/schema/index.ts';
import { migrationsFolder } from '../paths.ts';
import { type DataDirLock, lockDataDir } from './data-dir-lock.ts';

/** The drizzle handle every repository takes (either driver; same query builder). */
export type Db = NodePgDatabase<typeof schema>;
/** A transaction or the database itself: repositories accept either. */
export type DbOrTx = Db | Parameters<Parameters<Db['transaction']>[0]>[0];

/** One open database: drizzle handle plus lifecycle. */
export interface Database {
  /** Which engine this is. */
  kind: 'pglite' | 'postgres';
  /** Drizzle query builder. */
  db: Db;
  /** Raw pg pool (postgres only), for LISTEN/NOTIFY and tools. */
  pool?: pg.Pool;
  /** Raw PGlite instance (pglite only). */
  pglite?: PGlite;
  /** Throws if the database does not answer. */
  ping(): Promise<void>;
  /** Closes connections and releases the data-dir lock. */
  close(): Promise<void>;
}


/** Opens PostgreSQL at `url` and applies migrations under an advisory lock so nodes starting together do not race. */
export async function openPostgres(
  url: string,
  opts: { migrate?: boolean; max?: number; log?: (msg: string, err?: unknown) => void } = {},
): Promise<Database> {
  // Each driver is loaded only when used: a PGlite start does not pay for node-postgres, nor PostgreSQL for PGlite.
  const [{ default: pg }, { drizzle: drizzlePg }, { migrate: migratePg }] = await Promise.all([
    import('pg'),
    import('drizzle-orm/node-postgres'),
    import('drizzle-orm/node-postgres/migrator'),
  ]);
  // int8 and numeric come back as strings from pg; Hearth casts counts to int in SQL, and bigserial ids fit in a JS number.
  pg.types.setTypeParser(20, (v) => Number(v));
  // At least two clients: one holds the migration lock while another migrates.
  const pool = new pg.Pool({ connectionString: url, max: Math.max(2, opts.max ?? 10), connectionTimeoutMillis: 5000 });
  watchPoolClients(pool, opts.log ?? (() => {}));
  const db = drizzlePg(pool, { schema });
  if (opts.migrate !== false) {
    const client = await pool.connect();
    try {
      await client.query('select pg_advisory_lock(727274)');
      await migratePg(db, { migrationsFolder });
    } finally {
      await client.query('select pg_advisory_unlock(727274)').catch(() => {});
      client.release();
    }
  }
  return {
    kind: 'postgres',
    db,
    pool,
    ping: async () => void (await pool.query('select 1')),
    close: () => pool.end(),
  };
}

/**
 * Keeps a database outage from ending the process. node-postgres emits `error` on a client whose connection fails
 * (PostgreSQL stopped or restarted, network lost), and an `error` event nobody listens to throws. The pool listens
 * only while a client is idle (and re-emits on the pool); a client checked out between two queries (a transaction
 * awaiting application code) has no listener at all. So every client gets a permanent listener the moment it
 * connects; the failed query itself still rejects (the HTTP layer answers 503), and the pool drops the broken client
 * on release. Only the first failure per client is logged: one connection loss can emit twice.
 */
function watchPoolClients(pool: pg.Pool, log: (msg: string, err?: unknown) => void) {
  pool.on('error', () => {}); // the idle client's error, already reported by its own listener below
  pool.on('connect', (client) => {
    let reported = false;
    client.on('error', (err) => {
      if (reported) return;
      reported = true;
      log('database connection lost', describeError(err));
    });
  });
}

/** An error as one log line's worth of fields (no query parameters: they may hold personal data). */
function describeError(err: unknown) {
  const e = err as { message?: string; code?: string } | null;
  return { message: e?.message, code: e?.code };
}

/** Opens the embedded database in `dataDir` (or in memory from a dump), locking the folder first. */
export async function openPglite(opts: { dataDir?: string; loadDataDir?: Blob; migrate?: boolean }): Promise<Database> {
  let lock: DataDirLock | undefined;
  let dir: string | undefined;
  if (opts.dataDir) {
    lock = lockDataDir(opts.dataDir);
    dir = join(opts.dataDir, 'pglite');
  }
  try {
    const [{ PGlite }, { drizzle: drizzlePglite }, { migrate: migratePglite }] = await Promise.all([
      import('@electric-sql/pglite'),
      import('drizzle-orm/pglite'),
      import('drizzle-orm/pglite/migrator'),
    ]);
    const client = opts.loadDataDir ? new PGlite({ dataDir: dir, loadDataDir: opts.loadDataDir }) : new PGlite(dir);
    await client.waitReady;
    const db = drizzlePglite(client, { schema }) as unknown as Db;
    if (opts.migrate !== false) await migratePglite(db as never, { migrationsFolder });
    return {
      kind: 'pglite',
      db,
      pglite: client,
      ping: async () => void (await client.query('select 1')),
      close: async () => {
        await client.close();
        lock?.release();
      },
    };
  } catch (err) {
    lock?.release();
    throw err;
  }
}

/** Runs `select 1` through drizzle; used by health checks. */
export async function pingDb(db: Db): Promise<void> {
  await db.execute(sql`select 1`);
}
