import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { openPglite, openPostgres } from '../src/kernel/db/database.ts';

/** Folder where the migrated PGlite template is written once per run. */
export const TEMPLATE_DIR = join(process.cwd(), '.tmp');
export const PGLITE_TEMPLATE = join(TEMPLATE_DIR, 'pglite-template.tar');
export const PG_TEMPLATE_DB = 'hearth_template';

/**
 * Builds the web app and the server bundle when stale, and migrates one database per engine before any test file runs: a PGlite dump that each file loads
 * into memory, and (with TEST_DATABASE_URL) a PostgreSQL template database each file clones.
 */
export default async function setup() {
  // The app serves web/dist (its headers are tested): build it when missing or older than its sources.
  execFileSync(process.execPath, ['scripts/ensure-web-build.mjs'], { stdio: 'inherit' });
  // Process tests start `hearth start`, which runs the server bundle: built once here rather than by the first starts.
  execFileSync(process.execPath, ['scripts/server-bundle.mjs'], { stdio: 'inherit' });
  mkdirSync(TEMPLATE_DIR, { recursive: true });
  const lite = await openPglite({});
  const dump = await lite.pglite?.dumpDataDir('none');
  writeFileSync(PGLITE_TEMPLATE, Buffer.from(await (dump as Blob).arrayBuffer()));
  await lite.close();

  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    // Old per-file databases of an interrupted run are dropped first.
    const old = await admin.query(`select datname from pg_database where datname like 'hearth_t_%' or datname = $1`, [PG_TEMPLATE_DB]);
    for (const r of old.rows) await admin.query(`drop database if exists "${r.datname}" with (force)`);
    await admin.query(`create database ${PG_TEMPLATE_DB}`);
    await admin.end();
    const tpl = await openPostgres(withDatabase(url, PG_TEMPLATE_DB), { max: 1 });
    await tpl.close();
  }
  // Without TEST_DATABASE_URL this pass runs on PGlite; scripts/test.mjs runs the PostgreSQL pass and fails in CI if it cannot.
}

/** The same connection string pointing at another database. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
