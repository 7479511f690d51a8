import type { Db, DbOrTx } from './db/database.ts';
import * as store from './event-store.ts';

/** A domain event named `<module>.<past_tense>`. */
export interface DomainEvent {
  type: string;
  orgId: string | null;
  payload: Record<string, unknown>;
}

/** An event as a consumer receives it: with its id, the key that makes handling it twice change nothing. */
export interface DeliveredEvent extends DomainEvent {
  id: number;
  /** 1 on the first delivery, more on retries. */
  attempt: number;
  /** When the event happened (its commit), ISO 8601: a replay long after still knows the day. */
  at: string;
}

type Handler = (event: DeliveredEvent) => void | Promise<void>;
type CommitHook = (event: DomainEvent) => void;

/** How a node delivers events; every field has a default (see config.ts for the environment variables). */
export interface DeliveryOptions {
  /** false: this node writes events but leaves their delivery to other nodes. */
  enabled: boolean;
  /** How often this node looks for due deliveries (retries, and events another node committed but did not deliver). */
  pollMs: number;
  /** First retry after this many ms; each further one waits twice as long (capped at an hour). */
  retryBaseMs: number;
  /** Deliveries that failed this many times are parked as dead. */
  maxAttempts: number;
  /** How long a claimed delivery is held before another node may take it (a handler must finish well within it). */
  leaseSeconds: number;
  /** Delivered events are deleted after this many days; 0 keeps them. */
  retentionDays: number;
}

/**
 * A handler gets half its lease: past that it counts as failed (retried later; its work is idempotent), so no claim
 * outlives its lease and a hung handler does not stall this node's poller.
 */
async function withinHalfLease(work: void | Promise<void>, leaseSeconds: number) {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`took longer than ${leaseSeconds / 2} s`)), (leaseSeconds * 1000) / 2);
  });
  try {
    await Promise.race([Promise.resolve(work), limit]);
  } finally {
    clearTimeout(timer);
  }
}

const DEFAULTS: DeliveryOptions = { enabled: true, pollMs: 1000, retryBaseMs: 1000, maxAttempts: 10, leaseSeconds: 60, retentionDays: 30 };

/**
 * Domain events with a durable outbox. `transaction` writes the events and one delivery row per consumer in the
 * same transaction as the change (a rolled-back write fires nothing). After commit, this node claims and handles
 * those deliveries at once; a poller on every node picks up whatever is left (a crash between commit and handling,
 * retries with exponential backoff). A delivery is deleted when its handler succeeds and parked as `dead` after
 * `maxAttempts` failures (org admins retry them from the System page). Claims lease rows with `for update skip
 * locked`, so two nodes never handle one delivery at once; handlers still get each event at least once and must be
 * idempotent, keyed by `event.id`. Consumers seen for the first time may replay the retained history.
 * `onCommit` hooks are for this node's in-memory state only (cache drops): they run synchronously after commit,
 * are not durable and die with the process, as the state they touch does.
 */
export class EventBus {
  private consumers = new Map<string, { name: string; handler: Handler; replay: boolean }[]>();
  private hooks = new Map<string, CommitHook[]>();
  private db: Db | null = null;
  private opts: DeliveryOptions = DEFAULTS;
  private timers: NodeJS.Timeout[] = [];
  private inFlight = new Set<Promise<unknown>>();
  private polling = false;
  private registered = false;
  private stopped = false;

  constructor(private log: (err: unknown, event: DomainEvent, consumer: string) => void = () => {}) {}

  /**
   * Subscribes `consumer` (a stable name: its module, e.g. `notifications`) to one event type. `replay: true` makes a
   * consumer that this database has never seen receive every retained event of the type (ledgers that are rebuilt
   * from history); otherwise it starts with the events written after it first ran.
   */
  on(type: string, consumer: string, handler: Handler, opts: { replay?: boolean } = {}) {
    const name = `${consumer}:${type}`;
    const list = this.consumers.get(type) ?? [];
    if (list.some((c) => c.name === name)) throw new Error(`consumer ${name} registered twice`);
    this.consumers.set(type, [...list, { name, handler, replay: opts.replay ?? false }]);
  }

  /**
   * Does an effect outside the database (a mail) once per event, consumer and `effect` key, however often the event
   * is delivered: recorded before it runs (so two deliveries never both do it) and forgotten when it fails (so the
   * retry does it). A node dying in the middle of one effect loses that effect: at most once, by design, for mail.
   */
  async once(event: DeliveredEvent, consumer: string, effect: string, work: () => Promise<unknown>): Promise<boolean> {
    const db = this.db;
    if (!db) throw new Error('event delivery has not started');
    if (!(await store.claimEffect(db, event.id, consumer, effect))) return false;
    try {
      await work();
      return true;
    } catch (err) {
      await store.releaseEffect(db, event.id, consumer, effect);
      throw err;
    }
  }

  /**
   * Writes a consumer's database effect of an event exactly once: the effect's record and `work` share one
   * transaction, so a redelivery (or two deliveries racing) writes nothing more. Answers false when it was done.
   */
  async onceWithin(event: DeliveredEvent, consumer: string, effect: string, work: (tx: DbOrTx) => Promise<unknown>): Promise<boolean> {
    const db = this.db;
    if (!db) throw new Error('event delivery has not started');
    return db.transaction(async (tx) => {
      if (!(await store.claimEffect(tx, event.id, consumer, effect))) return false;
      await work(tx);
      return true;
    });
  }

