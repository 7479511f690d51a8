import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../kernel/db/database.ts';
import { selectRow, selectRows } from '../../kernel/db/rows.ts';

/** A notification row with its actor, as lists show it. */
export interface NotificationRow {
  id: string;
  kind: string;
  title: string;
  url: string;
  actorId: string | null;
  actorName: string | null;
  actorTitle: string | null;
  createdAt: Date | string;
  readAt: Date | string | null;
  /** Full-precision keyset value (timestamptz as text). */
  k: string;
}

/** Preferences as stored (defaults when the person has no row yet). */
export interface PrefsRow {
  emailMentions: boolean;
  emailAnswers: boolean;
  emailMessages: boolean;
  digest: string;
  muted: string[];
}

/** A person who may receive notifications: identity, roles (to check what they may see) and preferences. */
export interface RecipientRow extends PrefsRow {
  id: string;
  orgId: string;
  name: string;
  email: string;
  roles: string[];
}

const prefsColumns = sql`coalesce(np.email_mentions, true) as "emailMentions", coalesce(np.email_answers, true) as "emailAnswers",
  coalesce(np.email_messages, false) as "emailMessages", coalesce(np.digest, 'daily') as digest, coalesce(np.muted, '{}'::text[]) as muted`;

/** Active people of an organization among `ids`, with their preferences (defaults when they never saved any). */
export function selectRecipients(db: DbOrTx, orgId: string, ids: string[]) {
  if (!ids.length) return Promise.resolve([] as RecipientRow[]);
  return selectRows<RecipientRow>(
    db,
    sql`select p.id, p.org_id as "orgId", p.name, p.email, p.roles, ${prefsColumns}
        from people p left join notification_prefs np on np.person_id = p.id
        where p.org_id = ${orgId} and p.status = 'active' and p.id in (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})`,
  );
}

/** Preferences of one person (defaults when none were saved). */
export async function selectPrefs(db: DbOrTx, personId: string): Promise<PrefsRow> {
  const row = await selectRow<PrefsRow>(db, sql`select ${prefsColumns} from (select ${personId}::uuid as id) p left join notification_prefs np on np.person_id = p.id`);
  return row as PrefsRow;
}

/** Saves preferences (creating the row on first use). */
export async function upsertPrefs(db: DbOrTx, personId: string, orgId: string, p: PrefsRow) {
  await db.execute(sql`insert into notification_prefs (person_id, org_id, email_mentions, email_answers, email_messages, digest, muted)
    values (${personId}, ${orgId}, ${p.emailMentions}, ${p.emailAnswers}, ${p.emailMessages}, ${p.digest}, array[${sql.join(p.muted.map((m) => sql`${m}`), sql`, `)}]::text[])
    on conflict (person_id) do update set email_mentions = excluded.email_mentions, email_answers = excluded.email_answers,
      email_messages = excluded.email_messages, digest = excluded.digest, muted = excluded.muted`);
}

/** Makes sure a person has a preferences row (the digest claims rows, so every notified person needs one). */
export async function ensurePrefs(db: DbOrTx, personId: string, orgId: string) {
  await db.execute(sql`insert into notification_prefs (person_id, org_id) values (${personId}, ${orgId}) on conflict (person_id) do nothing`);
}

/** Inserts one notification; returns its id. */
export async function insertNotification(
  db: DbOrTx,
  n: { orgId: string; personId: string; kind: string; actorId: string | null; subject: Record<string, string>; title: string; url: string; eventId?: number | null },
): Promise<string | undefined> {
  const row = await selectRow<{ id: string }>(
    db,
    sql`insert into notifications (org_id, person_id, kind, actor_id, subject, title, url, event_id)
        values (${n.orgId}, ${n.personId}, ${n.kind}, ${n.actorId}, ${JSON.stringify(n.subject)}::jsonb, ${n.title}, ${n.url}, ${n.eventId ?? null})
        on conflict do nothing returning id`,
  );
  return row?.id;
}

/** A person's notifications, newest first, keyset-paged. */
export function selectPage(db: DbOrTx, personId: string, f: { unread: boolean; after?: [string, string]; limit: number }) {
  const where: SQL[] = [sql`n.person_id = ${personId}`];
  if (f.unread) where.push(sql`n.read_at is null`);
  if (f.after) where.push(sql`(n.created_at, n.id) < (${f.after[0]}::timestamptz, ${f.after[1]}::uuid)`);
  return selectRows<NotificationRow>(
    db,
    sql`select n.id, n.kind, n.title, n.url, n.actor_id as "actorId", a.name as "actorName", a.title as "actorTitle",
          n.created_at as "createdAt", n.read_at as "readAt", n.created_at::text as k
        from notifications n left join people a on a.id = n.actor_id
        where ${sql.join(where, sql` and `)} order by n.created_at desc, n.id desc limit ${f.limit}`,
  );
}

/** Unread notifications of a person. */
export async function countUnread(db: DbOrTx, personId: string) {
  const row = await selectRow<{ n: number }>(db, sql`select count(*)::int as n from notifications where person_id = ${personId} and read_at is null`);
  return row?.n ?? 0;
}

/** Marks one of the person's notifications read; false when it is not theirs. */
export async function markRead(db: DbOrTx, personId: string, id: string) {
  const row = await selectRow<{ id: string }>(
    db,
    sql`update notifications set read_at = coalesce(read_at, now()) where id = ${id} and person_id = ${personId} returning id`,
  );
  return row !== undefined;
}

/** Marks every unread notification of the person read; returns how many. */
export async function markAllRead(db: DbOrTx, personId: string) {
  const rows = await selectRows<{ id: string }>(db, sql`update notifications set read_at = now() where person_id = ${personId} and read_at is null returning id`);
  return rows.length;
}

