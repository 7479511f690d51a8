import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'wouter';
import type { EventDetail } from '../../../../../contracts/index.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Avatar } from '../../../components/ui/avatar.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { ErrorState } from '../../../components/ui/error-state.tsx';
import { Icon } from '../../../components/ui/icon.tsx';
import { PageLoading } from '../../../components/ui/page-loading.tsx';
import { RenderedHtml } from '../../../components/ui/rendered-html.tsx';
import { ApiError } from '../../../lib/api-error.ts';
import { relativeTime } from '../../../lib/relative-time.ts';
import { useChannel } from '../../../lib/use-channel.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { eventKeys } from '../api/event-keys.ts';
import { useEventActions } from '../api/use-event-actions.ts';
import { useEvent } from '../api/use-events.ts';
import { AttendeesPanel } from '../components/attendees-panel.tsx';
import { CancelledBadge, KindBadge, RsvpBadge } from '../components/event-badges.tsx';
import { QuestionsPanel } from '../components/questions-panel.tsx';
import { RsvpCard } from '../components/rsvp-card.tsx';
import { FeedbackCard } from '../../surveys/components/feedback-card.tsx';
import { eventWhen, isPast } from '../lib/event-format.ts';
import { useNow } from '../lib/use-now.ts';

/** Hosts (people of the organization) and guest speakers. */
function Speakers({ event }: { event: EventDetail }) {
  if (!event.hosts.length && !event.guestSpeakers.length) return null;
  return (
    <section aria-labelledby="speakers-title">
      <h2 id="speakers-title" className="section-title">
        Hosts and speakers
      </h2>
      <ul className="speakers">
        {event.hosts.map((h) => (
          <li key={h.id}>
            <Link href={`/people/${h.id}`} className="speaker">
              <Avatar personId={h.id} name={h.name} size="md" showPresence />
              <span>
                <span className="speaker-name">{h.name}</span>
                <span className="speaker-sub">{h.title ? `${h.title} · Host` : 'Host'}</span>
              </span>
            </Link>
          </li>
        ))}
        {event.guestSpeakers.map((g, i) => (
          <li key={`guest-${i}-${g.name}`}>
            <span className="speaker">
              <span className="avatar avatar-md speaker-guest" aria-hidden="true">
                <Icon name="sparkle" size={18} />
              </span>
              <span>
                <span className="speaker-name">{g.name}</span>
                <span className="speaker-sub">{g.title ? `${g.title} · Guest speaker` : 'Guest speaker'}</span>
              </span>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** After the event: the recording and what was attached. */
function Afterwards({ event, past }: { event: EventDetail; past: boolean }) {
  const has = event.recordingUrl || event.resources.length;
  if (!has && !(past && event.abilities.canEdit && event.status === 'scheduled')) return null;
  return (
    <section aria-labelledby="after-title">
      <h2 id="after-title" className="section-title">
        Recording and resources
      </h2>
      {has ? (
        <ul className="event-resources card">
          {event.recordingUrl ? (
            <li>
              <a href={event.recordingUrl} target="_blank" rel="noopener noreferrer" className="event-resource">
                <Icon name="file" size={18} /> Watch the recording<span className="visually-hidden"> (opens in a new tab)</span>
              </a>
            </li>
          ) : null}
          {event.resources.map((r) =>
            r.url ? (
              <li key={r.id}>
                <a href={r.url} target="_blank" rel="noopener noreferrer" className="event-resource">
                  <Icon name="link" size={18} /> {r.title}
                  <span className="visually-hidden"> (opens in a new tab)</span>
                </a>
              </li>
            ) : (
              <li key={r.id}>
                <Link href={`/resources/${r.resourceId}`} className="event-resource">
                  <Icon name="file" size={18} /> {r.title}
                </Link>
              </li>
            ),
          )}
        </ul>
      ) : (
        <p className="section-empty">
          Nothing attached yet. <Link href={`/events/${event.id}/edit#after`}>Add the recording and slides</Link> so people who missed it can catch up.
        </p>
      )}
    </section>
  );
}

/** /events/:id: details, hosts and speakers, RSVP with waitlist place, .ics, Join, live Q&A; hosts get attendees and cancel. */
export function EventPage({ id }: { id: string }) {
  const event = useEvent(id);
  const actions = useEventActions(id);
  const qc = useQueryClient();
  const now = useNow(15_000);
  const [confirmCancel, setConfirmCancel] = useState(false);
  useDocumentTitle(event.data?.title ?? 'Event');
  // RSVPs, promotions, questions and edits arrive as ids only: refetch through the authorized routes.
  useChannel(event.data ? `event:${id}` : null, (e) => {
    const what = 'what' in e ? String(e.what) : '';
    if (!what || what.startsWith('question')) void qc.invalidateQueries({ queryKey: eventKeys.questions(id) });
    if (!what || !what.startsWith('question')) {
      void qc.invalidateQueries({ queryKey: eventKeys.detail(id) });
      void qc.invalidateQueries({ queryKey: eventKeys.attendees(id) });
    }
  });

  if (event.isPending) return <PageLoading label="Loading event" />;
  if (event.isError) {
    if (event.error instanceof ApiError && event.error.status === 404)
      return (
        <EmptyState icon="search" title="We couldn't find that event" action={<Link href="/events" className="btn btn-primary">See the calendar</Link>}>
          It may belong to a community you are not in.
        </EmptyState>
      );
    return <ErrorState error={event.error} title="We couldn't load this event" onRetry={() => event.refetch()} />;
  }
  const e = event.data;
  const past = isPast(e, now);
  const live = !past && Date.parse(e.startsAt) <= now && e.status === 'scheduled';
  const when = eventWhen(e, { year: true });
  const error = [actions.rsvp.error, actions.join.error, actions.cancel.error].find((x) => x instanceof ApiError) as ApiError | undefined;

  return (
    <>
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <Link href="/events">Events</Link>
        {e.community ? (
          <>
            <span aria-hidden="true">/</span>
            <Link href={`/communities/${e.community.slug}/events`}>{e.community.name}</Link>
          </>
        ) : null}
        <span aria-hidden="true">/</span>
        <span aria-current="page" className="breadcrumb-current">
          {e.title}
        </span>
      </nav>
      {e.status === 'cancelled' ? (
        <div className="banner banner-danger" role="status">
          <Icon name="alert" size={18} />
          <p>
            <strong>Cancelled.</strong> This event will not take place; calendars of people who were going were updated.
          </p>
        </div>
      ) : null}
      <header className="event-head" data-kind={e.kind}>
        <div className="event-date" aria-hidden="true">
          <span className="event-date-month">{new Intl.DateTimeFormat(undefined, { month: 'short' }).format(new Date(e.startsAt))}</span>
          <span className="event-date-day">{new Date(e.startsAt).getDate()}</span>
        </div>
        <div className="event-head-text">
          <div className="agenda-badges">
            <KindBadge kind={e.kind} />
            {e.status === 'cancelled' ? <CancelledBadge /> : <RsvpBadge event={e} />}
            {live ? <span className="badge badge-ember event-live">Happening now</span> : null}
          </div>
          <h1>{e.title}</h1>
          <ul className="event-facts">
            <li>
              <Icon name="clock" size={16} />
              <span>
                <time dateTime={e.startsAt} data-testid="event-local-time">
                  {when.local}
                </time>
                {when.other ? (
                  <span className="event-zone" data-testid="event-zone-time">
                    {when.other}
                  </span>
                ) : null}
                {!past && e.status === 'scheduled' ? <span className="event-relative">{live ? 'Started' : 'Starts'} {relativeTime(e.startsAt, now)}</span> : null}
              </span>
            </li>
            {e.location ? (
              <li>
                <Icon name="mapPin" size={16} />
                {e.location}
              </li>
            ) : null}
            {e.isOnline ? (
              <li>
                <Icon name="globe" size={16} />
                {e.joinUrl ? 'Online — the join link opens here at the start' : 'Online — the join link shows once you are going'}
              </li>
            ) : null}
            {e.community ? (
              <li>
                <Icon name="people" size={16} />
                <span>
                  In <Link href={`/communities/${e.community.slug}/events`}>{e.community.name}</Link>
                </span>
              </li>
            ) : null}
          </ul>
        </div>
        {e.abilities.canEdit || e.abilities.canCancel ? (
          <div className="event-manage">
            {e.abilities.canEdit ? (
              <Link href={`/events/${e.id}/edit`} className="btn btn-secondary btn-sm">
                <Icon name="edit" size={16} /> Edit
              </Link>
            ) : null}
            {e.abilities.canEdit ? (
              <Link href={`/surveys/new?${new URLSearchParams({ audienceKind: 'event', audienceId: e.id, audienceName: `Attendees of ${e.title}`, kind: 'event_feedback' })}`} className="btn btn-ghost btn-sm">
                <Icon name="checkCircle" size={16} /> Survey attendees
              </Link>
            ) : null}
            {e.abilities.canCancel && e.status === 'scheduled' ? (
              <Button variant="ghost" size="sm" onClick={() => setConfirmCancel(true)}>
                <Icon name="x" size={16} /> Cancel event
              </Button>
            ) : null}
          </div>
        ) : null}
      </header>
      {error ? <Alert>{error.detail}</Alert> : null}
      <div className="event-layout">
        <div className="stack event-main">
          <section aria-labelledby="about-title">
            <h2 id="about-title" className="section-title">
              About
            </h2>
            {e.descriptionHtml ? <RenderedHtml html={e.descriptionHtml} className="card" /> : <p className="section-empty">No description.</p>}
          </section>
          <Speakers event={e} />
          <Afterwards event={e} past={past} />
          <QuestionsPanel event={e} now={now} />
        </div>
        <aside className="stack event-aside" aria-label="Your place at this event">
          <RsvpCard event={e} now={now} actions={actions} />
          {e.abilities.canManageAttendees ? <AttendeesPanel event={e} actions={actions} /> : null}
          {past ? <FeedbackCard source={{ eventId: e.id }} /> : null}
        </aside>
      </div>
      <Dialog
        open={confirmCancel}
        onClose={() => setConfirmCancel(false)}
        title="Cancel this event?"
        footer={
          <>
            <Button variant="ghost" onClick={() => setConfirmCancel(false)}>
              Keep it
            </Button>
            <Button variant="danger" loading={actions.cancel.isPending} onClick={() => actions.cancel.mutate(undefined, { onSuccess: () => setConfirmCancel(false) })}>
              Cancel event
            </Button>
          </>
        }
      >
        <p>
          Everyone going ({e.goingCount}) gets a calendar cancellation. The event stays listed as cancelled; this cannot be undone.
        </p>
        {actions.cancel.error instanceof ApiError ? <Alert>{actions.cancel.error.detail}</Alert> : null}
      </Dialog>
    </>
  );
}
