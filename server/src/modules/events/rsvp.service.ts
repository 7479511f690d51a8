import type { EventAttendees, EventDetail, JoinEventResponse } from '../../../../contracts/index.ts';
import type { Actor } from '../../kernel/auth/sessions.ts';
import { toCsv } from '../../kernel/csv.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import type { DbOrTx } from '../../kernel/db/database.ts';
import { AppError, notFound } from '../../kernel/errors.ts';
import { toIso } from '../../kernel/time.ts';
import { assertOpen, eventChanged, loadEvent, loadForEditor } from './events.access.ts';
import { buildIcs, icsOf, type IcsMethod, mailInBackground } from './events.ics.ts';
import * as policy from './events.policy.ts';
import * as repo from './events.repo.ts';
import { getEvent } from './events.service.ts';
import { fillFromWaitlist } from './waitlist.ts';



/**
 * The viewer answers going or not going. Going takes a seat while there is one, else joins the waitlist; leaving a
 * seat gives it to the first person waiting, in the same transaction. The event row is locked for the whole change,
 * so concurrent answers never oversell the capacity. A cancelled or ended event answers 409.
 */
export async function setRsvp(deps: AppDeps, actor: Actor, id: string, status: 'going' | 'not_going'): Promise<EventDetail> {
  const now = new Date();
  const result = await deps.events.transaction(deps.db, async (tx, emit) => {
    await repo.lockEvent(tx, actor.orgId, id);
    const e = await loadEvent(tx, actor, id);
    assertOpen(e, now);
    const current = e.rel.rsvp;
    const invited: string[] = [];
    let leftSeat = false;
    if (status === 'going') {
      if (current === 'going' || current === 'waitlisted') return { invited, leftSeat };
      const going = await repo.countGoing(tx, e.row.id);
      const next = e.row.capacity === null || going < e.row.capacity ? 'going' : 'waitlisted';
      await repo.upsertRsvp(tx, { eventId: e.row.id, personId: actor.personId, orgId: actor.orgId, status: next });
      if (next === 'going') invited.push(actor.personId);
      emit({ type: 'events.rsvped', orgId: actor.orgId, payload: { eventId: e.row.id, personId: actor.personId, status: next } });
    } else {
      if (current === 'not_going') return { invited, leftSeat };
      await repo.upsertRsvp(tx, { eventId: e.row.id, personId: actor.personId, orgId: actor.orgId, status: 'not_going' });
      emit({ type: 'events.rsvped', orgId: actor.orgId, payload: { eventId: e.row.id, personId: actor.personId, status: 'not_going' } });
      if (current === 'going') {
        leftSeat = true;
        for (const personId of await fillFromWaitlist(tx, e.row.id, e.row.capacity)) {
          invited.push(personId);
          emit({ type: 'events.promoted', orgId: actor.orgId, payload: { eventId: e.row.id, personId } });
        }
      }
    }
    await repo.refreshCounts(tx, e.row.id);
    return { invited, leftSeat };
  });
  if (result.invited.length || result.leftSeat) {
    const fresh = await repo.selectEvent(deps.db, actor.orgId, actor.personId, id);
    if (fresh) {
      mailInBackground(deps, icsOf(fresh), 'REQUEST', await repo.selectRecipients(deps.db, actor.orgId, result.invited), 'invite');
      // Someone who gave up their seat gets the cancellation for their own calendar.
      if (result.leftSeat) mailInBackground(deps, icsOf(fresh), 'CANCEL', await repo.selectRecipients(deps.db, actor.orgId, [actor.personId]), 'cancel');
    }
  }
  eventChanged(deps, id, 'rsvp');
  return getEvent(deps.db, actor, id);
}

/**
 * Going attendees, hosts and editors join from 15 minutes before the start until the end: attendance is recorded
 * (the first join counts) and the answer says where to go.
 */
export async function joinEvent(deps: AppDeps, actor: Actor, id: string): Promise<JoinEventResponse> {
  const now = new Date();
  const e = await loadEvent(deps.db, actor, id);
  assertOpen(e, now);
  if (!policy.canSeeJoinUrl(actor, e.subject, e.rel)) throw new AppError('FORBIDDEN', 'Answer “going” to join this event.');
  if (!policy.isJoinable(e.subject, now)) throw new AppError('CONFLICT', 'Joining opens 15 minutes before the event starts.');
  const row = await repo.recordAttendance(deps.db, { eventId: e.row.id, personId: actor.personId, orgId: actor.orgId, markedBy: null });
  eventChanged(deps, id, 'rsvp');
  return { joinUrl: e.row.joinUrl, liveSessionId: e.row.liveSessionId, attendedAt: toIso(row?.attendedAt ?? now) };
}

/** The attendee list for hosts and editors: going, the waitlist in order, not going, then attended without an RSVP. */
export async function findAttendees(db: DbOrTx, actor: Actor, id: string): Promise<EventAttendees> {
  const e = await loadForEditor(db, actor, id);
  const rows = await repo.selectAttendees(db, e.row.id);
  return {
    items: rows.map((r) => ({
      id: r.id,
      name: r.name,
      title: r.title,
      email: r.email,
      status: r.status as 'going' | 'waitlisted' | 'not_going' | null,
      waitlistPosition: r.position,
      respondedAt: r.respondedAt ? toIso(r.respondedAt) : null,
      attendedAt: r.attendedAt ? toIso(r.attendedAt) : null,
    })),
  };
}

/** The attendee list as CSV (formula-neutralized cells). */
export function attendeesCsv(list: EventAttendees) {
  return toCsv([
    ['name', 'email', 'title', 'status', 'waitlist_position', 'responded_at', 'attended_at'],
    ...list.items.map((a) => [a.name, a.email, a.title, a.status, a.waitlistPosition, a.respondedAt, a.attendedAt]),
  ]);
}

/** Hosts and editors mark someone who answered (or a host) as attended, or take it back. */
export async function markAttendance(deps: AppDeps, actor: Actor, id: string, personId: string, attended: boolean): Promise<void> {
  const e = await loadForEditor(deps.db, actor, id);
  if (!(await repo.selectRsvp(deps.db, e.row.id, personId)) && !(await repo.isHostOf(deps.db, e.row.id, personId))) throw notFound('That attendee');
  if (attended) await repo.recordAttendance(deps.db, { eventId: e.row.id, personId, orgId: actor.orgId, markedBy: actor.personId });
  else await repo.deleteAttendance(deps.db, e.row.id, personId);
  eventChanged(deps, id, 'rsvp');
}

/** The event as an .ics file (METHOD:PUBLISH, same UID and SEQUENCE as the invitations) for people who can see it. */
export async function getEventIcs(deps: AppDeps, actor: Actor, id: string): Promise<{ filename: string; ics: string }> {
  const e = await loadEvent(deps.db, actor, id);
  const method: IcsMethod = 'PUBLISH';
  const ics = buildIcs(deps, icsOf(e.row), method, { withJoinUrl: policy.canSeeJoinUrl(actor, e.subject, e.rel) });
  const slug = e.row.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'event';
  return { filename: `${slug}.ics`, ics };
}
