// Typed SQL of poll votes.
import { sql } from 'drizzle-orm';
import { livePollVotes } from '../../../db/schema/index.ts';
import type { DbOrTx } from '../../kernel/db/database.ts';
import { selectRow, selectRows } from '../../kernel/db/rows.ts';

/** Inserts a vote; false when the person already voted. */
export async function insertVote(db: DbOrTx, v: typeof livePollVotes.$inferInsert) {
  const rows = await db.insert(livePollVotes).values(v).onConflictDoNothing().returning({ p: livePollVotes.personId });
  return rows.length > 0;
}

/** All votes of a poll (choices only; anonymous in results). */
export function selectVotes(db: DbOrTx, segmentId: string) {
  return selectRows<{ choice: { choices?: number[]; rating?: number; words?: string[] } }>(db, sql`select choice from live_poll_votes where segment_id = ${segmentId}`);
}

/** The person's vote in a poll. */
export function selectMyVote(db: DbOrTx, segmentId: string, personId: string) {
  return selectRow<{ choice: { choices?: number[]; rating?: number; words?: string[] } }>(
    db,
    sql`select choice from live_poll_votes where segment_id = ${segmentId} and person_id = ${personId}`,
  );
}
