import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { type Database, openPostgres } from '../server/src/kernel/db/database.ts';

export const benchRoot = new URL('.', import.meta.url).pathname;

/** Machine facts printed with every result so figures are read in context. */
export function machine() {
  const cpus = (() => {
    try {
      return execFileSync('nproc').toString().trim();
    } catch {
      return '?';
    }
  })();
  return { node: process.version, cpus, date: new Date().toISOString() };
}

/** Writes bench/results/<name>.json. */
export function writeResult(name: string, data: unknown) {
  mkdirSync(join(benchRoot, 'results'), { recursive: true });
  writeFileSync(join(benchRoot, 'results', `${name}.json`), `${JSON.stringify(data, null, 2)}\n`);
}

/** Replaces the section between <!-- name:start --> and <!-- name:end --> in bench/RESULTS.md (appends it if absent). */
export function writeResultsSection(name: string, markdown: string) {
  const file = join(benchRoot, 'RESULTS.md');
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  let text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmark results\n\nEach section is rewritten by its bench script; figures are from this project\'s 2-core machine.\n';
  const block = `${start}\n${markdown.trim()}\n${end}`;
  const i = text.indexOf(start);
  const j = text.indexOf(end);
  text = i >= 0 && j > i ? text.slice(0, i) + block + text.slice(j + end.length) : `${text.trimEnd()}\n\n${block}\n`;
  writeFileSync(file, text);
}

/** PostgreSQL the benches use: `TEST_DATABASE_URL`, or the local server's `postgres` database. */
export const defaultPgAdminUrl = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * A fresh, migrated PostgreSQL database for one bench run, named `<prefix>_<time>` on the server of `adminUrl`, and
 * `drop()` to remove it again (after closing `database`).
 */
export async function scratchPostgres(adminUrl: string, prefix: string, opts: { max?: number } = {}): Promise<{ database: Database; url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${Date.now()}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  const url = u.toString();
  return { database: await openPostgres(url, opts), url, drop: () => admin(`drop database if exists ${name} with (force)`) };
}
