import { date, index, pgTable, primaryKey, real, text, uuid } from 'drizzle-orm/pg-core';
import { orgIdColumn } from './columns.ts';

/**
 * The interaction graph: how often two people of an organization interacted, by kind and day. Written only by the
 * network module's event consumers (replayable from the outbox), never by the modules where the interaction
 * happened. A tie is undirected: `a` < `b`. Holds counts only, never content.
 */
export const networkTies = pgTable(
  'network_ties',
  {
    orgId: orgIdColumn(),
    a: uuid('a').notNull(),
    b: uuid('b').notNull(),
    /** reply | mention | answer | message | mentoring | cohort | breakout | partner */
    kind: text('kind').notNull(),
    /** The day it happened (UTC). */
    day: date('day').notNull(),
    /** How many interactions of this kind that day. */
    weight: real('weight').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.a, t.b, t.kind, t.day] }), index('network_ties_org_day_idx').on(t.orgId, t.day), index('network_ties_b_idx').on(t.orgId, t.b)],
);

