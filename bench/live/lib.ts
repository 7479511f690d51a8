// Shared helpers of bench/live: a fresh database (PGlite folder or a PostgreSQL database of its own), people with
// real server-side sessions inserted in bulk, Hearth server processes (`hearth start`), WebSocket clients with
// session cookies, /proc readings of the server process, and percentiles.
// Sessions are rows of the `sessions` table made exactly as sign-in makes them (random token, SHA-256 stored), so
// the server authenticates them through its normal session hook; only the argon2 password check is skipped.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import WebSocket from 'ws';
import { hashPassword } from '../../server/src/kernel/auth/passwords.ts';
import { hashToken, newToken } from '../../server/src/kernel/auth/tokens.ts';
import { type Database, openPglite, openPostgres } from '../../server/src/kernel/db/database.ts';

export const BENCH_PASSWORD = 'hearth-bench-live';
export const PG_ADMIN_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

/** Ports this bench may use (4170-4179). */
export const PORTS = { idle: 4170, segment: 4171, chatA: 4172, chatB: 4173 } as const;

export type DbKind = 'pglite' | 'postgres';

/** A database prepared for a server process: open here for seeding, then handed over (`release`) to the server. */
export interface BenchDatabase {
  kind: DbKind;
  database: Database;
  /** Environment for `hearth start` so it uses this database. */
  serverEnv: Record<string, string>;
  /** Closes the seeding connection (PGlite must be closed before the server opens its folder). */
  release(): Promise<void>;
  /** Removes the folder or drops the database. */
  cleanup(): Promise<void>;
}

const exitCleanups = new Set<() => Promise<void>>();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    // An interrupted run still stops its servers and drops its database.
    void Promise.allSettled([...exitCleanups].map((f) => f())).then(() => process.exit(130));
  });
}
/** Runs `fn` if the bench is interrupted (until the returned function unregisters it). */
export function onInterrupt(fn: () => Promise<void>) {
  exitCleanups.add(fn);
  return () => exitCleanups.delete(fn);
}

