import { Link } from 'wouter';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { ErrorState } from '../../../components/ui/error-state.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { PageLoading } from '../../../components/ui/page-loading.tsx';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { useMe } from '../../auth/api/use-me.ts';
import { useOrgSettings } from '../api/use-org-settings.ts';
import { AdminTabs } from '../components/admin-tabs.tsx';
import { ImageHostsForm } from '../components/image-hosts-form.tsx';

/** /admin/settings: the organization's settings (which sites' images posts may show). Org admins only. */
export function AdminSettingsPage() {
  useDocumentTitle('Admin · Settings');
  const { person } = useMe();
  const settings = useOrgSettings();
  if (!person.roles.includes('admin'))
    return (
      <EmptyState icon="shield" title="For org admins only" action={<Link href="/" className="btn btn-primary">Go home</Link>}>
        Ask an admin in your organization if a setting needs changing.
      </EmptyState>
    );
  return (
    <>
      <PageHeader title="Organization settings" subtitle={settings.data ? `How Hearth works for everyone at ${settings.data.name}.` : undefined} />
      <AdminTabs current="settings" />
      {settings.isPending ? (
        <PageLoading label="Loading the settings" />
      ) : settings.isError ? (
        <ErrorState error={settings.error} title="We couldn't load the settings" onRetry={() => settings.refetch()} />
      ) : (
        <div className="admin-settings">
          <ImageHostsForm settings={settings.data} />
        </div>
      )}
    </>
  );
}
