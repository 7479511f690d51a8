import { and, eq, sql, type SQL } from 'drizzle-orm';
import { eventAttendance, eventHosts, eventResources, eventRsvps, events } from '../../../db/schema/index.ts';
import type { DbOrTx } from '../../kernel/db/database.ts';
import { selectRow, selectRows } from '../../kernel/db/rows.ts';

/** An event with what the viewer's relation needs (community, membership, host flag, own RSVP). */
export interface EventRow {
  id: string;
  orgId: string;
  communityId: string | null;
  programId: string | null;
  liveSessionId: string | null;
  kind: string;
  title: string;
  description: string;
  descriptionHtml: string;
  startsAt: Date | string;
  endsAt: Date | string;
  timeZone: string;
  location: string | null;
  joinUrl: string | null;
  capacity: number | null;
  status: string;
  recordingUrl: string | null;
  guestSpeakers: { name: string; title: string | null }[];
  sequence: number;
  goingCount: number;
  waitlistCount: number;
  createdBy: string | null;
  createdAt: Date | string;
  updatedAt: Date | string;
  communityName: string | null;
  communitySlug: string | null;
  /** The community's visibility and the viewer's membership (calendar lists decide visibility in SQL from them). */
  communityVisibility: string | null;
  memberStatus: string | null;
  memberRole: string | null;
  isHost: boolean;
  myRsvp: string | null;
}

const columns = (viewerId: string) => sql`e.id, e.org_id as "orgId", e.community_id as "communityId", e.program_id as "programId",
  e.live_session_id as "liveSessionId", e.kind, e.title, e.description, e.description_html as "descriptionHtml", e.starts_at as "startsAt",
  e.ends_at as "endsAt", e.time_zone as "timeZone", e.location, e.join_url as "joinUrl", e.capacity, e.status, e.recording_url as "recordingUrl",
  e.guest_speakers as "guestSpeakers", e.sequence, e.going_count as "goingCount", e.waitlist_count as "waitlistCount", e.created_by as "createdBy",
  e.created_at as "createdAt", e.updated_at as "updatedAt", c.name as "communityName", c.slug as "communitySlug",
  c.visibility as "communityVisibility", m.status as "memberStatus", m.role as "memberRole",
  exists (select 1 from event_hosts h where h.event_id = e.id and h.person_id = ${viewerId}) as "isHost", r.status as "myRsvp"`;

const joins = (viewerId: string) => sql`from events e
  left join communities c on c.id = e.community_id
  left join community_members m on m.community_id = e.community_id and m.person_id = ${viewerId}
  left join event_rsvps r on r.event_id = e.id and r.person_id = ${viewerId}`;

/** One event of an organization with the viewer's relation (visibility is decided by the service). */
export function selectEvent(db: DbOrTx, orgId: string, viewerId: string, id: string) {
  return selectRow<EventRow>(db, sql`select ${columns(viewerId)} ${joins(viewerId)} where e.org_id = ${orgId} and e.id = ${id}`);
}

/** Locks an event row for the rest of the transaction (serializes RSVPs against capacity, and edits). */
export async function lockEvent(db: DbOrTx, orgId: string, id: string) {
  await db.execute(sql`select 1 from events where org_id = ${orgId} and id = ${id} for update`);
}

/**
 * The calendar: events overlapping [from, to) that the viewer may see — organization events, events of open
 * communities or communities where the viewer is an active member (communities' canRead), or events they host —
 * by start time, at most `limit` rows.
 */
export function selectCalendar(
  db: DbOrTx,
  viewer: { orgId: string; personId: string },
  f: { from: string; to: string; communityId?: string; programId?: string; mine?: boolean; kind?: string; limit: number },
) {
  const me = viewer.personId;
  const where: SQL[] = [
    sql`e.org_id = ${viewer.orgId}`,
    sql`e.starts_at < ${f.to}::timestamptz`,
    sql`e.ends_at > ${f.from}::timestamptz`,
    sql`(e.community_id is null or c.visibility = 'open' or m.status = 'active' or exists (select 1 from event_hosts h where h.event_id = e.id and h.person_id = ${me}))`,
  ];
  if (f.communityId) where.push(sql`e.community_id = ${f.communityId}`);
  if (f.programId) where.push(sql`e.program_id = ${f.programId}`);
  if (f.kind) where.push(sql`e.kind = ${f.kind}`);
  if (f.mine) where.push(sql`(r.status in ('going', 'waitlisted') or exists (select 1 from event_hosts h where h.event_id = e.id and h.person_id = ${me}))`);
  return selectRows<EventRow>(db, sql`select ${columns(me)} ${joins(me)} where ${sql.join(where, sql` and `)} order by e.starts_at, e.id limit ${f.limit}`);
}

/** Hosts of some events, by name. */
export function selectHosts(db: DbOrTx, eventIds: string[]) {
  if (!eventIds.length) return Promise.resolve([] as { eventId: string; id: string; name: string; title: string | null }[]);
  return selectRows<{ eventId: string; id: string; name: string; title: string | null }>(
    db,
    sql`select h.event_id as "eventId", p.id, p.name, p.title from event_hosts h join people p on p.id = h.person_id
        where h.event_id in ${eventIds} order by p.name, p.id`,
  );
}

