import { buildApp } from './app.ts';
import { createDeps, openDatabase } from './boot.ts';
import { loadConfig } from './config.ts';
import { DataDirLockedError } from './kernel/db/data-dir-lock.ts';
import { databaseErrorSummary, isDatabaseUnavailable } from './kernel/errors.ts';
import { ensureDemo } from '../db/seeds/demo.ts';

/**
 * Last resort, so that a database outage never ends the process. Every pg client has its own error listener and
 * failed requests answer 503; these catch what slips past: a rejected promise nobody awaited (fire-and-forget work
 * during an outage) is logged and the node keeps serving; an uncaught connection error is logged and ignored; any
 * other uncaught exception leaves the process in an unknown state, so it shuts down (code 1) for a supervisor to
 * restart.
 */
function guardProcess(stop: (reason: string, code: number) => Promise<void>) {
  process.on('unhandledRejection', (reason) => {
    if (isDatabaseUnavailable(reason)) console.warn('database unavailable (unawaited work):', (reason as Error).message);
    else console.error('unhandled rejection (the node keeps serving):', reason);
  });
  process.on('uncaughtException', (err) => {
    if (isDatabaseUnavailable(err)) return console.warn('database connection error (the node keeps serving):', err.message);
    console.error('uncaught exception: shutting down', err);
    void stop('uncaught exception', 1);
  });
}

/** Process entry: config -> db -> app -> listen, with graceful shutdown. */
export async function run(): Promise<number | undefined> {
  const started = performance.now();
  const config = loadConfig();
  // An outage's errors are logged as the driver's message and code: drizzle's wrapper carries the query's parameters.
  const log = (m: string, err?: unknown) => console.warn(m, isDatabaseUnavailable(err) ? databaseErrorSummary(err) : (err ?? ''));
  let database;
  try {
    database = await openDatabase(config, log);
  } catch (err) {
    if (err instanceof DataDirLockedError) {
      console.error(`Hearth cannot start: ${err.message}`);
      return 1;
    }
    throw err;
  }
  const deps = await createDeps(config, database, { log });
  const app = await buildApp(deps);
  const wantDemo = config.HEARTH_DEMO === 'on' || (config.HEARTH_DEMO === 'auto' && database.kind === 'pglite');
  const demo = wantDemo ? await ensureDemo(deps.db) : null;
  await app.listen({ port: config.PORT, host: config.HOST });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  const url = config.PUBLIC_URL ?? `http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${port}`;
  console.log(`\n  Hearth is running at ${url}  (database: ${database.kind}, ready in ${((performance.now() - started) / 1000).toFixed(1)} s)`);
  if (demo) console.log(`  Demo organization "${demo.orgName}"${demo.created ? ' created' : ''}: sign in as admin@example.com / hearth-demo\n`);

  let stopping = false;
  const stop = async (reason: string, code: number) => {
    if (stopping) return;
    stopping = true;
    app.log.info(`${reason}: draining and shutting down`);
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    deps.hub.closeAll(1001, 'server shutting down');
    await app.close().catch(() => {});
    await deps.bus.close().catch(() => {});
    await deps.readDatabase?.close().catch(() => {});
    await database.close().catch(() => {});
    process.exit(code);
  };
  process.on('SIGINT', () => void stop('SIGINT', 0));
  process.on('SIGTERM', () => void stop('SIGTERM', 0));
  // Only once serving: a failure while starting still ends the process with its error.
  guardProcess(stop);
  return undefined;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  run().then((code) => {
    if (code) process.exit(code);
  });
}
