import { and, eq, gt, lt, sql } from 'drizzle-orm';
import { presence } from '../../../db/schema/index.ts';
import type { DbOrTx } from '../../kernel/db/database.ts';

/** Rows not refreshed for this long belong to a node that died; they no longer count. */
export const STALE_MS = 60_000;

const fresh = () => gt(presence.seenAt, new Date(Date.now() - STALE_MS));

/** Adds one connection of a person on a node. */
export async function addConnection(db: DbOrTx, nodeId: string, personId: string, orgId: string) {
  await db
    .insert(presence)
    .values({ nodeId, personId, orgId, connections: 1 })
    .onConflictDoUpdate({ target: [presence.nodeId, presence.personId], set: { connections: sql`${presence.connections} + 1`, seenAt: new Date() } });
}

/** Removes one connection; deletes the row at zero. */
export async function removeConnection(db: DbOrTx, nodeId: string, personId: string) {
  await db.update(presence).set({ connections: sql`${presence.connections} - 1` }).where(and(eq(presence.nodeId, nodeId), eq(presence.personId, personId)));
  await db.delete(presence).where(and(eq(presence.nodeId, nodeId), eq(presence.personId, personId), sql`${presence.connections} <= 0`));
}

/** True if the person has a live connection on any node. */
export async function isOnline(db: DbOrTx, personId: string): Promise<boolean> {
  const r = await db.select({ n: presence.nodeId }).from(presence).where(and(eq(presence.personId, personId), fresh())).limit(1);
  return r.length > 0;
}

/** Everyone online in an organization. */
export async function selectOnline(db: DbOrTx, orgId: string): Promise<string[]> {
  const r = await db.selectDistinct({ id: presence.personId }).from(presence).where(and(eq(presence.orgId, orgId), fresh()));
  return r.map((x) => x.id);
}

/** Refreshes this node's rows (heartbeat) and drops rows of dead nodes. */
export async function heartbeat(db: DbOrTx, nodeId: string) {
  await db.update(presence).set({ seenAt: new Date() }).where(eq(presence.nodeId, nodeId));
  await db.delete(presence).where(lt(presence.seenAt, new Date(Date.now() - 5 * STALE_MS)));
}

/** Removes all rows of this node (shutdown). */
export async function clearNode(db: DbOrTx, nodeId: string) {
  await db.delete(presence).where(eq(presence.nodeId, nodeId));
}
