import { Link } from 'wouter';
import type { EventSummary } from '../../../../../contracts/index.ts';
import { Icon } from '../../../components/ui/icon.tsx';
import { eventWhen, isPast, seatsLine } from '../lib/event-format.ts';
import { localDayKey } from '../lib/zoned-time.ts';
import { CancelledBadge, KindBadge, RsvpBadge } from './event-badges.tsx';

const dayHead = new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long' });

/** One event as a row: time (the viewer's, and the event's zone when it differs), title, kind, place, seats, my answer. */
export function AgendaItem({ event, now, showCommunity = true }: { event: EventSummary; now: number; showCommunity?: boolean }) {
  const when = eventWhen(event, { withDay: false });
  const past = isPast(event, now);
  return (
    <li className={`agenda-item event-kind-${event.kind}`} data-status={event.status} data-past={past || undefined}>
      <div className="agenda-main">
        <div className="agenda-badges">
          <KindBadge kind={event.kind} />
          {event.status === 'cancelled' ? <CancelledBadge /> : <RsvpBadge event={event} />}
        </div>
        <h3 className="agenda-title">
          <Link href={`/events/${event.id}`} className="stretched-link">
            {event.title}
          </Link>
        </h3>
        <p className="agenda-when">
          <Icon name="clock" size={15} />
          <span className="agenda-when-text">
            <time dateTime={event.startsAt}>{when.local}</time>
            {when.other ? <span className="agenda-zone">{when.other}</span> : null}
          </span>
        </p>
        <p className="agenda-meta">
          {event.location ? (
            <span>
              <Icon name="mapPin" size={15} /> {event.location}
            </span>
          ) : null}
          {event.isOnline ? (
            <span>
              <Icon name="globe" size={15} /> Online
            </span>
          ) : null}
          {showCommunity && event.community ? (
            <span>
              <Icon name="people" size={15} /> {event.community.name}
            </span>
          ) : null}
          {event.status === 'scheduled' && !past ? (
            <span className="agenda-seats" data-full={(event.capacity !== null && event.goingCount >= event.capacity) || undefined}>
              <Icon name="userPlus" size={15} /> {seatsLine(event)}
            </span>
          ) : null}
          {past && event.hasRecording ? (
            <span>
              <Icon name="file" size={15} /> Recording
            </span>
          ) : null}
        </p>
      </div>
    </li>
  );
}

/** Events of a month grouped by local day (phones; also the day list on desktop). Today is marked. */
export function AgendaList({ items, now, label, showCommunity = true }: { items: EventSummary[]; now: number; label: string; showCommunity?: boolean }) {
  const groups = new Map<string, EventSummary[]>();
  for (const e of items) {
    const key = localDayKey(new Date(e.startsAt));
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  const today = localDayKey(new Date(now));
  return (
    <ol className="agenda" aria-label={label}>
      {[...groups.entries()].map(([day, list]) => {
        const d = new Date(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
        return (
          <li key={day} className="agenda-day" data-today={day === today || undefined} data-past={day < today || undefined}>
            <h2 className="agenda-day-head">
              {dayHead.format(d)}
              {day === today ? <span className="badge badge-ember">Today</span> : null}
            </h2>
            <ul className="agenda-items">
              {list.map((e) => (
                <AgendaItem key={e.id} event={e} now={now} showCommunity={showCommunity} />
              ))}
            </ul>
          </li>
        );
      })}
    </ol>
  );
}
