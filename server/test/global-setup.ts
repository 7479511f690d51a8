import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openPglite, openPostgres } from '../src/kernel/db/database.ts';

/** Folder where the migrated PGlite template is written once per run. */
export const TEMPLATE_DIR = join(process.cwd(), '.tmp');
export const PGLITE_TEMPLATE = join(TEMPLATE_DIR, 'pglite-template.tar');

declare module 'vitest' {
  export interface ProvidedContext {
    /** This run's prefix for PostgreSQL database names (`hearth_t<pid>_`); its template is `<prefix>template`. */
    pgRunPrefix: string;
  }
}

/**
 * A run's PostgreSQL databases carry the process id of the run (`hearth_t<pid>_…`), so two runs on one PostgreSQL
 * (a whole suite, and one file run beside it) never drop each other's databases.
 */
export const pgRunPrefix = (pid: number) => `hearth_t${pid}_`;
export const pgTemplateDb = (prefix: string) => `${prefix}template`;

/** Whether a process with this id is running on this machine. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Builds the web app and the server bundle when stale, and migrates one database per engine before any test file runs: a PGlite dump that each file loads
 * into memory, and (with TEST_DATABASE_URL) a PostgreSQL template database each file clones.
 */
export default async function setup(project: TestProject) {
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
  const prefix = pgRunPrefix(process.pid);
  project.provide('pgRunPrefix', prefix);
  if (url) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    // Databases left by runs that are no longer running (interrupted) are dropped first; so are the older unnumbered ones.
    const old = await admin.query<{ datname: string }>(`select datname from pg_database where datname like 'hearth\\_t%' or datname = 'hearth_template'`);
    for (const { datname } of old.rows) {
      const owner = /^hearth_t(\d+)_/.exec(datname);
      if (!owner || !alive(Number(owner[1]))) await admin.query(`drop database if exists "${datname}" with (force)`);
    }
    await admin.query(`create database ${pgTemplateDb(prefix)}`);
    await admin.end();
    const tpl = await openPostgres(withDatabase(url, pgTemplateDb(prefix)), { max: 1 });
    await tpl.close();
    return async () => {
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      await a.query(`drop database if exists ${pgTemplateDb(prefix)} with (force)`);
      await a.end();
    };
  }
  // Without TEST_DATABASE_URL this pass runs on PGlite; scripts/test.mjs runs the PostgreSQL pass and fails in CI if it cannot.
}

/** The same connection string pointing at another database. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
