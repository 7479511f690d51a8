import { useState } from 'react';
import { Link } from 'wouter';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { ErrorState } from '../../../components/ui/error-state.tsx';
import { PageLoading } from '../../../components/ui/page-loading.tsx';
import { ApiError } from '../../../lib/api-error.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { useMe } from '../../auth/api/use-me.ts';
import { FollowButton } from '../../feeds/components/follow-button.tsx';
import { MessageButton } from '../../messages/components/message-button.tsx';
import { usePerson } from '../api/use-person.ts';
import { AboutCard } from '../components/about-card.tsx';
import { AdminPersonForm } from '../components/admin-person-form.tsx';
import { EditProfileForm } from '../components/edit-profile-form.tsx';
import { PendingEmailNotice } from '../components/pending-email-notice.tsx';
import { ProfileHeader } from '../components/profile-header.tsx';
import { ReportingLinesCard } from '../components/reporting-lines-card.tsx';
import { SkillsCard } from '../components/skills-card.tsx';

/** /people/:id: a colleague's profile; your own can be edited, admins also see HR fields. */
export function ProfilePage({ id }: { id: string }) {
  const me = useMe();
  const person = usePerson(id);
  const [editing, setEditing] = useState(false);
  useDocumentTitle(person.data?.name ?? 'Profile');

  if (person.isPending) return <PageLoading label="Loading profile" />;
  if (person.isError)
    return person.error instanceof ApiError && person.error.status === 404 ? (
      <EmptyState icon="people" title="We couldn't find that person" action={<Link href="/people" className="btn btn-primary">Back to the directory</Link>}>
        They may have left, or the link may be wrong.
      </EmptyState>
    ) : (
      <ErrorState error={person.error} title="We couldn't load this profile" onRetry={() => person.refetch()} />
    );

  const p = person.data;
  const firstName = p.name.split(/\s+/)[0] ?? p.name;
  return (
    <div className="stack">
      <nav aria-label="Breadcrumb" className="muted" style={{ fontSize: '0.9rem' }}>
        <Link href="/people">People</Link> <span aria-hidden="true">/</span> <span aria-current="page">{p.name}</span>
      </nav>
      <ProfileHeader person={p} editing={editing} onEdit={p.abilities.canEdit ? () => setEditing(true) : undefined} />
      {p.id !== me.person.id && p.status === 'active' ? (
        <div className="row">
          <MessageButton personId={p.id} name={p.name} />
          <FollowButton kind="person" target={p.id} label={p.name} />
        </div>
      ) : null}
      {p.pendingEmail ? <PendingEmailNotice person={p} isSelf={p.id === me.person.id} /> : null}
      {editing ? <EditProfileForm person={p} isSelf={p.id === me.person.id} onDone={() => setEditing(false)} /> : null}
      <div className="profile-grid" style={{ marginTop: 0 }}>
        <div className="stack">
          <AboutCard person={p} />
          <SkillsCard skills={p.skills} firstName={firstName} />
        </div>
        <div className="stack">
          <ReportingLinesCard person={p} />
        </div>
      </div>
      {p.abilities.canAdminister ? <AdminPersonForm key={p.id} person={p} isSelf={p.id === me.person.id} /> : null}
    </div>
  );
}