/** Records that notifications were mailed. */
export async function markEmailed(db: DbOrTx, ids: string[]) {
  if (!ids.length) return;
  await db.execute(sql`update notifications set emailed_at = now() where id in (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})`);
}

/** How long the unsubscribe link of a mail keeps working. */
const UNSUBSCRIBE_TOKEN_DAYS = 90;

/** Records the unsubscribe token of one mail (its hash) and forgets the person's tokens that have expired. */
export async function addUnsubscribeToken(db: DbOrTx, personId: string, orgId: string, hash: string) {
  await db.execute(sql`delete from unsubscribe_tokens where person_id = ${personId} and created_at < now() - make_interval(days => ${UNSUBSCRIBE_TOKEN_DAYS})`);
  await db.execute(sql`insert into unsubscribe_tokens (token_hash, person_id, org_id) values (${hash}, ${personId}, ${orgId})`);
}

/** Turns every mail off for the holder of an unexpired token (again, if it was used before); the person id, or undefined. */
export async function unsubscribeByToken(db: DbOrTx, hash: string) {
  const holder = await selectRow<{ personId: string; orgId: string }>(
    db,
    sql`select person_id as "personId", org_id as "orgId" from unsubscribe_tokens
        where token_hash = ${hash} and created_at >= now() - make_interval(days => ${UNSUBSCRIBE_TOKEN_DAYS})`,
  );
  if (!holder) return undefined;
  await db.execute(sql`insert into notification_prefs (person_id, org_id, email_mentions, email_answers, email_messages, digest)
      values (${holder.personId}, ${holder.orgId}, false, false, false, 'off')
    on conflict (person_id) do update set email_mentions = false, email_answers = false, email_messages = false, digest = 'off'`);
  return holder.personId;
}

/**
 * Claims people due a digest: daily digest on, none in the last 24 h, and unread, unmailed notifications older than
 * the delay. The claim is one UPDATE … RETURNING, so with several nodes each person is claimed by exactly one (a
 * concurrent update re-checks the WHERE clause after the first commits, and no longer matches).
 */
export function claimDigests(db: DbOrTx, o: { delayHours: number; everyHours: number; limit: number }) {
  return selectRows<{ personId: string; orgId: string; previous: Date | string | null }>(
    db,
    sql`update notification_prefs np set last_digest_at = now()
        from (select np2.person_id, np2.last_digest_at from notification_prefs np2 join people p on p.id = np2.person_id
              where np2.digest = 'daily' and p.status = 'active'
                and (np2.last_digest_at is null or np2.last_digest_at < now() - make_interval(hours => ${o.everyHours}))
                and exists (select 1 from notifications n where n.person_id = np2.person_id and n.read_at is null and n.emailed_at is null
                            and n.created_at < now() - make_interval(hours => ${o.delayHours}))
              limit ${o.limit}) due
        where np.person_id = due.person_id
          and (np.last_digest_at is null or np.last_digest_at < now() - make_interval(hours => ${o.everyHours}))
        returning np.person_id as "personId", np.org_id as "orgId", due.last_digest_at as previous`,
  );
}

/** Gives a claim back (the mail could not be sent), so the next run tries again. */
export async function releaseDigest(db: DbOrTx, personId: string, previous: Date | string | null) {
  await db.execute(sql`update notification_prefs set last_digest_at = ${previous === null ? null : new Date(previous)} where person_id = ${personId}`);
}

/** Unread, unmailed notifications a digest lists (oldest first), and how many there are in all. */
export function selectDigestItems(db: DbOrTx, personId: string, delayHours: number) {
  return selectRows<{ id: string; title: string; url: string; createdAt: Date | string }>(
    db,
    sql`select id, title, url, created_at as "createdAt" from notifications
        where person_id = ${personId} and read_at is null and emailed_at is null and created_at < now() - make_interval(hours => ${delayHours})
        order by created_at, id`,
  );
}

/** What a thread-based notification needs: thread title and kind, community, and whether the thread still exists. */
export function selectThreadContext(db: DbOrTx, orgId: string, threadId: string) {
  return selectRow<{ title: string; kind: string; communityId: string; deleted: boolean }>(
    db,
    sql`select t.title, t.kind, t.community_id as "communityId", t.deleted_at is not null as deleted from threads t where t.org_id = ${orgId} and t.id = ${threadId}`,
  );
}

/** True when the post still exists (not deleted). */
export async function isLivePost(db: DbOrTx, postId: string) {
  return (await selectRow(db, sql`select 1 from posts where id = ${postId} and deleted_at is null`)) !== undefined;
}

/** True when `personId` is mentioned in the post. */
export async function isMentioned(db: DbOrTx, postId: string, personId: string) {
  return (await selectRow(db, sql`select 1 from post_mentions where post_id = ${postId} and person_id = ${personId}`)) !== undefined;
}

/** Name and slug of a community, and its active owners and moderators. */
export async function selectCommunityContext(db: DbOrTx, orgId: string, communityId: string) {
  const c = await selectRow<{ name: string; slug: string }>(db, sql`select name, slug from communities where org_id = ${orgId} and id = ${communityId}`);
  if (!c) return undefined;
  const mods = await selectRows<{ personId: string }>(
    db,
    sql`select person_id as "personId" from community_members where community_id = ${communityId} and status = 'active' and role in ('owner', 'moderator')`,
  );
  return { ...c, moderatorIds: mods.map((m) => m.personId) };
}

/** Display name of a person of the organization. */
export async function selectName(db: DbOrTx, orgId: string, personId: string) {
  return (await selectRow<{ name: string }>(db, sql`select name from people where org_id = ${orgId} and id = ${personId}`))?.name;
}
