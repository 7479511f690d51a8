import type { Config } from '../config.ts';
import type { SessionCache } from './auth/sessions.ts';
import type { Database, Db } from './db/database.ts';
import type { EventBus } from './events.ts';
import type { Mailer } from './mail.ts';
import type { SocketHub } from './realtime/hub.ts';

/** Everything a module may use; built once in main.ts (or a test) and passed to buildApp. */
export interface AppDeps {
  config: Config;
  database: Database;
  db: Db;
  /** Where heavy reads go (analytics, the network report): a pool to DATABASE_READ_URL when set on PostgreSQL, else `db`. Never write through it. */
  readDb: Db;
  /** The replica pool behind `readDb`, when there is one (closed with the app's database). */
  readDatabase?: Database;
  events: EventBus;
  hub: SocketHub;
  mailer: Mailer;
  /** This node's cache of sessions; invalidate a person's after ending or changing their sessions. */
  sessions: SessionCache;
  /** Identity of this process for presence bookkeeping. */
  nodeId: string;
}
