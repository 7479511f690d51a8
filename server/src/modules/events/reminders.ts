import { sql } from 'drizzle-orm';
import type { AppDeps } from '../../kernel/deps.ts';
import type { DbOrTx } from '../../kernel/db/database.ts';
import { selectRows } from '../../kernel/db/rows.ts';
import { escapeHtml } from '../../kernel/mail.ts';
import { toIso } from '../../kernel/time.ts';
import { baseUrl, formatIn } from './events.ics.ts';
import * as repo from './events.repo.ts';

/** soon = 15 minutes before the start; day = 24 hours before. */
export type ReminderKind = 'soon' | 'day';

interface Claimed {
  eventId: string;
  personId: string;
  orgId: string;
  title: string;
  startsAt: Date | string;
  timeZone: string;
}

/**
 * Claims the due reminders of one kind with a single `update … where reminded_*_at is null … returning`: with several
 * nodes running at once, a row claimed by one is re-checked and skipped by the other (PostgreSQL re-evaluates the
 * condition after the first commits), so each person gets each reminder once.
 */
function claim(tx: DbOrTx, kind: ReminderKind, now: Date) {
  const at = sql`${now.toISOString()}::timestamptz`;
  const window =
    kind === 'soon'
      ? sql`r.reminded_soon_at is null and e.starts_at > ${at} and e.starts_at <= ${at} + interval '15 minutes'`
      : sql`r.reminded_day_at is null and e.starts_at > ${at} + interval '15 minutes' and e.starts_at <= ${at} + interval '24 hours'`;
  const set = kind === 'soon' ? sql`reminded_soon_at = ${at}, reminded_day_at = coalesce(r.reminded_day_at, ${at})` : sql`reminded_day_at = ${at}`;
  return selectRows<Claimed>(
    tx,
    sql`update event_rsvps r set ${set} from events e
        where e.id = r.event_id and e.status = 'scheduled' and r.status = 'going' and ${window}
        returning r.event_id as "eventId", r.person_id as "personId", e.org_id as "orgId", e.title, e.starts_at as "startsAt", e.time_zone as "timeZone"`,
  );
}

/**
 * One reminder run (every node's timer calls it; tests call it with a chosen `now`): claims due reminders, emits
 * `events.reminder_due` per event and kind in the same transaction (notifications turns it into in-app notifications),
 * then mails each person. A failed mail is not retried: the in-app reminder already went out.
 */
export async function runEventReminders(deps: AppDeps, now = new Date()): Promise<{ soon: number; day: number; mailed: number }> {
  const claimed = await deps.events.transaction(deps.db, async (tx, emit) => {
    const all: (Claimed & { kind: ReminderKind })[] = [];
    for (const kind of ['soon', 'day'] as const) {
      const rows = await claim(tx, kind, now);
      const byEvent = new Map<string, Claimed[]>();
      for (const r of rows) byEvent.set(r.eventId, [...(byEvent.get(r.eventId) ?? []), r]);
      for (const [eventId, list] of byEvent) {
        emit({ type: 'events.reminder_due', orgId: list[0].orgId, payload: { eventId, kind, title: list[0].title, personIds: list.map((r) => r.personId) } });
      }
      all.push(...rows.map((r) => ({ ...r, kind })));
    }
    return all;
  });
  let mailed = 0;
  for (const c of claimed) {
    const [to] = await repo.selectRecipients(deps.db, c.orgId, [c.personId]);
    if (!to) continue;
    const startsAt = new Date(toIso(c.startsAt));
    const when = formatIn(startsAt, c.timeZone);
    const local = to.timeZone && to.timeZone !== c.timeZone ? formatIn(startsAt, to.timeZone) : null;
    const url = `${baseUrl(deps)}/events/${c.eventId}`;
    const lead = c.kind === 'soon' ? `“${c.title}” starts in 15 minutes.` : `“${c.title}” starts within 24 hours.`;
    const lines = [`Hi ${to.name},`, '', lead, '', `When: ${when}`, ...(local ? [`Your time: ${local}`] : []), '', `Join or see the details: ${url}`];
    await deps.mailer
      .send({ to: to.email, subject: `Reminder: ${c.title} — ${when}`, text: lines.join('\n'), html: lines.map((l) => (l ? `<p>${escapeHtml(l)}</p>` : '')).join('') })
      .then(() => mailed++)
      .catch(() => {});
  }
  return { soon: claimed.filter((c) => c.kind === 'soon').length, day: claimed.filter((c) => c.kind === 'day').length, mailed };
}
