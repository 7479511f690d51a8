import { sql } from 'drizzle-orm';
import { domainEvents } from '../../db/schema/index.ts';
import type { DbOrTx } from './db/database.ts';
import { selectRow, selectRows } from './db/rows.ts';

/** One claimed delivery: the event and the consumer that is to handle it. */
export interface ClaimedDelivery {
  eventId: number;
  consumer: string;
  attempts: number;
  type: string;
  orgId: string | null;
  payload: Record<string, unknown>;
  createdAt: string;
}

/** Writes events and their deliveries (one row per consumer of the type) in the caller's transaction; answers the ids. */
export async function insertEvents(
  tx: DbOrTx,
  events: { type: string; orgId: string | null; payload: Record<string, unknown>; consumers: string[] }[],
): Promise<number[]> {
  const rows = await tx.insert(domainEvents).values(events.map((e) => ({ type: e.type, orgId: e.orgId, payload: e.payload }))).returning({ id: domainEvents.id });
  // One statement assigns the sequence in row order, so the sorted ids are the events' in order.
  const ids = rows.map((r) => Number(r.id)).sort((a, b) => a - b);
  const deliveries = events.flatMap((e, i) => e.consumers.map((c) => ({ event_id: ids[i], consumer: c })));
  if (deliveries.length) {
    await tx.execute(
      sql`insert into event_deliveries (event_id, consumer)
          select d.event_id, d.consumer from jsonb_to_recordset(${JSON.stringify(deliveries)}::jsonb) as d(event_id bigint, consumer text)`,
    );
  }
  return ids;
}

const claimed = (where: ReturnType<typeof sql>, limit: number, leaseSeconds: number) => sql`
  with picked as (
    select consumer, event_id from event_deliveries
    where status = 'pending' and run_after <= now() and ${where}
    order by run_after, event_id limit ${limit} for update skip locked
  ), claimed as (
    update event_deliveries d set run_after = now() + make_interval(secs => ${leaseSeconds}), attempts = d.attempts + 1
    from picked where d.consumer = picked.consumer and d.event_id = picked.event_id
    returning d.consumer, d.event_id, d.attempts
  )
  select c.event_id as "eventId", c.consumer, c.attempts, e.type, e.org_id as "orgId", e.payload, e.created_at::text as "createdAt"
  from claimed c join domain_events e on e.id = c.event_id order by c.event_id`;

/**
 * Claims due deliveries (any consumer, or only those of the given events) for `leaseSeconds`: a claimed row is
 * invisible to every other claim until the lease runs out, so two nodes never handle one delivery at once, and a
 * node that dies while handling leaves the row to be claimed again after the lease.
 */
export async function claimDeliveries(db: DbOrTx, opts: { consumers: string[]; eventIds?: number[]; limit: number; leaseSeconds: number; maxAttempts: number }): Promise<ClaimedDelivery[]> {
  const mine = sql`consumer = any(${pgArray(opts.consumers)}::text[]) and attempts < ${opts.maxAttempts}`;
  const where = opts.eventIds ? sql`${mine} and event_id = any(${pgArray(opts.eventIds.map(String))}::bigint[])` : mine;
  const rows = await selectRows<ClaimedDelivery>(db, claimed(where, opts.limit, opts.leaseSeconds));
  return rows.map((r) => ({ ...r, eventId: Number(r.eventId) }));
}

/**
 * Records that `consumer` made `effect` for an event; false when it was recorded already (a redelivery).
 */
export async function claimEffect(db: DbOrTx, eventId: number, consumer: string, effect: string): Promise<boolean> {
  const row = await selectRow(db, sql`insert into event_effects (event_id, consumer, effect) values (${eventId}, ${consumer}, ${effect}) on conflict do nothing returning 1 as ok`);
  return row !== undefined;
}

/** Forgets an effect that failed, so the next delivery tries it again. */
export async function releaseEffect(db: DbOrTx, eventId: number, consumer: string, effect: string) {
  await db.execute(sql`delete from event_effects where event_id = ${eventId} and consumer = ${consumer} and effect = ${effect}`);
}

/** A PostgreSQL array literal of plain values (consumer names and ids: no quotes or braces in them). */
const pgArray = (values: string[]) => `{${values.map((v) => `"${v.replace(/["\\]/g, '')}"`).join(',')}}`;

/** A delivery that was handled: it is done. */
export async function completeDelivery(db: DbOrTx, d: { consumer: string; eventId: number; attempts: number }) {
  // Fenced by the attempt it claimed: a run that outlived its lease must not settle a later claim's row.
  await db.execute(sql`delete from event_deliveries where consumer = ${d.consumer} and event_id = ${d.eventId} and attempts = ${d.attempts}`);
}

/** A delivery that failed: tried again at `retryInSeconds`, or parked as dead when it has had its attempts. */
export async function failDelivery(db: DbOrTx, d: { consumer: string; eventId: number; attempts: number }, error: string, retryInSeconds: number | null) {
  await db.execute(sql`update event_deliveries
      set status = ${retryInSeconds === null ? 'dead' : 'pending'}, last_error = ${error.slice(0, 2000)},
          run_after = now() + make_interval(secs => ${retryInSeconds ?? 0})
      where consumer = ${d.consumer} and event_id = ${d.eventId} and attempts = ${d.attempts} and status = 'pending'`);
}

