import { EventEmitter } from 'node:events';
import pg from 'pg';

/** A message for everyone subscribed to a channel on any node. */
export interface ChannelMessage {
  channel: string;
  message: Record<string, unknown>;
}

/** Cross-node fan-out: publish reaches the subscribers of every node. */
export interface ChannelBus {
  publish(channel: string, message: Record<string, unknown>): Promise<void>;
  subscribe(listener: (m: ChannelMessage) => void): void;
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
    close: async () => void emitter.removeAllListeners(),
  };
}

const PG_CHANNEL = 'hearth_bus';

/**
 * PostgreSQL LISTEN/NOTIFY bus: a dedicated connection listens; NOTIFY goes through the pool.
 * Payloads stay small (ids, not content) because NOTIFY is limited to 8 KB. Reconnects with backoff.
 */
export async function createPostgresBus(url: string, pool: pg.Pool, log: (msg: string, err?: unknown) => void = () => {}): Promise<ChannelBus> {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  let client: pg.Client | null = null;
  let closed = false;
  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: url });
    c.on('notification', (n) => {
      if (!n.payload) return;
      try {
        emitter.emit('m', JSON.parse(n.payload));
      } catch {}
    });
    c.on('error', (err) => {
      log('bus connection lost', err);
      client = null;
      if (!closed) setTimeout(() => void connect().catch(() => {}), 1000);
    });
    await c.connect();
    await c.query(`LISTEN ${PG_CHANNEL}`);
    client = c;
  };
  await connect();
  return {
    async publish(channel, message) {
      const payload = JSON.stringify({ channel, message });
      if (Buffer.byteLength(payload) > 7900) throw new Error('bus payload too large; send ids');
      await pool.query('select pg_notify($1, $2)', [PG_CHANNEL, payload]);
    },
    subscribe: (l) => void emitter.on('m', l),
    async close() {
      closed = true;
      emitter.removeAllListeners();
      await client?.end().catch(() => {});
    },
  };
}
