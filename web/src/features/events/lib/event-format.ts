import type { EventKind, EventSummary } from '../../../../../contracts/index.ts';
import { plural } from '../../../lib/plural.ts';
import { sameOffset, zoneCity } from './zoned-time.ts';

/** How each kind is named. */
export const KIND_LABEL: Record<EventKind, string> = { workshop: 'Workshop', webinar: 'Webinar', cohort_session: 'Cohort session' };

const dayFmt = (timeZone?: string) => new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', timeZone });
const dayYearFmt = (timeZone?: string) => new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone });
const timeFmt = (timeZone?: string) => new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit', timeZone });
const zoneAbbr = (d: Date, timeZone?: string) => new Intl.DateTimeFormat(undefined, { timeZoneName: 'short', timeZone }).formatToParts(d).find((p) => p.type === 'timeZoneName')?.value ?? '';

const sameDay = (a: Date, b: Date, timeZone?: string) => dayYearFmt(timeZone).format(a) === dayYearFmt(timeZone).format(b);

/** "10:00 – 11:30" (same day) or "Tue 3 Dec 10:00 – Wed 4 Dec 12:00", in a zone (the browser's when omitted). */
export function timeRange(startsAt: string, endsAt: string, timeZone?: string, withDay = true): string {
  const s = new Date(startsAt);
  const e = new Date(endsAt);
  const t = timeFmt(timeZone);
  if (sameDay(s, e, timeZone)) return `${withDay ? `${dayFmt(timeZone).format(s)}, ` : ''}${t.format(s)} – ${t.format(e)}`;
  return `${dayFmt(timeZone).format(s)} ${t.format(s)} – ${dayFmt(timeZone).format(e)} ${t.format(e)}`;
}

/** The viewer's line and, when the event's zone shows other clock times, the line in the event's zone. */
export function eventWhen(e: Pick<EventSummary, 'startsAt' | 'endsAt' | 'timeZone'>, opts: { withDay?: boolean; year?: boolean } = {}) {
  const s = new Date(e.startsAt);
  const withDay = opts.withDay ?? true;
  const local = `${opts.year && withDay ? `${dayYearFmt().format(s)}, ${timeRange(e.startsAt, e.endsAt, undefined, false)}` : timeRange(e.startsAt, e.endsAt, undefined, withDay)} ${zoneAbbr(s)}`;
  const other = sameOffset(e.timeZone, Intl.DateTimeFormat().resolvedOptions().timeZone, s.getTime())
    ? null
    : `${timeRange(e.startsAt, e.endsAt, e.timeZone, withDay || dayFmt(e.timeZone).format(s) !== dayFmt().format(s))} in ${zoneCity(e.timeZone)} (${zoneAbbr(s, e.timeZone)})`;
  return { local, other };
}

/** Start time only, in the viewer's zone ("10:00"). */
export const startTime = (iso: string) => timeFmt().format(new Date(iso));

/** "3 spots left", "Full · 2 on the waitlist", "Unlimited seats". */
export function seatsLine(e: Pick<EventSummary, 'capacity' | 'goingCount' | 'waitlistCount'>): string {
  if (e.capacity === null) return e.goingCount ? `${plural(e.goingCount, 'person', 'people')} going` : 'No seat limit';
  const left = Math.max(0, e.capacity - e.goingCount);
  if (left > 0) return `${plural(left, 'spot', 'spots')} left of ${e.capacity}`;
  return e.waitlistCount ? `Full · ${e.waitlistCount} on the waitlist` : 'Full · waitlist open';
}

/** The viewer's RSVP in words, or null. */
export function rsvpLabel(e: Pick<EventSummary, 'myRsvp' | 'isHost'>): string | null {
  if (e.isHost) return 'Hosting';
  if (!e.myRsvp) return null;
  if (e.myRsvp.status === 'going') return 'Going';
  if (e.myRsvp.status === 'waitlisted') return e.myRsvp.waitlistPosition ? `Waitlist #${e.myRsvp.waitlistPosition}` : 'Waitlisted';
  return 'Not going';
}

/** Whether the event is over. */
export const isPast = (e: Pick<EventSummary, 'endsAt'>, now = Date.now()) => Date.parse(e.endsAt) <= now;
