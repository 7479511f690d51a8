import type { NotificationKind } from '../../../../contracts/index.ts';
import { shorten } from '../../kernel/text.ts';
import type { PrefsRow } from './notifications.repo.ts';

/** False when the person muted this kind. */
export const wantsInApp = (prefs: PrefsRow, kind: NotificationKind) => !prefs.muted.includes(kind);

/** Kinds mailed at once (when the person's preference is on); everything else waits for the digest. */
export function wantsEmailNow(prefs: PrefsRow, kind: NotificationKind): boolean {
  if (kind === 'mention') return prefs.emailMentions;
  if (kind === 'answer') return prefs.emailAnswers;
  // Survey reminders are few (at opening, a day before the close) and time-bound: mailed at once to people who take
  // mail at all (the digest on), never to those who turned mail off or muted surveys.
  // Assignment reminders (one per assignment, days before its due date) likewise.
  if (kind === 'survey' || kind === 'assignment') return prefs.digest !== 'off';
  // Check-in reminders are few too (when due, a week overdue) and ask two people to meet: mailed at once likewise.
  if (kind === 'checkin') return prefs.digest !== 'off';
  return false;
}

/** The kind of a reply notification: answers to questions are "answer", other replies "reply". */
export const replyKind = (threadKind: string): NotificationKind => (threadKind === 'question' ? 'answer' : 'reply');

/** Shortens a title for use inside a sentence. */
export function quoteTitle(title: string, max = 80) {
  return `“${shorten(title.trim(), max)}”`;
}
