import type {
  FindNotificationsQuery,
  Notification,
  NotificationKind,
  NotificationPage,
  NotificationPrefs,
  UpdateNotificationPrefsRequest,
} from '../../../../contracts/index.ts';
import { NOTIFICATION_LIMITS } from '../../../../contracts/index.ts';
import type { Actor } from '../../kernel/auth/sessions.ts';
import { hashToken } from '../../kernel/auth/tokens.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import type { DbOrTx } from '../../kernel/db/database.ts';
import { AppError, notFound, nullWhenRefused } from '../../kernel/errors.ts';
import { decodeCursor, toPage } from '../../kernel/pagination.ts';
import { toIso } from '../../kernel/time.ts';
import { personChannel } from '../presence/index.ts';
import { sendNotificationMail } from './notifications.mail.ts';
import * as policy from './notifications.policy.ts';
import * as repo from './notifications.repo.ts';

/** Tells every socket of the person (on every node) that their notifications changed: ids only. */
export function publishChanged(deps: AppDeps, personId: string, what: 'notifications' | 'messages', id?: string) {
  const channel = personChannel(personId);
  void deps.hub.changed(channel, what, id);
}

/** The recipient as an actor, to ask other modules what they may see. */
export const recipientActor = (r: repo.RecipientRow): Actor => ({
  personId: r.id,
  orgId: r.orgId,
  roles: r.roles,
  isAdmin: r.roles.includes('admin'),
  csrfToken: '',
  sessionHash: '',
});

/** What an event handler asks for: one notification per recipient. */
export interface NotifyInput {
  orgId: string;
  recipientIds: string[];
  kind: NotificationKind;
  actorId: string | null;
  subject: Record<string, string>;
  title: string;
  url: string;
  /** The domain event this is written for: a second delivery of it notifies nobody again. */
  eventId?: number;
  /** Whether this recipient may see what the notification is about; they are skipped when not. */
  visible?: (actor: Actor) => Promise<boolean>;
}

/**
 * Creates notifications for active recipients who may see the subject and did not mute the kind (never the actor
 * themselves), publishes `changed` on each person channel, and mails mentions and answers at once when asked to.
 * Returns the ids of the people notified.
 */
export async function notify(deps: AppDeps, n: NotifyInput): Promise<string[]> {
  const ids = [...new Set(n.recipientIds)].filter((id) => id !== n.actorId);
  const notified: string[] = [];
  for (const r of await repo.selectRecipients(deps.db, n.orgId, ids)) {
    if (!policy.wantsInApp(r, n.kind)) continue;
    if (n.visible && !((await n.visible(recipientActor(r)).catch(nullWhenRefused)) ?? false)) continue;
    const id = await deps.db.transaction(async (tx) => {
      await repo.ensurePrefs(tx, r.id, r.orgId);
      return repo.insertNotification(tx, { orgId: n.orgId, personId: r.id, kind: n.kind, actorId: n.actorId, subject: n.subject, title: n.title, url: n.url, eventId: n.eventId ?? null });
    });
    // Written for this event already (a redelivery): nothing new to announce or mail.
    if (!id) continue;
    notified.push(r.id);
    publishChanged(deps, r.id, 'notifications', id);
    if (policy.wantsEmailNow(r, n.kind)) {
      // A failing mail server must not cost the other recipients their notifications; an unmailed one goes in the digest.
      await sendNotificationMail(deps, r, { subject: n.title, intro: 'There is something new for you in Hearth:', items: [{ title: n.title, url: n.url }] })
        .then(() => repo.markEmailed(deps.db, [id]))
        .catch(() => {});
    }
  }
  return notified;
}

function present(r: repo.NotificationRow): Notification {
  return {
    id: r.id,
    kind: r.kind as NotificationKind,
    title: r.title,
    url: r.url,
    actor: r.actorId && r.actorName ? { id: r.actorId, name: r.actorName, title: r.actorTitle } : null,
    createdAt: toIso(r.createdAt),
    readAt: r.readAt ? toIso(r.readAt) : null,
  };
}

