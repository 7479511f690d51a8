import { ErrorState } from '../../../components/ui/error-state.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { PageLoading } from '../../../components/ui/page-loading.tsx';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { useMe } from '../../auth/api/use-me.ts';
import { useOrgSettings } from '../api/use-org-settings.ts';
import { AdminTabs } from '../components/admin-tabs.tsx';
import { ImageHostsForm } from '../components/image-hosts-form.tsx';
import { AdminsOnly } from '../components/admins-only.tsx';

/** /admin/settings: the organization's settings (which sites' images posts may show). Org admins only. */
export function AdminSettingsPage() {
  useDocumentTitle('Admin · Settings');
  const { person } = useMe();
  const settings = useOrgSettings();
  if (!person.roles.includes('admin'))
    return (
      <AdminsOnly>
        Ask an admin in your organization if a setting needs changing.
      </AdminsOnly>
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
