import { Link } from 'wouter';
import type { EventDetail, EventAttendee } from '../../../../../contracts/index.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Avatar } from '../../../components/ui/avatar.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { Icon } from '../../../components/ui/icon.tsx';
import { Skeleton } from '../../../components/ui/skeleton.tsx';
import { ApiError } from '../../../lib/api-error.ts';
import { fullTime } from '../../../lib/relative-time.ts';
import type { useEventActions } from '../api/use-event-actions.ts';
import { useEventAttendees } from '../api/use-events.ts';

const STATUS: Record<string, string> = { going: 'Going', waitlisted: 'Waitlist', not_going: 'Not going' };

function statusText(a: EventAttendee) {
  if (!a.status) return 'No answer';
  return a.status === 'waitlisted' && a.waitlistPosition ? `Waitlist #${a.waitlistPosition}` : STATUS[a.status];
}

/** Hosts and editors: who is going, waiting and not going, attendance (tick to correct it) and a CSV download. */
export function AttendeesPanel({ event, actions }: { event: EventDetail; actions: ReturnType<typeof useEventActions> }) {
  const list = useEventAttendees(event.id);
  const items = list.data?.items ?? [];
  const attended = items.filter((a) => a.attendedAt).length;
  const started = Date.parse(event.startsAt) - 15 * 60_000 <= Date.now();
  const marking = actions.markAttendance.isPending ? actions.markAttendance.variables?.personId : null;
  return (
    <Card
      id="attendees"
      title="Attendees"
      actions={
        <a href={`/api/events/${encodeURIComponent(event.id)}/attendees?format=csv`} download className="btn btn-secondary btn-sm">
          <Icon name="download" size={16} /> CSV
        </a>
      }
    >
      <p className="muted small attendees-summary">
        {event.goingCount} going{event.capacity !== null ? ` of ${event.capacity} seats` : ''} · {event.waitlistCount} waiting{started ? ` · ${attended} attended` : ''}
      </p>
      {actions.markAttendance.error instanceof ApiError ? <Alert>{actions.markAttendance.error.detail}</Alert> : null}
      {list.isPending ? (
        <Skeleton height={120} />
      ) : list.isError ? (
        <Alert>{list.error instanceof ApiError ? list.error.detail : 'We could not load the attendee list.'}</Alert>
      ) : items.length === 0 ? (
        <p className="section-empty">Nobody has answered yet.</p>
      ) : (
        <ul className="attendees">
          {items.map((a) => (
            <li key={a.id} className="attendee" data-status={a.status ?? 'none'}>
              <Link href={`/people/${a.id}`} className="attendee-person">
                <Avatar personId={a.id} name={a.name} size="sm" />
                <span>
                  <span className="person-row-name">{a.name}</span>
                  <span className="person-row-sub">{statusText(a)}</span>
                </span>
              </Link>
              <label className="checkbox attendee-attended" title={a.attendedAt ? `Recorded ${fullTime(a.attendedAt)}` : undefined}>
                <input
                  type="checkbox"
                  checked={!!a.attendedAt}
                  disabled={marking === a.id}
                  onChange={(e) => actions.markAttendance.mutate({ personId: a.id, attended: e.target.checked })}
                />
                <span>
                  Attended<span className="visually-hidden">: {a.name}</span>
                </span>
              </label>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
