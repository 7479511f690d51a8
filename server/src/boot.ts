import { hostname } from 'node:os';
import { join } from 'node:path';
import type { Config } from './config.ts';
import { createSessionCache } from './kernel/auth/sessions.ts';
import type { Database } from './kernel/db/database.ts';
import { openPglite, openPostgres } from './kernel/db/database.ts';
import type { AppDeps } from './kernel/deps.ts';
import { EventBus } from './kernel/events.ts';
import { createMailer, type Mailer } from './kernel/mail.ts';
import { type ChannelBus, createLocalBus, createPostgresBus } from './kernel/realtime/channel-bus.ts';
import { SocketHub } from './kernel/realtime/hub.ts';

/** Opens the configured database: PostgreSQL when DATABASE_URL is set, else PGlite in HEARTH_DATA_DIR. */
export function openDatabase(config: Config, log?: (msg: string, err?: unknown) => void): Promise<Database> {
  return config.DATABASE_URL ? openPostgres(config.DATABASE_URL, { log }) : openPglite({ dataDir: config.HEARTH_DATA_DIR });
}

/** Wires the module dependencies around an open database. */
export async function createDeps(
  config: Config,
  database: Database,
  opts: { mailer?: Mailer; log?: (msg: string, err?: unknown) => void } = {},
): Promise<AppDeps & { bus: ChannelBus }> {
  const log = opts.log ?? (() => {});
  const bus =
    database.kind === 'postgres' && config.DATABASE_URL && database.pool
      ? await createPostgresBus(config.DATABASE_URL, database.pool, log)
      : createLocalBus();
  const hub = new SocketHub(bus, (channel, err) => log(`live update on ${channel.split(':')[0]} could not be published`, err));
  // Messages sent while this node could not listen never arrived: once it listens again, every socket is closed
  // (1012, service restart), and the web app reconnects at once and refetches what it shows.
  bus.onConnection((state) => state === 'restored' && hub.closeAll(1012, 'live updates resumed: reconnect'));
  // A replica is only for PostgreSQL deployments: PGlite is one embedded process with nothing to replicate to.
  const readDatabase = database.kind === 'postgres' && config.DATABASE_READ_URL ? await openPostgres(config.DATABASE_READ_URL, { migrate: false, max: 5, log }) : undefined;
  return {
    config,
    database,
    db: database.db,
    readDb: readDatabase?.db ?? database.db,
    readDatabase,
    bus,
    hub,
    sessions: createSessionCache(bus, log),
    events: new EventBus((err, e, consumer) => log(`event delivery failed: ${consumer} on ${e.type}`, err)),
    mailer: opts.mailer ?? createMailer(config.SMTP_URL, config.MAIL_FROM, join(config.HEARTH_DATA_DIR, 'outbox'), (m) => log(m)),
    nodeId: config.NODE_ID ?? `${hostname()}:${process.pid}`,
  };
}
