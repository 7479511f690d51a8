import { Link } from 'wouter';
import type { Notification, NotificationKind } from '../../../../../contracts/index.ts';
import { Avatar } from '../../../components/ui/avatar.tsx';
import { fullTime, relativeTime } from '../../../lib/relative-time.ts';
import { scrollToAnchorWhenReady } from './scroll-to-anchor.ts';

/** Short words for each kind, shown beside the time. */
export const KIND_LABELS: Record<NotificationKind, string> = {
  mention: 'Mention',
  reply: 'Reply',
  answer: 'Answer',
  accepted: 'Accepted answer',
  join_request: 'Join request',
  invited: 'Invitation',
  review: 'Review',
  mentoring: 'Mentoring',
  assignment: 'Assignment due',
  event_reminder: 'Event reminder',
  program: 'Program',
  survey: 'Survey',
  checkin: 'Check-in',
};

/** One notification: who, what (server-built plain text), when; unread ones are marked and become read when opened. */
export function NotificationItem({ n, onOpen }: { n: Notification; onOpen: (n: Notification) => void }) {
  const unread = n.readAt === null;
  return (
    <li className="notification" data-unread={unread}>
      <Link href={n.url} className="notification-link" onClick={() => {
          onOpen(n);
          scrollToAnchorWhenReady(n.url);
        }}>
        {n.actor ? <Avatar personId={n.actor.id} name={n.actor.name} size="sm" /> : <span className="notification-dot-avatar" aria-hidden="true" />}
        <span className="notification-main">
          <span className="notification-title">
            {unread ? <span className="visually-hidden">Unread: </span> : null}
            {n.title}
          </span>
          <span className="notification-meta">
            {KIND_LABELS[n.kind]} · <time dateTime={n.createdAt} title={fullTime(n.createdAt)}>{relativeTime(n.createdAt)}</time>
          </span>
        </span>
        {unread ? <span className="unread-dot" aria-hidden="true" /> : null}
      </Link>
    </li>
  );
}