/** The viewer's RSVPs among some events, with their waitlist place and attendance. */
export function selectMyRsvps(db: DbOrTx, personId: string, eventIds: string[]) {
  type Row = { eventId: string; status: string; position: number | null; attendedAt: Date | string | null };
  if (!eventIds.length) return Promise.resolve([] as Row[]);
  return selectRows<Row>(
    db,
    sql`select r.event_id as "eventId", r.status,
          case when r.status = 'waitlisted' then (select count(*)::int from event_rsvps w where w.event_id = r.event_id and w.status = 'waitlisted'
            and (w.responded_at, w.person_id) <= (r.responded_at, r.person_id)) end as position,
          a.attended_at as "attendedAt"
        from event_rsvps r left join event_attendance a on a.event_id = r.event_id and a.person_id = r.person_id
        where r.person_id = ${personId} and r.event_id in ${eventIds}`,
  );
}

/** When a person's attendance was recorded, or undefined. */
export async function selectAttendance(db: DbOrTx, eventId: string, personId: string) {
  const [row] = await db.select().from(eventAttendance).where(and(eq(eventAttendance.eventId, eventId), eq(eventAttendance.personId, personId)));
  return row;
}

/** Active people of the organization among some ids. */
export function selectActivePeople(db: DbOrTx, orgId: string, ids: string[]) {
  if (!ids.length) return Promise.resolve([] as { id: string }[]);
  return selectRows<{ id: string }>(db, sql`select id from people where org_id = ${orgId} and status = 'active' and id in ${ids}`);
}

/** Whether a program exists in the organization (programs owns the table; read here like notifications reads threads). */
export async function programExists(db: DbOrTx, orgId: string, id: string) {
  return Boolean(await selectRow(db, sql`select 1 as one from programs where org_id = ${orgId} and id = ${id}`));
}

/** Person references by id (for createdBy). */
export function selectRefs(db: DbOrTx, orgId: string, ids: string[]) {
  if (!ids.length) return Promise.resolve([] as { id: string; name: string; title: string | null }[]);
  return selectRows<{ id: string; name: string; title: string | null }>(db, sql`select id, name, title from people where org_id = ${orgId} and id in ${ids}`);
}

/** Inserts an event. */
export async function insertEvent(db: DbOrTx, values: typeof events.$inferInsert) {
  const [row] = await db.insert(events).values(values).returning({ id: events.id });
  return row;
}

/** Updates an event's columns. */
export async function updateEventRow(db: DbOrTx, id: string, values: Partial<typeof events.$inferInsert>) {
  await db
    .update(events)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(events.id, id));
}

/** Replaces the host list. */
export async function setHosts(db: DbOrTx, orgId: string, eventId: string, personIds: string[]) {
  await db.delete(eventHosts).where(eq(eventHosts.eventId, eventId));
  if (personIds.length) await db.insert(eventHosts).values([...new Set(personIds)].map((personId) => ({ eventId, personId, orgId })));
}

/** Attachments of an event in order, with the resource's title and URL for resource attachments. */
export function selectResources(db: DbOrTx, eventId: string) {
  return selectRows<{ id: string; resourceId: string | null; title: string; url: string | null }>(
    db,
    sql`select a.id, a.resource_id as "resourceId", coalesce(a.title, res.title, '') as title, coalesce(a.url, res.url) as url
        from event_resources a left join resources res on res.id = a.resource_id
        where a.event_id = ${eventId} and (a.resource_id is null or res.deleted_at is null) order by a.position`,
  );
}

/** Replaces the attachments. */
export async function setResources(db: DbOrTx, orgId: string, eventId: string, items: { resourceId?: string; title?: string; url?: string }[]) {
  await db.delete(eventResources).where(eq(eventResources.eventId, eventId));
  if (items.length) {
    await db
      .insert(eventResources)
      .values(items.map((i, position) => ({ eventId, orgId, position, resourceId: i.resourceId ?? null, title: i.resourceId ? null : i.title, url: i.resourceId ? null : i.url })));
  }
}

/** A person's RSVP row. */
export async function selectRsvp(db: DbOrTx, eventId: string, personId: string) {
  const [row] = await db.select().from(eventRsvps).where(and(eq(eventRsvps.eventId, eventId), eq(eventRsvps.personId, personId)));
  return row;
}

/**
 * Sets a person's RSVP status (responded_at restarts, so the waitlist is first come, first served). The day-before
 * reminder counts as sent when the event starts within 24 hours: the invitation just went out.
 */
export async function upsertRsvp(db: DbOrTx, v: { eventId: string; personId: string; orgId: string; status: string }) {
  const dayDone = sql`case when ${v.status} = 'going' and (select starts_at from events where id = ${v.eventId}) <= now() + interval '24 hours' then now() end`;
  await db.execute(sql`insert into event_rsvps (event_id, person_id, org_id, status, responded_at, reminded_day_at)
    values (${v.eventId}, ${v.personId}, ${v.orgId}, ${v.status}, clock_timestamp(), ${dayDone})
    on conflict (event_id, person_id) do update set status = excluded.status, responded_at = excluded.responded_at,
      reminded_day_at = excluded.reminded_day_at, reminded_soon_at = null`);
}

