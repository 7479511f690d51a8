import { Link } from 'wouter';
import { ErrorState } from '../../../components/ui/error-state.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { PageLoading } from '../../../components/ui/page-loading.tsx';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { useNotificationPrefs } from '../api/use-notification-prefs.ts';
import { NotificationPrefsForm } from '../components/notification-prefs-form.tsx';

/** /notifications/settings: notification preferences. */
export function NotificationSettingsPage() {
  useDocumentTitle('Notification settings');
  const prefs = useNotificationPrefs();
  return (
    <div className="stack notifications-page">
      <nav aria-label="Breadcrumb" className="muted" style={{ fontSize: '0.9rem' }}>
        <Link href="/notifications">Notifications</Link> <span aria-hidden="true">/</span> <span aria-current="page">Settings</span>
      </nav>
      <PageHeader title="Notification settings" subtitle="Choose what reaches you in Hearth and by email." />
      {prefs.isPending ? (
        <PageLoading label="Loading your settings" />
      ) : prefs.isError ? (
        <ErrorState error={prefs.error} title="We couldn't load your settings" onRetry={() => prefs.refetch()} />
      ) : (
        <NotificationPrefsForm prefs={prefs.data} />
      )}
    </div>
  );
}
