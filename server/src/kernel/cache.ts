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
  // Bumped by every invalidation: a load that started before one must not store what it read.
  private epoch = 0;
  private readonly channel: string;

  constructor(
    private bus: ChannelBus,
    name: string,
    private opts: { ttlMs: number; max: number; log?: (msg: string, err?: unknown) => void },
  ) {
    this.channel = `cache:${name}`;
    bus.subscribe(({ channel, message }) => {
      if (channel === this.channel && typeof message.scope === 'string') this.drop(message.scope);
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
   * The cached value, or `load()`'s. A loaded value is kept only when no invalidation happened while it loaded
   * (it may predate the write that caused it); `load` returns null for "nothing to keep".
   */
  async getOrLoad(key: string, load: () => Promise<{ value: V; scope: string } | null>, now = Date.now()): Promise<V | undefined> {
    const hit = this.get(key, now);
    if (hit !== undefined) return hit;
    const epoch = this.epoch;
    const loaded = await load();
    if (!loaded) return undefined;
    if (epoch === this.epoch) this.set(key, loaded.scope, loaded.value, now);
    return loaded.value;
  }

  /** Stores a value (evicting the oldest entry when full). */
  set(key: string, scope: string, value: V, now = Date.now()) {
    this.delete(key);
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
    for (const key of this.scopes.get(scope) ?? []) this.entries.delete(key);
    this.scopes.delete(scope);
  }

  /**
   * Drops a scope on this node now (synchronously) and on every other node via the bus; call it after the write
   * committed. The promise settles when the message is sent and never rejects: a lost message is logged, and the
   * TTL bounds how long another node may serve the old value.
   */
  invalidate(scope: string): Promise<void> {
    this.drop(scope);
    return this.bus.publish(this.channel, { scope }).catch((err) => this.opts.log?.(`${this.channel}: invalidation not sent`, err));
  }

  /** Number of entries on this node. */
  get size() {
    return this.entries.size;
  }
}