/**
 * Parks deliveries that used their attempts without ever being settled (the node died or stalled each time, so no
 * failure was recorded): a handler that crashes its process is not claimed for ever.
 */
export async function parkExhausted(db: DbOrTx, consumers: string[], maxAttempts: number) {
  await db.execute(sql`update event_deliveries
      set status = 'dead', last_error = coalesce(last_error || ' — ', '') || 'did not finish within its lease'
      where status = 'pending' and run_after <= now() and attempts >= ${maxAttempts} and consumer = any(${pgArray(consumers)}::text[])`);
}

/**
 * Records the consumers this code has; those seen for the first time with `replay` get a delivery for every retained
 * event of their types. One statement per consumer under its primary key, so nodes starting together backfill once.
 */
export async function registerConsumers(db: DbOrTx, consumers: { name: string; type: string; replay: boolean }[]) {
  for (const c of consumers) {
    await db.execute(sql`with fresh as (
        insert into event_consumers (name) values (${c.name}) on conflict do nothing returning name
      )
      insert into event_deliveries (event_id, consumer)
      select e.id, f.name from fresh f join domain_events e on e.type = ${c.type}
      where ${c.replay}
      on conflict do nothing`);
  }
}

/**
 * Deletes events older than `days` that no consumer still has to handle (dead ones are kept), in batches. Deliveries
 * of consumers the code no longer has (`current` lists those it has) are dropped first once as old: nobody will take them.
 */
export async function pruneEvents(db: DbOrTx, days: number, current: string[], batch = 1000): Promise<number> {
  await db.execute(sql`delete from event_deliveries d using domain_events e
      where e.id = d.event_id and e.created_at < now() - make_interval(days => ${days}) and not (d.consumer = any(${pgArray(current)}::text[]))`);
  let total = 0;
  for (;;) {
    const row = await selectRow<{ n: number }>(
      db,
      sql`with gone as (
            delete from domain_events where id in (
              select e.id from domain_events e
              where e.created_at < now() - make_interval(days => ${days})
                and not exists (select 1 from event_deliveries d where d.event_id = e.id)
              order by e.id limit ${batch})
            returning 1)
          select count(*)::int as n from gone`,
    );
    const n = Number(row?.n ?? 0);
    total += n;
    if (n < batch) return total;
  }
}

/** One parked or waiting delivery, for the System page. */
export interface DeliveryRow {
  eventId: number;
  consumer: string;
  status: 'pending' | 'dead';
  attempts: number;
  lastError: string | null;
  runAfter: string;
  type: string;
  createdAt: string;
}

/** The organization's deliveries that failed at least once (dead first, then waiting for a retry), newest first. */
export async function selectTroubledDeliveries(db: DbOrTx, orgId: string, limit: number): Promise<DeliveryRow[]> {
  const rows = await selectRows<DeliveryRow>(
    db,
    sql`select d.event_id as "eventId", d.consumer, d.status, d.attempts, d.last_error as "lastError",
               d.run_after::text as "runAfter", e.type, e.created_at::text as "createdAt"
        from event_deliveries d join domain_events e on e.id = d.event_id
        where e.org_id = ${orgId} and (d.status = 'dead' or d.last_error is not null)
        order by (d.status = 'dead') desc, d.event_id desc limit ${limit}`,
  );
  return rows.map((r) => ({ ...r, eventId: Number(r.eventId) }));
}

/** Counts of the organization's deliveries: waiting, dead, and the age in seconds of the oldest waiting one. */
export async function selectDeliveryStats(db: DbOrTx, orgId: string) {
  const row = await selectRow<{ pending: number; dead: number; oldest: number | null }>(
    db,
    sql`select count(*) filter (where d.status = 'pending')::int as pending,
               count(*) filter (where d.status = 'dead')::int as dead,
               extract(epoch from now() - min(e.created_at) filter (where d.status = 'pending'))::float8 as oldest
        from event_deliveries d join domain_events e on e.id = d.event_id where e.org_id = ${orgId}`,
  );
  return { pending: Number(row?.pending ?? 0), dead: Number(row?.dead ?? 0), oldestPendingSeconds: row?.oldest == null ? null : Number(row.oldest) };
}

/** Puts the organization's dead deliveries (all, or one) back in line with fresh attempts; answers how many. */
export async function retryDeadDeliveries(db: DbOrTx, orgId: string, one?: { consumer: string; eventId: number }): Promise<number> {
  const which = one ? sql`and d.consumer = ${one.consumer} and d.event_id = ${one.eventId}` : sql``;
  const row = await selectRow<{ n: number }>(
    db,
    sql`with retried as (
          update event_deliveries d set status = 'pending', attempts = 0, run_after = now()
          from domain_events e where e.id = d.event_id and e.org_id = ${orgId} and d.status = 'dead' ${which}
          returning 1)
        select count(*)::int as n from retried`,
  );
  return Number(row?.n ?? 0);
}
