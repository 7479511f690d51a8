import { domainEvents } from '../../db/schema/index.ts';
import type { Db, DbOrTx } from './db/database.ts';

/** A domain event named `<module>.<past_tense>`. */
export interface DomainEvent {
  type: string;
  orgId: string | null;
  payload: Record<string, unknown>;
}

type Handler = (event: DomainEvent) => void | Promise<void>;

/**
 * In-process event bus with an outbox: events are inserted in the same transaction as the change,
 * and handlers run only after commit, so a rolled-back write fires nothing.
 */
export class EventBus {
  private handlers = new Map<string, Handler[]>();
  constructor(private log: (err: unknown, event: DomainEvent) => void = () => {}) {}

  /** Registers a handler for one event type. */
  on(type: string, handler: Handler) {
    this.handlers.set(type, [...(this.handlers.get(type) ?? []), handler]);
  }

  /** Runs `work` in a transaction; events it emits are written to the outbox and dispatched after commit. */
  async transaction<T>(db: Db, work: (tx: DbOrTx, emit: (e: DomainEvent) => void) => Promise<T>): Promise<T> {
    const pending: DomainEvent[] = [];
    const result = await db.transaction(async (tx) => {
      const value = await work(tx, (e) => pending.push(e));
      if (pending.length) await tx.insert(domainEvents).values(pending.map((e) => ({ type: e.type, orgId: e.orgId, payload: e.payload })));
      return value;
    });
    for (const e of pending) void this.dispatch(e);
    return result;
  }

  private async dispatch(event: DomainEvent) {
    for (const h of this.handlers.get(event.type) ?? []) {
      try {
        await h(event);
      } catch (err) {
        this.log(err, event);
      }
    }
  }
}
