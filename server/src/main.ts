import { buildApp } from './app.ts';
import { createDeps, openDatabase } from './boot.ts';
import { loadConfig } from './config.ts';
import { DataDirLockedError } from './kernel/db/data-dir-lock.ts';
import { ensureDemo } from '../db/seeds/demo.ts';

/** Process entry: config -> db -> app -> listen, with graceful shutdown. */
export async function run(): Promise<number | undefined> {
  const started = performance.now();
  const config = loadConfig();
  let database;
  try {
    database = await openDatabase(config);
  } catch (err) {
    if (err instanceof DataDirLockedError) {
      console.error(`Hearth cannot start: ${err.message}`);
      return 1;
    }
    throw err;
  }
  const deps = await createDeps(config, database, { log: (m, err) => console.warn(m, err ?? '') });
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
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info(`${signal}: draining and shutting down`);
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    deps.hub.closeAll(1001, 'server shutting down');
    await app.close().catch(() => {});
    await deps.bus.close().catch(() => {});
    await database.close().catch(() => {});
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  return undefined;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  run().then((code) => {
    if (code) process.exit(code);
  });
}
