import { EventEmitter } from 'node:events';
import pg from 'pg';

/** A message for everyone subscribed to a channel on any node. */
export interface ChannelMessage {
  channel: string;
  message: Record<string, unknown>;
}

/**
 * Whether this node hears other nodes' messages: `lost` when the listening connection dropped, `restored` when it
 * listens again. Messages published in between never arrive here, so whatever relies on them (caches kept fresh by
 * invalidation messages, live pages) must start over on `restored`.
 */
export type BusConnectionState = 'lost' | 'restored';

/** Cross-node fan-out: publish reaches the subscribers of every node. */
export interface ChannelBus {
  publish(channel: string, message: Record<string, unknown>): Promise<void>;
  subscribe(listener: (m: ChannelMessage) => void): void;
  /** Hears each change of the listening connection (never on the in-process bus, which cannot lose messages). */
  onConnection(listener: (state: BusConnectionState) => void): void;
  close(): Promise<void>;
}

/** Single-process bus for the embedded database. */
export function createLocalBus(): ChannelBus {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    async publish(channel, message) {
      // Deliver asynchronously, like NOTIFY, so publishers never re-enter listeners.
      queueMicrotask(() => emitter.emit('m', { channel, message }));
    },
    subscribe: (l) => void emitter.on('m', l),
    onConnection: () => {},
    close: async () => void emitter.removeAllListeners(),
  };
}

const PG_CHANNEL = 'hearth_bus';

/** Delays between attempts to listen again: doubling from `firstMs` up to `maxMs`, each with ±25% jitter. */
export interface BusRetry {
  firstMs: number;
  maxMs: number;
}

/**
 * PostgreSQL LISTEN/NOTIFY bus: a dedicated connection listens; NOTIFY goes through the pool. Payloads stay small
 * (ids, not content) because NOTIFY is limited to 8 KB.
 *
 * A database outage never ends the process and never leaves the node deaf: the listening client keeps a permanent
 * `error` listener, and a lost connection is replaced with backoff (at most `retry.maxMs` apart, so live updates
 * resume within about two seconds of PostgreSQL's return), listening on the channel again. Listeners of
 * `onConnection` hear `lost` once per loss and `restored` once it listens again.
 */
export async function createPostgresBus(
  url: string,
  pool: pg.Pool,
  log: (msg: string, err?: unknown) => void = () => {},
  retry: BusRetry = { firstMs: 200, maxMs: 2000 },
): Promise<ChannelBus> {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  let client: pg.Client | null = null;
  let closed = false;
  let attempt = 0;
  let timer: NodeJS.Timeout | undefined;

  const open = async (): Promise<pg.Client> => {
    // keepAlive: a connection that silently died (network cut, no FIN) is noticed in about a minute, not never.
    const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000, keepAlive: true, keepAliveInitialDelayMillis: 10_000 });
    // Permanent: pg emits `error` (sometimes twice for one loss) whenever the connection fails, and an `error`
    // event without a listener throws. `end` follows every loss; either one reports it, once (see lost).
    c.on('error', (err) => lost(c, err));
    c.on('end', () => lost(c));
    c.on('notification', (n) => {
      if (!n.payload) return;
      try {
        emitter.emit('m', JSON.parse(n.payload));
      } catch {}
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${PG_CHANNEL}`);
      return c;
    } catch (err) {
      c.end().catch(() => {});
      throw err;
    }
  };

  // Only the current client's loss counts: a client that failed while connecting, or one already replaced, is ignored.
  const lost = (c: pg.Client, err?: unknown) => {
    if (client !== c) return;
    client = null;
    if (closed) return;
    log('live updates paused: the listening database connection was lost; reconnecting', err && { message: (err as Error).message, code: (err as { code?: string }).code });
    emitter.emit('state', 'lost');
    schedule();
  };

  const schedule = () => {
    const delay = Math.min(retry.maxMs, retry.firstMs * 2 ** attempt) * (0.75 + Math.random() / 2);
    attempt += 1;
    timer = setTimeout(() => void reconnect(), delay);
    timer.unref();
  };

  const reconnect = async () => {
    if (closed) return;
    let c: pg.Client;
    try {
      c = await open();
    } catch {
      if (!closed) schedule();
      return;
    }
    if (closed) return void (await c.end().catch(() => {}));
    client = c;
    attempt = 0;
    log('live updates resumed: listening again');
    emitter.emit('state', 'restored');
  };

  client = await open();
  return {
    async publish(channel, message) {
      const payload = JSON.stringify({ channel, message });
      if (Buffer.byteLength(payload) > 7900) throw new Error('bus payload too large; send ids');
      await pool.query('select pg_notify($1, $2)', [PG_CHANNEL, payload]);
    },
    subscribe: (l) => void emitter.on('m', l),
    onConnection: (l) => void emitter.on('state', l),
    async close() {
      closed = true;
      clearTimeout(timer);
      emitter.removeAllListeners();
      const c = client;
      client = null;
      await c?.end().catch(() => {});
    },
  };
}