  /** Runs `hook` on this node right after a commit that emitted `type` (in-memory state only; not durable). */
  onCommit(type: string, hook: CommitHook) {
    this.hooks.set(type, [...(this.hooks.get(type) ?? []), hook]);
  }

  /** Runs `work` in a transaction; events it emits are written to the outbox with their deliveries and handled after commit. */
  async transaction<T>(db: Db, work: (tx: DbOrTx, emit: (e: DomainEvent) => void) => Promise<T>): Promise<T> {
    const pending: DomainEvent[] = [];
    let ids: number[] = [];
    const result = await db.transaction(async (tx) => {
      const value = await work(tx, (e) => pending.push(e));
      if (pending.length) ids = await store.insertEvents(tx, pending.map((e) => ({ ...e, consumers: (this.consumers.get(e.type) ?? []).map((c) => c.name) })));
      return value;
    });
    for (const e of pending) for (const hook of this.hooks.get(e.type) ?? []) this.safely(() => hook(e), e, 'onCommit');
    const delivered = ids.filter((_, i) => this.consumers.get(pending[i].type)?.length);
    if (delivered.length && this.db && this.opts.enabled && !this.stopped) this.track(this.deliver({ eventIds: delivered }));
    return result;
  }

  /**
   * Starts delivering on this node: records the consumers (replaying for new ones that ask), then polls. Never
   * throws: a database that is down at start is tried again at each poll.
   */
  async start(db: Db, opts: Partial<DeliveryOptions> = {}) {
    this.db = db;
    this.opts = { ...DEFAULTS, ...opts };
    this.stopped = false;
    this.registered = false;
    if (!this.opts.enabled) {
      await this.register().catch((err) => this.log(err, { type: 'start', orgId: null, payload: {} }, 'registration'));
      return;
    }
    this.timers = [setInterval(() => this.track(this.poll()), this.opts.pollMs), setInterval(() => this.track(this.prune()), 3600_000)];
    for (const t of this.timers) t.unref();
    await this.poll();
  }

  /** Records this code's consumers in the database once (new ones that asked get the retained history). */
  private async register() {
    if (this.registered || !this.db) return;
    const all = [...this.consumers.entries()].flatMap(([type, list]) => list.map((c) => ({ name: c.name, type, replay: c.replay })));
    await store.registerConsumers(this.db, all);
    this.registered = true;
  }

  /** Stops polling and waits for the deliveries under way (their rows are otherwise claimed again after the lease). */
  async stop() {
    this.stopped = true;
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
    await Promise.allSettled([...this.inFlight]);
  }

  /** Handles every due delivery now, until none is left (tests and the System page's "retry" use it). */
  async drain() {
    if (!this.db) return;
    while ((await this.deliver({ limit: 100 })) > 0);
  }

  /** Deletes delivered events past the retention; answers how many. */
  async prune(): Promise<number> {
    if (!this.db || !this.opts.retentionDays) return 0;
    return store.pruneEvents(this.db, this.opts.retentionDays, this.names());
  }

  private async poll() {
    if (this.polling || this.stopped) return;
    this.polling = true;
    try {
      await this.register();
      while (!this.stopped && (await this.deliver({ limit: 50 })) === 50);
    } catch (err) {
      // The database may be briefly unreachable: the next tick tries again.
      this.log(err, { type: 'poll', orgId: null, payload: {} }, 'poller');
    } finally {
      this.polling = false;
    }
  }

  /** Claims due deliveries and handles them; answers how many were claimed. */
  private async deliver(which: { eventIds?: number[]; limit?: number }): Promise<number> {
    const db = this.db as Db;
    const consumers = this.names();
    if (!which.eventIds) await store.parkExhausted(db, consumers, this.opts.maxAttempts);
    const claimed = await store.claimDeliveries(db, { consumers, eventIds: which.eventIds, limit: which.limit ?? 1000, leaseSeconds: this.opts.leaseSeconds, maxAttempts: this.opts.maxAttempts });
    await Promise.all(claimed.map((d) => this.handle(db, d)));
    return claimed.length;
  }

  private async handle(db: Db, d: store.ClaimedDelivery) {
    const type = d.type;
    const consumer = this.consumers.get(type)?.find((c) => c.name === d.consumer);
    const event: DeliveredEvent = { id: d.eventId, type, orgId: d.orgId, payload: d.payload, attempt: d.attempts, at: new Date(d.createdAt).toISOString() };
    try {
      if (!consumer) throw new Error(`no consumer ${d.consumer} for ${type}`);
      await withinHalfLease(consumer.handler(event), this.opts.leaseSeconds);
      await store.completeDelivery(db, d);
    } catch (err) {
      this.log(err, event, d.consumer);
      const retry = d.attempts >= this.opts.maxAttempts ? null : Math.min(3600, (this.opts.retryBaseMs * 2 ** (d.attempts - 1)) / 1000);
      await store.failDelivery(db, d, err instanceof Error ? err.message : String(err), retry).catch((e) => this.log(e, event, d.consumer));
    }
  }

  /** The names of this node's consumers (it claims only their deliveries). */
  private names() {
    return [...this.consumers.values()].flatMap((list) => list.map((c) => c.name));
  }

  private track(p: Promise<unknown>) {
    const tracked = p.catch((err) => this.log(err, { type: 'deliver', orgId: null, payload: {} }, 'after-commit'));
    this.inFlight.add(tracked);
    void tracked.finally(() => this.inFlight.delete(tracked));
  }

  private safely(fn: () => void, e: DomainEvent, consumer: string) {
    try {
      fn();
    } catch (err) {
      this.log(err, e, consumer);
    }
  }
}
