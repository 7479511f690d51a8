// Typed SQL of self-serve mentoring requests.
import { and, eq, sql } from 'drizzle-orm';
import { mentoringMatches, mentoringRequests } from '../../../db/schema/index.ts';
import type { DbOrTx } from '../../kernel/db/database.ts';
import { selectRow, selectRows } from '../../kernel/db/rows.ts';

/** A mentoring_requests row. */
export type RequestRow = typeof mentoringRequests.$inferSelect;
/** A request with both people's names. */
export type RequestView = RequestRow & { mentorName: string; mentorTitle: string | null; menteeName: string; menteeTitle: string | null };

const requestView = sql`select r.id, r.org_id as "orgId", r.mentee_id as "menteeId", r.mentor_id as "mentorId", r.kind, r.message, r.status,
    r.response_message as "responseMessage", r.match_id as "matchId", r.created_at as "createdAt", r.responded_at as "respondedAt",
    a.name as "mentorName", a.title as "mentorTitle", b.name as "menteeName", b.title as "menteeTitle"
  from mentoring_requests r join people a on a.id = r.mentor_id join people b on b.id = r.mentee_id`;

/** Inserts a request. */
export async function insertRequest(db: DbOrTx, row: typeof mentoringRequests.$inferInsert): Promise<RequestRow> {
  const [r] = await db.insert(mentoringRequests).values(row).returning();
  return r;
}

/** A request of an organization with names. */
export function selectRequest(db: DbOrTx, orgId: string, id: string) {
  return selectRow<RequestView>(db, sql`${requestView} where r.org_id = ${orgId} and r.id = ${id}`);
}

/** A request, locked for the rest of the transaction. */
export async function lockRequest(db: DbOrTx, orgId: string, id: string): Promise<RequestRow | undefined> {
  const [r] = await db.select().from(mentoringRequests).where(and(eq(mentoringRequests.orgId, orgId), eq(mentoringRequests.id, id))).for('update');
  return r;
}

/** Sets a request's outcome. */
export async function updateRequest(db: DbOrTx, id: string, set: Partial<typeof mentoringRequests.$inferInsert>) {
  await db.update(mentoringRequests).set(set).where(eq(mentoringRequests.id, id));
}

/** Open requests of a mentee. */
export async function selectOpenRequestsOf(db: DbOrTx, orgId: string, menteeId: string) {
  return db
    .select({ id: mentoringRequests.id, mentorId: mentoringRequests.mentorId, kind: mentoringRequests.kind })
    .from(mentoringRequests)
    .where(and(eq(mentoringRequests.orgId, orgId), eq(mentoringRequests.menteeId, menteeId), eq(mentoringRequests.status, 'open')));
}

/** Requests a person sent or received, newest first (200 each at most). */
export function selectMyRequests(db: DbOrTx, orgId: string, personId: string) {
  return selectRows<RequestView>(
    db,
    sql`${requestView} where r.org_id = ${orgId} and (r.mentee_id = ${personId} or r.mentor_id = ${personId}) order by r.created_at desc, r.id desc limit 400`,
  );
}

/** Whether the mentee has an active relationship of this kind, or one with this mentor. */
export async function selectActiveRelationshipsOf(db: DbOrTx, menteeId: string) {
  return db
    .select({ id: mentoringMatches.id, mentorId: mentoringMatches.mentorId, kind: mentoringMatches.kind })
    .from(mentoringMatches)
    .where(and(eq(mentoringMatches.menteeId, menteeId), eq(mentoringMatches.status, 'active')));
}
