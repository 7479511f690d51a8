import { Link } from 'wouter';
import { Button } from '../../../components/ui/button.tsx';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { ErrorState } from '../../../components/ui/error-state.tsx';
import { Icon } from '../../../components/ui/icon.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { Skeleton } from '../../../components/ui/skeleton.tsx';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { useNotificationActions } from '../api/use-notification-actions.ts';
import { useNotifications } from '../api/use-notifications.ts';
import { useUnreadNotifications } from '../api/use-unread-notifications.ts';
import { NotificationItem } from '../components/notification-item.tsx';
import { usePageSearchParams } from '../../../lib/use-page-search-params.ts';

/** /notifications: everything that happened for me, newest first, live; all or unread only. */
export function NotificationsPage() {
  useDocumentTitle('Notifications');
  const [params, setParams] = usePageSearchParams();
  const unreadOnly = params.get('show') === 'unread';
  const list = useNotifications(unreadOnly);
  const unread = useUnreadNotifications().data ?? 0;
  const actions = useNotificationActions();
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <div className="stack notifications-page">
      <PageHeader
        title="Notifications"
        subtitle={unread ? `${unread} unread` : 'You are all caught up.'}
        actions={
          <>
            <Button variant="secondary" size="sm" disabled={!unread} loading={actions.markAllRead.isPending} onClick={() => actions.markAllRead.mutate()}>
              <Icon name="check" size={16} /> Mark all read
            </Button>
            <Link href="/notifications/settings" className="btn btn-ghost btn-sm">
              Settings
            </Link>
          </>
        }
      />
      <div className="segmented" role="group" aria-label="Show">
        {(['all', 'unread'] as const).map((f) => (
          <button key={f} type="button" className="segment" aria-pressed={(f === 'unread') === unreadOnly} onClick={() => setParams(f === 'all' ? {} : { show: f }, { replace: true })}>
            {f === 'all' ? 'All' : 'Unread'}
          </button>
        ))}
      </div>
      {list.isPending ? (
        <ul className="notification-list" aria-label="Loading notifications" aria-busy="true">
          {[0, 1, 2, 3].map((i) => (
            <li key={i} className="notification">
              <span className="notification-link">
                <Skeleton circle width={32} height={32} />
                <span className="notification-main">
                  <Skeleton width="70%" />
                  <Skeleton width="30%" height={12} />
                </span>
              </span>
            </li>
          ))}
        </ul>
      ) : list.isError && !items.length ? (
        <ErrorState error={list.error} title="We couldn't load your notifications" onRetry={() => list.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState icon="sparkle" title={unreadOnly ? 'Nothing unread' : 'No notifications yet'}>
          {unreadOnly ? 'You have seen everything.' : 'When someone mentions you, answers your question or invites you, it shows up here.'}
        </EmptyState>
      ) : (
        <>
          <ul className="notification-list" aria-label="Notifications">
            {items.map((n) => (
              <NotificationItem key={n.id} n={n} onOpen={(x) => x.readAt === null && actions.markRead.mutate(x.id)} />
            ))}
          </ul>
          {list.hasNextPage ? (
            <Button variant="secondary" onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
              Show older
            </Button>
          ) : null}
        </>
      )}
    </div>
  );
}
