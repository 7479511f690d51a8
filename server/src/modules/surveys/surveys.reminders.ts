import { sql } from 'drizzle-orm';
import type { AppDeps } from '../../kernel/deps.ts';
import type { DbOrTx } from '../../kernel/db/database.ts';
import { selectRows } from '../../kernel/db/rows.ts';
import * as repo from './surveys.repo.ts';

/** People per `surveys.reminder_due` event. */
export const REMINDER_SLICE = 200;

/** open = when answers open; closing = about 24 hours before the close. */
export type SurveyReminderKind = 'open' | 'closing';

/**
 * Claims due reminders with one `update … where reminded_*_at is null … returning`: with several nodes, a survey
 * claimed by one is re-checked and skipped by the others, so each reminder goes out once. An opening within 24 hours
 * of the close counts as the closing reminder too (it just went out).
 */
function claim(tx: DbOrTx, kind: SurveyReminderKind, now: Date) {
  const at = sql`${now.toISOString()}::timestamptz`;
  const live = sql`s.status = 'open' and s.opens_at <= ${at} and s.closes_at > ${at}`;
  const query =
    kind === 'open'
      ? sql`update surveys s set reminded_open_at = ${at}, reminded_close_at = case when s.closes_at <= ${at} + interval '24 hours' then ${at} else s.reminded_close_at end
            where ${live} and s.reminded_open_at is null returning s.id, s.org_id as "orgId", s.title`
      : sql`update surveys s set reminded_close_at = ${at}
            where ${live} and s.reminded_open_at is not null and s.reminded_close_at is null and s.closes_at <= ${at} + interval '24 hours' returning s.id, s.org_id as "orgId", s.title`;
  return selectRows<{ id: string; orgId: string; title: string }>(tx, query);
}

/**
 * One reminder run (every node's timer calls it; tests call it with a chosen `now`): claims due reminders and emits
 * `surveys.reminder_due` with the audience members who have not answered, in the same transaction; the notifications
 * module turns it into in-app notifications and mail (respecting each person's preferences).
 */
export async function runSurveyReminders(deps: AppDeps, now = new Date()): Promise<{ open: number; closing: number }> {
  return deps.events.transaction(deps.db, async (tx, emit) => {
    const counts = { open: 0, closing: 0 };
    for (const kind of ['open', 'closing'] as const) {
      for (const s of await claim(tx, kind, now)) {
        const personIds = (await repo.selectUnanswered(tx, s.id)).map((p) => p.id);
        counts[kind] += 1;
        // One event per slice of people: each delivery (a notification and maybe a mail per person) stays well inside
        // the handler's 30 s, and a failed slice is retried alone (its notifications are idempotent by event id).
        for (let i = 0; i < personIds.length; i += REMINDER_SLICE)
          emit({ type: 'surveys.reminder_due', orgId: s.orgId, payload: { surveyId: s.id, kind, title: s.title, personIds: personIds.slice(i, i + REMINDER_SLICE) } });
      }
    }
    return counts;
  });
}
