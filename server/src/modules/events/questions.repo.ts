import { and, eq, sql } from 'drizzle-orm';
import { eventQuestions, eventQuestionVotes } from '../../../db/schema/index.ts';
import type { DbOrTx } from '../../kernel/db/database.ts';
import { selectRow, selectRows } from '../../kernel/db/rows.ts';

/** A question with its author and the viewer's upvote. */
export interface QuestionRow {
  id: string;
  body: string;
  authorId: string;
  authorName: string;
  authorTitle: string | null;
  createdAt: Date | string;
  upvoteCount: number;
  upvotedByMe: boolean;
  answeredAt: Date | string | null;
  hiddenAt: Date | string | null;
}

const select = (viewerId: string) => sql`select q.id, q.body, q.author_id as "authorId", p.name as "authorName", p.title as "authorTitle",
    q.created_at as "createdAt", q.upvote_count as "upvoteCount", q.answered_at as "answeredAt", q.hidden_at as "hiddenAt",
    exists (select 1 from event_question_votes v where v.question_id = q.id and v.person_id = ${viewerId}) as "upvotedByMe"
  from event_questions q join people p on p.id = q.author_id`;

/** Questions of an event, most upvoted first, then oldest first; hidden ones only when `withHidden` (else only the viewer's own). */
export function selectQuestions(db: DbOrTx, eventId: string, viewerId: string, withHidden: boolean) {
  const hidden = withHidden ? sql`true` : sql`(q.hidden_at is null or q.author_id = ${viewerId})`;
  return selectRows<QuestionRow>(db, sql`${select(viewerId)} where q.event_id = ${eventId} and ${hidden} order by q.upvote_count desc, q.created_at, q.id`);
}

/** One question of an event. */
export function selectQuestion(db: DbOrTx, eventId: string, id: string, viewerId: string) {
  return selectRow<QuestionRow>(db, sql`${select(viewerId)} where q.event_id = ${eventId} and q.id = ${id}`);
}

/** Inserts a question. */
export async function insertQuestion(db: DbOrTx, v: typeof eventQuestions.$inferInsert) {
  const [row] = await db.insert(eventQuestions).values(v).returning({ id: eventQuestions.id });
  return row;
}

/**
 * Sets or takes back one person's upvote; the counter moves only when a vote row was really inserted or deleted, so
 * repeated or concurrent requests count once.
 */
export async function setVote(db: DbOrTx, v: { questionId: string; personId: string; orgId: string }, upvoted: boolean) {
  const changed = upvoted
    ? await db.insert(eventQuestionVotes).values(v).onConflictDoNothing().returning({ q: eventQuestionVotes.questionId })
    : await db
        .delete(eventQuestionVotes)
        .where(and(eq(eventQuestionVotes.questionId, v.questionId), eq(eventQuestionVotes.personId, v.personId)))
        .returning({ q: eventQuestionVotes.questionId });
  if (changed.length) await db.execute(sql`update event_questions set upvote_count = upvote_count + ${upvoted ? 1 : -1} where id = ${v.questionId}`);
}

/** Marks a question answered / hidden (or not). */
export async function moderateQuestion(db: DbOrTx, id: string, m: { answered?: boolean; hidden?: boolean }) {
  await db
    .update(eventQuestions)
    .set({
      ...(m.answered !== undefined ? { answeredAt: m.answered ? sql`coalesce(answered_at, now())` : null } : {}),
      ...(m.hidden !== undefined ? { hiddenAt: m.hidden ? sql`coalesce(hidden_at, now())` : null } : {}),
    })
    .where(eq(eventQuestions.id, id));
}
