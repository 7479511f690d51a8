import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { FastifyInstance, InjectOptions } from 'fastify';
import pg from 'pg';
import { inject } from 'vitest';
import { people, organizations, personSkills } from '../db/schema/index.ts';
import { buildApp } from '../src/app.ts';
import { createDeps } from '../src/boot.ts';
import { type Config, loadConfig } from '../src/config.ts';
import { hashPassword } from '../src/kernel/auth/passwords.ts';
import { type Database, openPglite, openPostgres } from '../src/kernel/db/database.ts';
import type { AppDeps } from '../src/kernel/deps.ts';
import type { Mailer } from '../src/kernel/mail.ts';
import { PGLITE_TEMPLATE, pgTemplateDb, withDatabase } from './global-setup.ts';

/** Password every factory-made person has. */
export const TEST_PASSWORD = 'correct-horse-battery';
let hashed: Promise<string> | undefined;

/**
 * Emptied PGlite databases of earlier test files in this worker, ready for the next file. Test files share their worker
 * (vitest `isolate: false`), so this module and its pool live as long as the worker. Loading the migrated template into
 * a new PGlite costs about 1.5 s of CPU; emptying a used one costs a few milliseconds.
 */
const idlePglites: Database[] = [];

/** Every table of the schema, emptied in one statement; identities restart; the session's settings are reset. */
async function emptyPglite(database: Database) {
  const client = database.pglite;
  if (!client) throw new Error('not a PGlite database');
  await client.exec('rollback').catch(() => {});
  const { rows } = await client.query<{ name: string }>(`select format('%I.%I', schemaname, tablename) as name from pg_tables where schemaname = 'public'`);
  if (rows.length) await client.exec(`truncate ${rows.map((r) => r.name).join(', ')} restart identity cascade`);
  await client.exec('discard all');
}

/** A PGlite database for one test file: an emptied one from the pool, else the migrated template loaded into memory. */
async function openTestPglite(): Promise<Database> {
  const database = idlePglites.pop() ?? (await openPglite({ loadDataDir: new Blob([readFileSync(PGLITE_TEMPLATE)]), migrate: false }));
  let closed = false;
  return {
    ...database,
    close: async () => {
      if (closed) return;
      closed = true;
      try {
        await emptyPglite(database);
        idlePglites.push(database);
      } catch {
        await database.close();
      }
    },
  };
}

/**
 * Opens an empty migrated database for one test file: PGlite (reused from an earlier file of this worker once emptied),
 * or a clone of the PostgreSQL template when TEST_DATABASE_URL is set.
 */
export async function openTestDatabase(): Promise<Database & { url?: string }> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return openTestPglite();
  const prefix = inject('pgRunPrefix');
  const name = `${prefix}${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name} template ${pgTemplateDb(prefix)}`);
  await admin.end();
  const dbUrl = withDatabase(url, name);
  const database = await openPostgres(dbUrl, { migrate: false, max: 5 });
  const close = database.close;
  return {
    ...database,
    url: dbUrl,
    close: async () => {
      await close();
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

/** A mailer that keeps mail in memory (for tests that do not exercise SMTP itself). */
export function memoryMailer() {
  const sent: { to: string; subject: string; text: string; html?: string }[] = [];
  const mailer: Mailer & { sent: typeof sent } = { sent, send: async (m) => void sent.push(m) };
  return mailer;
}

/** A test app on a fresh database with factories and a signed-in client helper. */
export async function createTestApp(env: Record<string, string> = {}, opts: { mailer?: Mailer } = {}) {
  const database = await openTestDatabase();
  const config: Config = loadConfig({ LOG_LEVEL: 'silent', NODE_ENV: 'test', HEARTH_DATA_DIR: '.tmp/unused', ...(database.url ? { DATABASE_URL: database.url } : {}), ...env });
  const mailer = opts.mailer ?? memoryMailer();
  const deps = await createDeps(config, database, { mailer });
  const app = await buildApp(deps, { logger: false });
  await app.ready();
  return {
    app,
    deps,
    db: deps.db,
    mailer,
    async close() {
      await app.close();
      await deps.bus.close();
      await deps.readDatabase?.close();
      await database.close();
    },
    /** Creates an organization. */
    async buildOrg(name = `Org ${randomBytes(3).toString('hex')}`) {
      const [org] = await deps.db.insert(organizations).values({ name, slug: name.toLowerCase().replace(/\W+/g, '-') }).returning();
      return org;
    },
    /** Creates an active person with TEST_PASSWORD; every field has a default. */
    async buildPerson(orgId: string, over: Partial<typeof people.$inferInsert> & { skills?: { name: string; kind: 'have' | 'want'; level: number }[] } = {}) {
      hashed ??= hashPassword(TEST_PASSWORD);
      const { skills, ...rest } = over;
      const [p] = await deps.db
        .insert(people)
        .values({ orgId, email: `p${randomBytes(5).toString('hex')}@test.example`, name: `Person ${randomBytes(2).toString('hex')}`, status: 'active', passwordHash: await hashed, ...rest })
        .returning();
      if (skills?.length) await deps.db.insert(personSkills).values(skills.map((s) => ({ orgId, personId: p.id, kind: s.kind, name: s.name, key: s.name.toLowerCase(), level: s.level })));
      return p;
    },
    /** Signs in and returns a client that sends the cookie and CSRF token. */
    async signIn(email: string, password = TEST_PASSWORD) {
      return signedInClient(app, email, password);
    },
  };
}

/** The handle createTestApp returns. */
export type TestApp = Awaited<ReturnType<typeof createTestApp>>;

/** Signs in through the API and returns an inject-based client carrying the session. */
export async function signedInClient(app: FastifyInstance, email: string, password = TEST_PASSWORD) {
  const res = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in failed for ${email}: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'hearth_session');
  const csrf = res.json().csrfToken as string;
  const send = (o: InjectOptions) =>
    app.inject({ ...o, headers: { cookie: `hearth_session=${cookie?.value}`, 'x-csrf-token': csrf, ...(o.headers ?? {}) } });
  return {
    cookie: `hearth_session=${cookie?.value}`,
    csrf,
    me: res.json(),
    get: (url: string) => send({ method: 'GET', url }),
    post: (url: string, payload?: unknown) => send({ method: 'POST', url, payload: payload as InjectOptions['payload'] }),
    patch: (url: string, payload?: unknown) => send({ method: 'PATCH', url, payload: payload as InjectOptions['payload'] }),
    send,
  };
}

export type { AppDeps };