/** How many people are going. */
export async function countGoing(db: DbOrTx, eventId: string) {
  const row = await selectRow<{ n: number }>(db, sql`select count(*)::int as n from event_rsvps where event_id = ${eventId} and status = 'going'`);
  return row?.n ?? 0;
}

/** The first person on the waitlist, or undefined. */
export async function firstWaitlisted(db: DbOrTx, eventId: string) {
  const row = await selectRow<{ personId: string }>(
    db,
    sql`select person_id as "personId" from event_rsvps where event_id = ${eventId} and status = 'waitlisted' order by responded_at, person_id limit 1`,
  );
  return row?.personId;
}

/** Recomputes the going and waitlist counters from the RSVP rows (inside the locked transaction). */
export async function refreshCounts(db: DbOrTx, eventId: string) {
  await db.execute(sql`update events set
      going_count = (select count(*)::int from event_rsvps where event_id = ${eventId} and status = 'going'),
      waitlist_count = (select count(*)::int from event_rsvps where event_id = ${eventId} and status = 'waitlisted')
    where id = ${eventId}`);
}

/** People going (to mail them an update or cancellation), with their mail details. */
export function selectGoing(db: DbOrTx, eventId: string) {
  return selectRows<Recipient>(
    db,
    sql`select p.id, p.org_id as "orgId", p.name, p.email, p.time_zone as "timeZone" from event_rsvps r join people p on p.id = r.person_id
        where r.event_id = ${eventId} and r.status = 'going' and p.status = 'active'`,
  );
}

/** Who gets a calendar mail. */
export interface Recipient {
  id: string;
  orgId: string;
  name: string;
  email: string;
  timeZone: string | null;
}

/** Mail details of some people of an organization. */
export function selectRecipients(db: DbOrTx, orgId: string, ids: string[]) {
  if (!ids.length) return Promise.resolve([] as Recipient[]);
  return selectRows<Recipient>(
    db,
    sql`select id, org_id as "orgId", name, email, time_zone as "timeZone" from people where org_id = ${orgId} and status = 'active' and id in ${ids}`,
  );
}

/** After a change of time, the reminders start over for the new time (the day-before one counts as sent within 24 h). */
export async function resetReminders(db: DbOrTx, eventId: string) {
  await db.execute(sql`update event_rsvps set
      reminded_day_at = case when (select starts_at from events where id = ${eventId}) <= now() + interval '24 hours' then now() end,
      reminded_soon_at = null
    where event_id = ${eventId}`);
}

/** Records attendance once (the first time counts). */
export async function recordAttendance(db: DbOrTx, v: { eventId: string; personId: string; orgId: string; markedBy: string | null }) {
  await db.execute(sql`insert into event_attendance (event_id, person_id, org_id, marked_by) values (${v.eventId}, ${v.personId}, ${v.orgId}, ${v.markedBy})
    on conflict (event_id, person_id) do nothing`);
  return selectAttendance(db, v.eventId, v.personId);
}

/** Removes a recorded attendance. */
export async function deleteAttendance(db: DbOrTx, eventId: string, personId: string) {
  await db.delete(eventAttendance).where(and(eq(eventAttendance.eventId, eventId), eq(eventAttendance.personId, personId)));
}

/** Everyone who answered or attended: going, then the waitlist in order, then not going, then attended without an RSVP. */
export function selectAttendees(db: DbOrTx, eventId: string) {
  return selectRows<{
    id: string;
    name: string;
    title: string | null;
    email: string;
    status: string | null;
    position: number | null;
    respondedAt: Date | string | null;
    attendedAt: Date | string | null;
  }>(
    db,
    sql`with x as (
          select coalesce(r.person_id, a.person_id) as person_id, r.status, r.responded_at, a.attended_at
          from (select * from event_rsvps where event_id = ${eventId}) r
          full join (select * from event_attendance where event_id = ${eventId}) a on a.person_id = r.person_id
        )
        select p.id, p.name, p.title, p.email, x.status,
          case when x.status = 'waitlisted' then row_number() over (partition by x.status order by x.responded_at, x.person_id)::int end as position,
          x.responded_at as "respondedAt", x.attended_at as "attendedAt"
        from x join people p on p.id = x.person_id
        order by case x.status when 'going' then 0 when 'waitlisted' then 1 when 'not_going' then 2 else 3 end, x.responded_at nulls last, p.name, p.id`,
  );
}

/** Whether a person has an RSVP or is a host (hosts may mark attendance of those people only). */
export async function isHostOf(db: DbOrTx, eventId: string, personId: string) {
  return Boolean(await selectRow(db, sql`select 1 as one from event_hosts where event_id = ${eventId} and person_id = ${personId}`));
}