/** Opens (and migrates) a fresh database: a PGlite folder, or PostgreSQL `hearth_bench_live_<pid>`. */
export async function createBenchDatabase(kind: DbKind): Promise<BenchDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hearth-bench-live-'));
  if (kind === 'pglite') {
    const database = await openPglite({ dataDir });
    let open = true;
    return {
      kind,
      database,
      serverEnv: { HEARTH_DATA_DIR: dataDir },
      async release() {
        if (open) await database.close();
        open = false;
      },
      async cleanup() {
        if (open) await database.close();
        open = false;
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const name = `hearth_bench_live_${process.pid}`;
  await adminQuery(`drop database if exists ${name} with (force)`);
  await adminQuery(`create database ${name}`);
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  const database = await openPostgres(url.toString(), { max: 10 });
  let open = true;
  const unregister = onInterrupt(async () => {
    await database.close().catch(() => {});
    await adminQuery(`drop database if exists ${name} with (force)`);
    rmSync(dataDir, { recursive: true, force: true });
  });
  return {
    kind,
    database,
    serverEnv: { DATABASE_URL: url.toString(), HEARTH_DATA_DIR: dataDir },
    async release() {
      if (open) await database.close();
      open = false;
    },
    async cleanup() {
      if (open) await database.close();
      open = false;
      await adminQuery(`drop database if exists ${name} with (force)`);
      rmSync(dataDir, { recursive: true, force: true });
      unregister();
    },
  };
}

async function adminQuery(text: string) {
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(text);
  } finally {
    await admin.end();
  }
}

/** A person of the bench organization with a live session. */
export interface BenchPerson {
  id: string;
  email: string;
  name: string;
  department: string;
  /** Cookie header value `hearth_session=<token>`. */
  cookie: string;
  /** The session's CSRF token (X-CSRF-Token on writes). */
  csrf: string;
}

const rowsOf = <T>(r: unknown) => (r as { rows: T[] }).rows;

/**
 * Creates one organization with `count` active people (12 departments) and one session per person, in bulk.
 * `roles(i)` gives explicit roles (e.g. facilitator) to person i. Every person can also sign in with BENCH_PASSWORD.
 */
export async function seedOrg(database: Database, count: number, opts: { slug?: string; roles?: (i: number) => string[] } = {}) {
  const db = database.db;
  const slug = opts.slug ?? 'bench-live';
  const hash = await hashPassword(BENCH_PASSWORD);
  const [org] = rowsOf<{ id: string }>(await db.execute(sql`insert into organizations (name, slug) values (${`Bench ${slug}`}, ${slug}) returning id`));
  const people: BenchPerson[] = [];
  const chunk = 500;
  for (let from = 0; from < count; from += chunk) {
    const n = Math.min(chunk, count - from);
    const values = Array.from({ length: n }, (_, k) => {
      const i = from + k;
      const roles = opts.roles?.(i) ?? [];
      return sql`(${org.id}, ${`p${i}@${slug}.example`}, ${`Person ${i}`}, ${`Dept ${i % 12}`}, 'active', ${hash}, ${`{${roles.join(',')}}`}::text[])`;
    });
    const inserted = rowsOf<{ id: string; email: string; name: string; department: string }>(
      await db.execute(sql`insert into people (org_id, email, name, department, status, password_hash, roles) values ${sql.join(values, sql`, `)} returning id, email, name, department`),
    );
    const expires = new Date(Date.now() + 12 * 3600_000).toISOString();
    const sessions = inserted.map((p) => ({ ...p, token: newToken(), csrf: newToken() }));
    await db.execute(
      sql`insert into sessions (token_hash, person_id, org_id, csrf_token, expires_at) values ${sql.join(
        sessions.map((s) => sql`(${hashToken(s.token)}, ${s.id}, ${org.id}, ${s.csrf}, ${expires}::timestamptz)`),
        sql`, `,
      )}`,
    );
    // `returning` keeps insertion order on both engines; sort by the numeric suffix anyway to be safe.
    for (const s of sessions) people.push({ id: s.id, email: s.email, name: s.name, department: s.department, cookie: `hearth_session=${s.token}`, csrf: s.csrf });
  }
  people.sort((a, b) => Number(a.email.slice(1, a.email.indexOf('@'))) - Number(b.email.slice(1, b.email.indexOf('@'))));
  return { orgId: org.id, people };
}

/** Environment shared by every bench server: quiet logs, no demo, limits lifted so the bench measures fan-out. */
export const SERVER_ENV = {
  LOG_LEVEL: 'warn',
  HEARTH_DEMO: 'off',
  API_RATE_LIMIT_PER_MINUTE: '100000000',
  SIGNIN_PER_IP_PER_MINUTE: '1000',
  POSTS_PER_MINUTE: '100000',
  MESSAGES_PER_MINUTE: '100000',
  LIVE_MESSAGES_PER_MINUTE: '100000',
  DIGEST_INTERVAL_SECONDS: '0',
  EVENT_REMINDER_INTERVAL_SECONDS: '0',
};

/** A `hearth start` process of the bench. */
export interface NodeProcess {
  pid: number;
  url: string;
  output: () => string;
  stop(): Promise<void>;
}

/**
 * Starts `node bin/hearth.mjs start` (its own process) on `port` and waits for /api/health.
 * BENCH_SERVER_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=prof") adds node flags to profile the server;
 * BENCH_SERVER_STDERR=1 shows its stderr.
 */
export async function startNode(db: BenchDatabase, port: number, extra: Record<string, string> = {}): Promise<NodeProcess> {
  const flags = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const proc = spawn(process.execPath, [...flags, 'bin/hearth.mjs', 'start'], {
    env: { ...process.env, HOST: '127.0.0.1', ...SERVER_ENV, ...db.serverEnv, ...extra, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout?.on('data', (d) => (out = (out + d).slice(-20_000)));
  proc.stderr?.on('data', (d) => (out = (out + d).slice(-20_000)));
  // BENCH_SERVER_STDERR=1 passes the server's stderr through (e.g. timings a developer adds while profiling).
  if (process.env.BENCH_SERVER_STDERR === '1') proc.stderr?.on('data', (d) => process.stderr.write(d));
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const node: NodeProcess = {
    pid: proc.pid as number,
    url,
    output: () => out,
    async stop() {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGTERM');
      const killer = setTimeout(() => proc.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(killer);
    },
  };
  const unregister = onInterrupt(() => node.stop());
  const stop = node.stop;
  node.stop = async () => {
    await stop();
    unregister();
  };
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline && proc.exitCode === null) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) return node;
    } catch {}
    await sleep(200);
  }
  await node.stop();
  throw new Error(`server on port ${port} did not become healthy:\n${out}`);
}

/** Fields of /proc/<pid>/status in bytes (VmRSS = resident now, VmHWM = peak resident). */
export function procMemory(pid: number) {
  const text = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? NaN) * 1024;
  return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
}

/** CPU seconds (user + system) used so far by a process. */
export function procCpuSeconds(pid: number) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
  return (Number(fields[11]) + Number(fields[12])) / ticks;
}

