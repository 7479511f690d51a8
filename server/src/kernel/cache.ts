import { randomUUID } from 'node:crypto';
import type { ChannelBus } from './realtime/channel-bus.ts';

interface Entry<V> {
  value: V;
  scope: string;
  expiresAt: number;
}

/**
 * A small per-node cache whose entries belong to a scope (an organization, a person). `invalidate(scope)` drops the
 * scope here at once and tells every other node over the ChannelBus, so a write on one node is not served stale by
 * another for longer than the bus takes to deliver. The TTL only bounds writes that raise no invalidation.
 */
export class ScopedCache<V> {
  private entries = new Map<string, Entry<V>>();
  private scopes = new Map<string, Set<string>>();
  // Loads in flight by key: concurrent misses of one key share a single load (no stampede when an entry expires
  // under load).
  private loading = new Map<string, Promise<V | undefined>>();
  // Bumped by every invalidation: a load that started before one must not store what it read.
  private epoch = 0;
  // Our own invalidations awaiting their echo from the bus, by message id.
  private echoes = new Map<string, () => void>();
  private readonly channel: string;
  // True while the bus has lost its connection (see the constructor).
  private deaf = false;

  constructor(
    private bus: ChannelBus,
    name: string,
    private opts: { ttlMs: number; max: number; log?: (msg: string, err?: unknown) => void },
  ) {
    this.channel = `cache:${name}`;
    bus.subscribe(({ channel, message }) => {
      if (channel !== this.channel) return;
      if (typeof message.scope === 'string') this.drop(message.scope);
      const echoed = typeof message.id === 'string' ? this.echoes.get(message.id) : undefined;
      echoed?.();
    });
    // While the bus cannot hear other nodes, their invalidations are lost: keep nothing (every read loads), and start
    // empty once it hears again.
    bus.onConnection((state) => {
      this.clear();
      this.deaf = state === 'lost';
    });
  }

  /** The live value for `key`, or undefined. */
  get(key: string, now = Date.now()): V | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (e.expiresAt > now) return e.value;
    this.delete(key);
    return undefined;
  }

  /**
   * The cached value, or `load()`'s; concurrent callers for one key share one load. A loaded value is kept only when
   * no invalidation happened while it loaded (it may predate the write that caused it), and a caller that arrives
   * after an invalidation does not join a load that started before it. `load` returns null for "nothing to keep".
   */
  getOrLoad(key: string, load: () => Promise<{ value: V; scope: string } | null>, now = Date.now()): Promise<V | undefined> {
    const hit = this.get(key, now);
    if (hit !== undefined) return Promise.resolve(hit);
    const pending = this.loading.get(key);
    if (pending) return pending;
    const epoch = this.epoch;
    const promise = load().then(
      (loaded) => {
        if (this.loading.get(key) === promise) this.loading.delete(key);
        if (!loaded) return undefined;
        if (epoch === this.epoch) this.set(key, loaded.scope, loaded.value, now);
        return loaded.value;
      },
      (err) => {
        if (this.loading.get(key) === promise) this.loading.delete(key);
        throw err;
      },
    );
    this.loading.set(key, promise);
    return promise;
  }

  /** Stores a value (evicting the oldest entry when full). */
  set(key: string, scope: string, value: V, now = Date.now()) {
    this.delete(key);
    if (this.deaf) return;
    if (this.entries.size >= this.opts.max) this.delete(this.entries.keys().next().value as string);
    this.entries.set(key, { value, scope, expiresAt: now + this.opts.ttlMs });
    let keys = this.scopes.get(scope);
    if (!keys) this.scopes.set(scope, (keys = new Set()));
    keys.add(key);
  }

  /** Forgets one key on this node only. */
  delete(key: string) {
    const e = this.entries.get(key);
    if (!e) return;
    this.entries.delete(key);
    const keys = this.scopes.get(e.scope);
    keys?.delete(key);
    if (keys && !keys.size) this.scopes.delete(e.scope);
  }

  /** Drops a scope on this node only (what a bus message does). */
  drop(scope: string) {
    this.epoch++;
    // Loads that started before this point may have read the old rows: later callers start a fresh one.
    this.loading.clear();
    for (const key of this.scopes.get(scope) ?? []) this.entries.delete(key);
    this.scopes.delete(scope);
  }

  /** Drops everything on this node, including loads in flight (the bus lost or regained its connection). */
  clear() {
    this.epoch++;
    this.loading.clear();
    this.entries.clear();
    this.scopes.clear();
  }

  /**
   * Drops a scope on this node now (synchronously) and on every other node via the bus; call it after the write
   * committed. The promise settles once this node has received its own message back (PostgreSQL hands a NOTIFY to
   * every listening node at once, so the others have it by then too), or after a second. It never rejects: a lost
   * message is logged, and the TTL bounds how long another node may serve the old value.
   */
  async invalidate(scope: string): Promise<void> {
    this.drop(scope);
    const id = randomUUID();
    let timer: NodeJS.Timeout | undefined;
    const echoed = new Promise<void>((resolve) => {
      this.echoes.set(id, resolve);
      timer = setTimeout(resolve, 1000);
    });
    try {
      await this.bus.publish(this.channel, { scope, id });
      await echoed;
    } catch (err) {
      this.opts.log?.(`${this.channel}: invalidation not sent`, err);
    } finally {
      clearTimeout(timer);
      this.echoes.delete(id);
    }
  }

  /** Number of entries on this node. */
  get size() {
    return this.entries.size;
  }
}
