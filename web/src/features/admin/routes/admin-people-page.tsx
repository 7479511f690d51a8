import { PageHeader } from '../../../components/ui/page-header.tsx';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { useMe } from '../../auth/api/use-me.ts';
import { AdminTabs } from '../components/admin-tabs.tsx';
import { ImportPeoplePanel } from '../components/import-people-panel.tsx';
import { InvitePersonForm } from '../components/invite-person-form.tsx';
import { AdminsOnly } from '../components/admins-only.tsx';

/** /admin/people: invite one person, or import many from an HR export. Org admins only. */
export function AdminPeoplePage() {
  useDocumentTitle('Admin · People');
  const { person } = useMe();
  if (!person.roles.includes('admin'))
    return (
      <AdminsOnly>
        Ask an admin in your organization if you need someone added.
      </AdminsOnly>
    );
  return (
    <>
      <PageHeader title="Manage people" subtitle="Bring colleagues into Hearth one at a time, or all at once from your HR system." />
      <AdminTabs current="people" />
      <div className="admin-grid">
        <InvitePersonForm />
        <ImportPeoplePanel />
      </div>
    </>
  );
}
