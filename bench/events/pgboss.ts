// pg-boss 10 helpers for bench/events: its `db` adapter over a drizzle transaction, start/stop, and the PGlite probe.
import PgBoss from 'pg-boss';
import { openPglite } from '../../server/src/kernel/db/database.ts';
import type { DbOrTx } from '../../server/src/kernel/db/database.ts';
import { sleep, within } from './stats.ts';

type Query = (text: string, values?: unknown[]) => Promise<{ rows: unknown[] }>;

/**
 * pg-boss's `db` option (`executeSql`) over the connection of a drizzle transaction, so `send`/`insert` join it. Drizzle
 * keeps that connection (a pg PoolClient, or PGlite's transaction) as `session.client`; both answer `query(text, values)`.
 */
export function inTransaction(tx: DbOrTx): PgBoss.Db {
  const client = (tx as unknown as { session: { client: { query: Query } } }).session.client;
  return { executeSql: (text, values) => client.query(text, values) as Promise<{ rows: unknown[] }> };
}

/** A started pg-boss on its own pool of `max` connections (its defaults otherwise). */
export async function startBoss(url: string, max = 10): Promise<PgBoss> {
  const boss = new PgBoss({ connectionString: url, max });
  boss.on('error', (err) => console.error('pg-boss error:', err.message));
  await within(boss.start(), 60_000, 'pg-boss start');
  return boss;
}

export async function stopBoss(boss: PgBoss) {
  await within(boss.stop({ graceful: true, wait: true, timeout: 5000 }), 15_000, 'pg-boss stop').catch((err) => console.error(err.message));
}

export interface PgliteProbe {
  starts: boolean;
  sendAndWork: boolean;
  sendInTransaction: boolean | null;
  error: string | null;
  /** pg-boss start (schema install) on the open PGlite. */
  startMs: number;
  ms: number;
}

/**
 * Does pg-boss 10 run on PGlite (Hearth's embedded default)? An in-memory PGlite, pg-boss given a `db: { executeSql }`
 * adapter over it (parameterised statements through `query`, its multi-statement install/migration scripts through
 * `exec`); then start, one job sent and worked, and one send inside a drizzle transaction. Bounded to ~40 s.
 */
export async function probePglite(): Promise<PgliteProbe> {
  const t0 = Date.now();
  const out: PgliteProbe = { starts: false, sendAndWork: false, sendInTransaction: null, error: null, startMs: 0, ms: 0 };
  const database = await openPglite({ migrate: false });
  const pglite = database.pglite!;
  const adapter: PgBoss.Db = {
    executeSql: async (text, values) => {
      if (values?.length) return pglite.query(text, values);
      const results = await pglite.exec(text);
      return results[results.length - 1] ?? { rows: [] };
    },
  };
  const boss = new PgBoss({ db: adapter });
  const errors: string[] = [];
  boss.on('error', (err) => errors.push(err.message));
  try {
    const s0 = Date.now();
    await within(boss.start(), 20_000, 'pg-boss start on PGlite');
    out.startMs = Date.now() - s0;
    out.starts = true;
    await boss.createQueue('probe');
    let worked = false;
    await boss.work('probe', { pollingIntervalSeconds: 0.5 }, async () => {
      worked = true;
    });
    await boss.send('probe', { hello: 'pglite' });
    for (let i = 0; i < 100 && !worked; i++) await sleep(50);
    out.sendAndWork = worked;
    if (!worked) throw new Error(`job not worked within 5 s${errors.length ? `: ${errors[0]}` : ''}`);
    await database.db.transaction(async (tx) => {
      await boss.send('probe', { in: 'transaction' }, { db: inTransaction(tx) });
    });
    const { rows } = await pglite.query<{ n: number }>(`select count(*)::int as n from pgboss.job where name = 'probe' and data->>'in' = 'transaction'`);
    out.sendInTransaction = rows[0]?.n === 1;
  } catch (err) {
    out.error = (err instanceof Error ? err.message : String(err)).split('\n')[0].slice(0, 300);
  } finally {
    await within(boss.stop({ graceful: false, wait: true, timeout: 2000 }), 10_000, 'pg-boss stop on PGlite').catch(() => {});
    await database.close().catch(() => {});
    out.ms = Date.now() - t0;
  }
  return out;
}