/** The commit the servers ran (with "+changes" when server files had uncommitted edits). */
export function revision() {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD']).toString().trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'server', 'contracts', 'engine']).toString().trim();
    return dirty ? `${head}+changes` : head;
  } catch {
    return '?';
  }
}

/** The machine's load averages (1, 5, 15 min), rounded. */
export const load = () => loadavg().map((x) => Number(x.toFixed(2)));

/** Nearest-rank percentile. */
export function pct(xs: number[], p: number) {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return Number(s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))].toFixed(1));
}

/** p50/p95/p99/max and count of a sample. */
export const summary = (xs: number[]) => ({ n: xs.length, p50: pct(xs, 50), p95: pct(xs, 95), p99: pct(xs, 99), max: pct(xs, 100) });

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export const mb = (bytes: number) => Number((bytes / 1024 / 1024).toFixed(1));

/** A WebSocket client of one person: counts what it receives and lets the bench wait for messages. */
export class Client {
  readonly ws: WebSocket;
  /** Messages and bytes received. */
  received = 0;
  bytes = 0;
  /** performance.now() of the `hello` message (null until then). */
  helloAt: number | null = null;
  /** Size of the `hello` message (it lists everyone online in the organization). */
  helloBytes = 0;
  private listeners = new Set<(m: Record<string, unknown>, at: number) => void>();
  readonly opened: Promise<void>;
  readonly hello: Promise<void>;
  constructor(base: string, readonly person: BenchPerson) {
    this.ws = new WebSocket(`${base.replace('http', 'ws')}/api/ws`, { headers: { cookie: person.cookie, origin: base }, perMessageDeflate: false });
    this.opened = new Promise((resolve, reject) => {
      this.ws.once('open', () => resolve());
      this.ws.once('error', reject);
      this.ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
    });
    let helloResolve: () => void;
    this.hello = new Promise((r) => (helloResolve = r));
    this.ws.on('message', (raw) => {
      const at = performance.now();
      this.received++;
      this.bytes += (raw as Buffer).length;
      if (this.listeners.size === 0 && this.helloAt !== null) return; // idle: count only
      const m = JSON.parse(String(raw)) as Record<string, unknown>;
      if (m.type === 'hello' && this.helloAt === null) {
        this.helloAt = at;
        this.helloBytes = (raw as Buffer).length;
        helloResolve();
      }
      for (const l of this.listeners) l(m, at);
    });
  }

  /** Calls `fn` for every message until the returned function is called. */
  listen(fn: (m: Record<string, unknown>, at: number) => void) {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** Subscribes to a channel; resolves with whether the server allowed it. */
  subscribe(channel: string, timeoutMs = 30_000): Promise<boolean> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        stop();
        reject(new Error(`no answer to subscribe ${channel}`));
      }, timeoutMs);
      const stop = this.listen((m) => {
        if (m.type === 'subscribed' && m.channel === channel) {
          clearTimeout(timer);
          stop();
          resolve(m.ok === true);
        }
      });
      this.ws.send(JSON.stringify({ type: 'subscribe', channel }));
    });
  }

  close() {
    this.ws.terminate();
  }
}

/** Opens clients with at most `concurrency` handshakes in flight; resolves when every one got its `hello` (or, past `deadline`, with those opened). */
export async function connectAll(base: string, people: BenchPerson[], concurrency = 50, progress?: (done: number) => void, deadline = Infinity): Promise<Client[]> {
  const clients: Client[] = new Array(people.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < people.length && performance.now() < deadline) {
      const i = next++;
      const c = new Client(base, people[i]);
      clients[i] = c;
      await c.opened;
      // A socket whose `hello` never comes (the server failed its presence bookkeeping) still counts as open.
      await Promise.race([c.hello, sleep(30_000)]);
      progress?.(++done);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, people.length) }, worker));
  return clients.filter(Boolean);
}

/** JSON over HTTP as one person (CSRF token on writes); throws on an unexpected status. */
export async function api<T = unknown>(base: string, who: BenchPerson, method: string, path: string, body?: unknown, expect: number[] = [200, 201, 204]): Promise<T> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { cookie: who.cookie, origin: base, ...(method === 'GET' ? {} : { 'x-csrf-token': who.csrf }), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!expect.includes(res.status)) throw new Error(`${method} ${path} → ${res.status}: ${text.slice(0, 400)}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Runs `fn` over items with at most `concurrency` in flight. */
export async function pool<T, R>(items: T[], concurrency: number, fn: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i], i);
      }
    }),
  );
  return out;
}