/** The actor's notifications, newest first (optionally unread only). */
export async function findNotifications(db: DbOrTx, actor: Actor, q: FindNotificationsQuery): Promise<NotificationPage> {
  const after = q.cursor ? decodeCursor<[string, string]>(q.cursor, 2) : undefined;
  const rows = await repo.selectPage(db, actor.personId, { unread: q.unread, after, limit: q.limit + 1 });
  return toPage(rows, q.limit, present, (r) => [r.k, r.id]);
}

/** How many notifications the actor has not read. */
export async function countUnreadNotifications(db: DbOrTx, actor: Actor) {
  return { count: await repo.countUnread(db, actor.personId) };
}

/** Marks one of the actor's notifications read (404 for anyone else's). */
export async function markNotificationRead(deps: AppDeps, actor: Actor, id: string) {
  if (!(await repo.markRead(deps.db, actor.personId, id))) throw notFound('That notification');
  publishChanged(deps, actor.personId, 'notifications', id);
}

/** Marks all of the actor's notifications read. */
export async function markAllNotificationsRead(deps: AppDeps, actor: Actor) {
  const count = await repo.markAllRead(deps.db, actor.personId);
  if (count) publishChanged(deps, actor.personId, 'notifications');
  return { count };
}

const presentPrefs = (p: repo.PrefsRow): NotificationPrefs => ({
  emailMentions: p.emailMentions,
  emailAnswers: p.emailAnswers,
  emailMessages: p.emailMessages,
  digest: p.digest === 'off' ? 'off' : 'daily',
  muted: p.muted as NotificationKind[],
});

/** The actor's notification preferences. */
export async function getNotificationPrefs(db: DbOrTx, actor: Actor): Promise<NotificationPrefs> {
  return presentPrefs(await repo.selectPrefs(db, actor.personId));
}

/** Changes some of the actor's preferences. */
export async function updateNotificationPrefs(db: DbOrTx, actor: Actor, input: UpdateNotificationPrefsRequest): Promise<NotificationPrefs> {
  const current = presentPrefs(await repo.selectPrefs(db, actor.personId));
  const next = { ...current, ...input, muted: [...new Set(input.muted ?? current.muted)] };
  await repo.upsertPrefs(db, actor.personId, actor.orgId, next);
  return next;
}

/**
 * One-click unsubscribe (no session): turns every mail off for the token's holder. Any mail's link works for 90 days,
 * and again after use; an unknown or expired token is 410.
 */
export async function unsubscribe(db: DbOrTx, token: string) {
  const personId = await repo.unsubscribeByToken(db, hashToken(token));
  if (!personId) throw new AppError('TOKEN_INVALID', 'This unsubscribe link is not valid or has expired (links work for 90 days). Sign in to change which mails you get.');
  return { message: 'You will no longer receive email from Hearth. You can turn mails back on in your notification settings.' };
}

/**
 * Sends due daily digests: claims people atomically (safe with several nodes on one database), mails each one their
 * unread notifications older than the delay, marks those mailed, and gives the claim back when a mail fails.
 * Returns the number of digests sent.
 */
export async function runDigest(deps: AppDeps): Promise<number> {
  const { digestDelayHours: delayHours, digestEveryHours: everyHours, digestItems } = NOTIFICATION_LIMITS;
  let sent = 0;
  let failed = false;
  for (;;) {
    const claimed = await repo.claimDigests(deps.db, { delayHours, everyHours, limit: 50 });
    if (!claimed.length) return sent;
    for (const c of claimed) {
      try {
        const [r] = await repo.selectRecipients(deps.db, c.orgId, [c.personId]);
        const items = r ? await repo.selectDigestItems(deps.db, c.personId, delayHours) : [];
        if (!r || !items.length) continue;
        const shown = items.slice(0, digestItems);
        await sendNotificationMail(deps, r, {
          subject: `Your Hearth digest: ${items.length} unread notification${items.length === 1 ? '' : 's'}`,
          intro: 'Here is what you have not seen yet:',
          items: shown,
          more: items.length - shown.length,
        });
        await repo.markEmailed(deps.db, items.map((i) => i.id));
        sent += 1;
      } catch {
        failed = true;
        await repo.releaseDigest(deps.db, c.personId, c.previous).catch(() => {});
      }
    }
    // A failing mail server ends the run (the next tick retries) rather than reclaiming the same people in a loop.
    if (claimed.length < 50 || failed) return sent;
  }
}
