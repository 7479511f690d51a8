import { and, eq, sql } from 'drizzle-orm';
import { emailChanges, people } from '../../../db/schema/index.ts';
import type { DbOrTx } from '../../kernel/db/database.ts';

/** An email_changes row. */
export type EmailChangeRow = typeof emailChanges.$inferSelect;

/** Records a pending change. */
export async function insertEmailChange(db: DbOrTx, values: typeof emailChanges.$inferInsert): Promise<EmailChangeRow> {
  const [row] = await db.insert(emailChanges).values(values).returning();
  return row;
}

/** The change a confirm or dispute token belongs to, locked for the rest of the transaction. */
export async function selectEmailChangeByToken(db: DbOrTx, kind: 'confirm' | 'dispute', tokenHash: string): Promise<EmailChangeRow | undefined> {
  const column = kind === 'confirm' ? emailChanges.confirmTokenHash : emailChanges.disputeTokenHash;
  const [row] = await db.select().from(emailChanges).where(eq(column, tokenHash)).for('update');
  return row;
}

/** How many email changes were asked for this person since `since`. */
export async function countChangesSince(db: DbOrTx, orgId: string, personId: string, since: Date): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(emailChanges)
    .where(and(eq(emailChanges.orgId, orgId), eq(emailChanges.personId, personId), sql`${emailChanges.createdAt} >= ${since.toISOString()}`));
  return Number(row?.n ?? 0);
}

/** The person's pending change (expired or not), locked. */
export async function selectPendingChange(db: DbOrTx, orgId: string, personId: string): Promise<EmailChangeRow | undefined> {
  const [row] = await db
    .select()
    .from(emailChanges)
    .where(and(eq(emailChanges.orgId, orgId), eq(emailChanges.personId, personId), eq(emailChanges.status, 'pending')))
    .for('update');
  return row;
}

/** The person's pending, unexpired change with who asked for it, for the profile. */
export async function selectOpenChange(db: DbOrTx, orgId: string, personId: string) {
  const [row] = await db
    .select({
      email: emailChanges.newEmail,
      requestedAt: emailChanges.createdAt,
      expiresAt: emailChanges.expiresAt,
      requesterId: people.id,
      requesterName: people.name,
      requesterTitle: people.title,
    })
    .from(emailChanges)
    .leftJoin(people, eq(people.id, emailChanges.requestedBy))
    .where(and(eq(emailChanges.orgId, orgId), eq(emailChanges.personId, personId), eq(emailChanges.status, 'pending'), sql`${emailChanges.expiresAt} > now()`));
  return row;
}

/** Closes a change with its final status (or counts a wrong password). */
export async function updateEmailChange(db: DbOrTx, id: string, values: Partial<Pick<EmailChangeRow, 'status' | 'failedAttempts' | 'closedAt'>>) {
  await db.update(emailChanges).set(values).where(eq(emailChanges.id, id));
}
