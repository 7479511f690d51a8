import type { Config } from '../config.ts';
import type { Database, Db } from './db/database.ts';
import type { EventBus } from './events.ts';
import type { Mailer } from './mail.ts';
import type { SocketHub } from './realtime/hub.ts';

/** Everything a module may use; built once in main.ts (or a test) and passed to buildApp. */
export interface AppDeps {
  config: Config;
  database: Database;
  db: Db;
  events: EventBus;
  hub: SocketHub;
  mailer: Mailer;
  /** Identity of this process for presence bookkeeping. */
  nodeId: string;
}
