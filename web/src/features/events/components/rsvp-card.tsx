import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Link } from 'wouter';
import type { EventDetail } from '../../../../../contracts/index.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { Icon } from '../../../components/ui/icon.tsx';
import { fullTime, relativeTime } from '../../../lib/relative-time.ts';
import { eventKeys } from '../api/event-keys.ts';
import type { useEventActions } from '../api/use-event-actions.ts';
import { isPast, seatsLine } from '../lib/event-format.ts';

/** Join opens this long before the start. */
export const JOIN_OPENS_MINUTES = 15;

/** The .ics download of an event (the server's copy: UID, SEQUENCE, times in UTC). */
export const icsHref = (id: string) => `/api/events/${encodeURIComponent(id)}/ics`;

/** Whether the join window is open: from 15 minutes before the start until the end. */
export const joinWindowOpen = (e: Pick<EventDetail, 'startsAt' | 'endsAt'>, now: number) => now >= Date.parse(e.startsAt) - JOIN_OPENS_MINUTES * 60_000 && now < Date.parse(e.endsAt);

/** The join action: the online link (new tab), the live session, or a check-in for rooms; each records attendance. */
function JoinAction({ event, now, actions }: { event: EventDetail; now: number; actions: ReturnType<typeof useEventActions> }) {
  const qc = useQueryClient();
  const windowOpen = joinWindowOpen(event, now);
  // The server opens joining 15 minutes before the start: fetch the page again then, so Join turns on by itself.
  useEffect(() => {
    if (windowOpen && !event.abilities.canJoin && event.status === 'scheduled') void qc.invalidateQueries({ queryKey: eventKeys.detail(event.id) });
  }, [windowOpen, event.abilities.canJoin, event.status, event.id, qc]);
  const participant = event.myRsvp?.status === 'going' || event.isHost || event.abilities.canEdit;
  if (event.status !== 'scheduled' || isPast(event, now) || !participant) return null;
  const attended = event.myRsvp?.attendedAt ?? null;
  const record = () => actions.join.mutate();
  if (!event.abilities.canJoin)
    return (
      <div className="stack-sm">
        <Button variant="secondary" disabled block>
          <Icon name="globe" size={18} /> Join
        </Button>
        <p className="field-hint">Opens {JOIN_OPENS_MINUTES} minutes before the start ({relativeTime(new Date(Date.parse(event.startsAt) - JOIN_OPENS_MINUTES * 60_000).toISOString(), now)}).</p>
      </div>
    );
  const label = event.joinUrl ? 'Join now' : event.liveSessionId ? 'Join the live session' : attended ? 'Checked in' : 'Check in';
  return (
    <div className="stack-sm">
      {event.joinUrl ? (
        <a href={event.joinUrl} target="_blank" rel="noopener noreferrer" className="btn btn-primary btn-block event-join" onClick={record}>
          <Icon name="globe" size={18} /> {label}
          <span className="visually-hidden"> (opens in a new tab)</span>
        </a>
      ) : event.liveSessionId ? (
        <Link href={`/live/${event.liveSessionId}`} className="btn btn-primary btn-block event-join" onClick={record}>
          <Icon name="people" size={18} /> {label}
        </Link>
      ) : (
        <Button block onClick={record} loading={actions.join.isPending} disabled={!!attended} className="event-join">
          <Icon name="check" size={18} /> {label}
        </Button>
      )}
      {attended ? <p className="field-hint">Attendance recorded {relativeTime(attended, now)}.</p> : null}
    </div>
  );
}

/** The viewer's answer (going, waitlist place, not going), seats, "Add to calendar" and Join. */
export function RsvpCard({ event, now, actions }: { event: EventDetail; now: number; actions: ReturnType<typeof useEventActions> }) {
  const mine = event.myRsvp?.status ?? null;
  const full = event.capacity !== null && event.goingCount >= event.capacity;
  const past = isPast(event, now);
  const pending = actions.rsvp.isPending ? actions.rsvp.variables : null;
  const title =
    event.status === 'cancelled'
      ? 'This event was cancelled'
      : past
        ? 'This event has ended'
        : event.isHost
          ? 'You are hosting'
          : mine === 'going'
            ? 'You are going'
            : mine === 'waitlisted'
              ? 'You are on the waitlist'
              : mine === 'not_going'
                ? 'You are not going'
                : 'Will you come?';
  return (
    <Card className="rsvp-card" warm title={title} id="rsvp">
      <div className="stack-sm" aria-live="polite">
        {mine === 'waitlisted' && event.status === 'scheduled' ? (
          <p className="waitlist-position" data-testid="waitlist-position">
            You are <strong>number {event.myRsvp?.waitlistPosition ?? '?'}</strong> on the waitlist. You get a seat, and an invitation, as soon as one frees up.
          </p>
        ) : null}
        {mine === 'going' && event.status === 'scheduled' && !past ? <p>You have a seat. The invitation is in your mail; add it to your calendar below too.</p> : null}
        {event.status === 'scheduled' && !past ? (
          <p className="rsvp-seats" data-full={full || undefined}>
            <Icon name="userPlus" size={16} /> {seatsLine(event)}
          </p>
        ) : null}
      </div>
      {event.abilities.canRsvp ? (
        <div className="rsvp-buttons" role="group" aria-label="Your answer">
          <Button
            variant={mine === 'going' || mine === 'waitlisted' ? 'primary' : 'secondary'}
            aria-pressed={mine === 'going' || mine === 'waitlisted'}
            loading={pending === 'going'}
            disabled={!!pending}
            onClick={() => mine !== 'going' && mine !== 'waitlisted' && actions.rsvp.mutate('going')}
          >
            <Icon name="check" size={18} /> {mine === 'waitlisted' ? 'On the waitlist' : full && mine !== 'going' ? 'Join the waitlist' : 'Going'}
          </Button>
          <Button variant={mine === 'not_going' ? 'primary' : 'secondary'} aria-pressed={mine === 'not_going'} loading={pending === 'not_going'} disabled={!!pending} onClick={() => mine !== 'not_going' && actions.rsvp.mutate('not_going')}>
            <Icon name="x" size={18} /> Not going
          </Button>
        </div>
      ) : null}
      {mine === 'going' && full && event.waitlistCount > 0 && !past && event.status === 'scheduled' ? <p className="field-hint">If you cannot come, answer “Not going”: your seat goes to the first person waiting.</p> : null}
      <JoinAction event={event} now={now} actions={actions} />
      {event.status === 'scheduled' && !past ? (
        <a href={icsHref(event.id)} download={`${event.title.replace(/[^\p{L}\p{N} _-]+/gu, '').trim() || 'event'}.ics`} className="btn btn-ghost btn-sm rsvp-ics">
          <Icon name="download" size={16} /> Add to calendar (.ics)
        </a>
      ) : null}
      {event.myRsvp?.attendedAt && !event.abilities.canJoin ? <p className="field-hint">You attended ({fullTime(event.myRsvp.attendedAt)}).</p> : null}
    </Card>
  );
}
