import { createEvent, type EventAttributes } from 'ics';
import type { AppDeps } from '../../kernel/deps.ts';
import { escapeHtml } from '../../kernel/mail.ts';
import { toIso } from '../../kernel/time.ts';
import type { EventRow, Recipient } from './events.repo.ts';

/** What a calendar entry needs from an event. */
export interface IcsEvent {
  id: string;
  title: string;
  description: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  location: string | null;
  joinUrl: string | null;
  status: string;
  sequence: number;
}

/** PUBLISH for downloads, REQUEST for invitations and updates, CANCEL when the event is cancelled. */
export type IcsMethod = 'PUBLISH' | 'REQUEST' | 'CANCEL';

/** Base URL of links in mail and calendar entries: PUBLIC_URL, else this node's own address (development). */
export const baseUrl = (deps: AppDeps) => (deps.config.PUBLIC_URL ?? `http://localhost:${deps.config.PORT}`).replace(/\/$/, '');

/**
 * The UID of an event's calendar entry. It never changes, so every update and the cancellation replace the entry a
 * calendar already holds; SEQUENCE (the event's `sequence`) tells which version is newer.
 */
export const icsUid = (eventId: string) => `event-${eventId}@hearth`;

/** "Name <address>" → its parts, for the ORGANIZER of invitations. */
function organizer(from: string) {
  const m = /^\s*"?([^"<]*)"?\s*<([^>]+)>\s*$/.exec(from);
  return m ? { name: m[1].trim() || 'Hearth', email: m[2].trim() } : { name: 'Hearth', email: from.trim() };
}

/**
 * Builds the iCalendar text of an event (times in UTC). The join link goes into the entry only when `withJoinUrl`
 * (the recipient is going or hosts); an invitation names the recipient as the one attendee.
 */
export function buildIcs(deps: AppDeps, e: IcsEvent, method: IcsMethod, opts: { withJoinUrl: boolean; attendee?: Recipient }): string {
  const url = `${baseUrl(deps)}/events/${e.id}`;
  const join = opts.withJoinUrl && e.joinUrl ? e.joinUrl : null;
  const place = [e.location, join].filter(Boolean).join(' · ');
  const attrs: EventAttributes = {
    uid: icsUid(e.id),
    sequence: e.sequence,
    method,
    productId: 'hearth/events',
    start: e.startsAt.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: e.endsAt.getTime(),
    endInputType: 'utc',
    endOutputType: 'utc',
    title: e.title,
    description: [e.description, join ? `Join: ${join}` : '', `Details: ${url}`].filter(Boolean).join('\n\n'),
    ...(place ? { location: place } : {}),
    url,
    status: e.status === 'cancelled' || method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED',
    ...(method === 'PUBLISH' ? {} : { organizer: organizer(deps.config.MAIL_FROM) }),
    ...(opts.attendee
      ? { attendees: [{ name: opts.attendee.name, email: opts.attendee.email, rsvp: false, partstat: 'ACCEPTED' as const, role: 'REQ-PARTICIPANT' as const }] }
      : {}),
  };
  const { error, value } = createEvent(attrs);
  if (error || !value) throw error ?? new Error('could not build the calendar entry');
  return value;
}

/** A time in a zone, e.g. "Tue 1 Dec 2026, 15:00 (Europe/Berlin)". */
export function formatIn(d: Date, timeZone: string) {
  const s = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(d);
  return `${s} (${timeZone})`;
}

const SUBJECT: Record<IcsMethod, string> = { PUBLISH: 'Event', REQUEST: 'Invitation', CANCEL: 'Cancelled' };

/**
 * Mails a calendar invitation (REQUEST) or cancellation (CANCEL) with the .ics attached. Times are given in the
 * event's zone and, when different, in the recipient's.
 */
export async function sendCalendarMail(deps: AppDeps, e: IcsEvent, method: 'REQUEST' | 'CANCEL', to: Recipient, kind: 'invite' | 'update' | 'cancel') {
  const ics = buildIcs(deps, e, method, { withJoinUrl: method === 'REQUEST', attendee: to });
  const when = formatIn(e.startsAt, e.timeZone);
  const local = to.timeZone && to.timeZone !== e.timeZone ? formatIn(e.startsAt, to.timeZone) : null;
  const intro = {
    invite: `You are going to “${e.title}”. The calendar invitation is attached.`,
    update: `“${e.title}” has changed. The updated calendar invitation is attached.`,
    cancel: `“${e.title}” has been cancelled. Open the attachment to remove it from your calendar.`,
  }[kind];
  const url = `${baseUrl(deps)}/events/${e.id}`;
  const lines = [`Hi ${to.name},`, '', intro, '', `When: ${when}`, ...(local ? [`Your time: ${local}`] : []), ...(e.location ? [`Where: ${e.location}`] : []), '', `Details: ${url}`];
  await deps.mailer.send({
    to: to.email,
    subject: `${kind === 'update' ? 'Updated invitation' : SUBJECT[method]}: ${e.title} — ${when}`,
    text: lines.join('\n'),
    html: lines.map((l) => (l ? `<p>${escapeHtml(l)}</p>` : '')).join(''),
    attachments: [{ filename: method === 'CANCEL' ? 'cancel.ics' : 'invite.ics', content: ics, contentType: `text/calendar; charset=utf-8; method=${method}` }],
  });
}

/** The calendar-entry view of an event row. */
export const icsOf = (row: EventRow): IcsEvent => ({
  id: row.id,
  title: row.title,
  description: row.description,
  startsAt: new Date(toIso(row.startsAt)),
  endsAt: new Date(toIso(row.endsAt)),
  timeZone: row.timeZone,
  location: row.location,
  joinUrl: row.joinUrl,
  status: row.status,
  sequence: row.sequence,
});

/**
 * Sends calendar mail after the answer (a slow or failing mail server never fails the change that caused it). One
 * recipient's failure does not stop the others.
 */
export function mailInBackground(deps: AppDeps, e: IcsEvent, method: 'REQUEST' | 'CANCEL', to: Recipient[], kind: 'invite' | 'update' | 'cancel') {
  void (async () => {
    for (const r of to) await sendCalendarMail(deps, e, method, r, kind).catch(() => {});
  })();
}
