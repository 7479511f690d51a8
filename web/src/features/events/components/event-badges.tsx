import type { EventSummary } from '../../../../../contracts/index.ts';
import { Icon } from '../../../components/ui/icon.tsx';
import { KIND_LABEL, rsvpLabel } from '../lib/event-format.ts';

/** The kind as a small coloured badge. */
export function KindBadge({ kind }: { kind: EventSummary['kind'] }) {
  return <span className={`badge event-kind event-kind-${kind}`}>{KIND_LABEL[kind]}</span>;
}

/** The viewer's answer (or "Hosting") as a badge, or nothing. */
export function RsvpBadge({ event }: { event: Pick<EventSummary, 'myRsvp' | 'isHost'> }) {
  const label = rsvpLabel(event);
  if (!label) return null;
  const status = event.isHost ? 'host' : event.myRsvp?.status;
  return (
    <span className={`badge event-rsvp event-rsvp-${status}`}>
      {status === 'going' || status === 'host' ? <Icon name="check" size={13} /> : status === 'waitlisted' ? <Icon name="clock" size={13} /> : null}
      {label}
    </span>
  );
}

/** "Cancelled", shown instead of seats on cancelled events. */
export function CancelledBadge() {
  return <span className="badge badge-danger">Cancelled</span>;
}
