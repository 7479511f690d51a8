import { Link, useLocation } from 'wouter';
import { Icon } from '../../../components/ui/icon.tsx';
import { useUnreadMessages } from '../../messages/api/use-unread-messages.ts';
import { useLiveInbox } from '../api/use-live-inbox.ts';
import { useUnreadNotifications } from '../api/use-unread-notifications.ts';
import { BellIcon } from './bell-icon.tsx';

const count = (n: number | undefined) => (n && n > 99 ? '99+' : String(n ?? 0));

function Badge({ n }: { n: number | undefined }) {
  return n ? (
    <span className="inbox-badge" aria-hidden="true">
      {count(n)}
    </span>
  ) : null;
}

/**
 * The shell's links to Notifications (a bell) and Messages, each with a live unread badge: in the sidebar as nav rows,
 * in the phone top bar as icon buttons. `live` mounts the realtime listener (once per shell).
 */
export function InboxLinks({ variant, personId, live = false }: { variant: 'sidebar' | 'topbar'; personId: string; live?: boolean }) {
  return (
    <>
      {live ? <LiveInbox personId={personId} /> : null}
      <InboxLinksView variant={variant} />
    </>
  );
}

function LiveInbox({ personId }: { personId: string }) {
  useLiveInbox(personId);
  return null;
}

function InboxLinksView({ variant }: { variant: 'sidebar' | 'topbar' }) {
  const [location] = useLocation();
  const notifications = useUnreadNotifications().data;
  const messages = useUnreadMessages().data;
  const notifLabel = `Notifications${notifications ? `, ${count(notifications)} unread` : ''}`;
  const msgLabel = `Messages${messages ? `, ${count(messages)} unread` : ''}`;
  const onNotif = location.startsWith('/notifications') ? 'page' : undefined;
  const onMsg = location.startsWith('/messages') ? 'page' : undefined;
  if (variant === 'topbar')
    return (
      <>
        <Link href="/messages" className="inbox-icon" aria-label={msgLabel} aria-current={onMsg} data-testid="messages-link">
          <Icon name="mail" size={20} />
          <Badge n={messages} />
        </Link>
        <Link href="/notifications" className="inbox-icon" aria-label={notifLabel} aria-current={onNotif} data-testid="notifications-link">
          <BellIcon />
          <Badge n={notifications} />
        </Link>
      </>
    );
  return (
    <ul className="nav-list inbox-nav">
      <li>
        <Link href="/notifications" className="nav-link" aria-label={notifLabel} aria-current={onNotif} data-testid="notifications-link">
          <BellIcon />
          Notifications
          <Badge n={notifications} />
        </Link>
      </li>
      <li>
        <Link href="/messages" className="nav-link" aria-label={msgLabel} aria-current={onMsg} data-testid="messages-link">
          <Icon name="mail" />
          Messages
          <Badge n={messages} />
        </Link>
      </li>
    </ul>
  );
}
