import { Link, useLocation } from 'wouter';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { useMe } from '../../auth/api/use-me.ts';
import { useCreateProgram } from '../api/use-program-actions.ts';
import { ProgramForm } from '../components/program-form.tsx';

/** /programs/new (facilitators and admins): a new program, saved as a draft only facilitators see. */
export function NewProgramPage() {
  useDocumentTitle('Create a program');
  const me = useMe();
  const [, navigate] = useLocation();
  const create = useCreateProgram();
  if (!me.person.roles.includes('facilitator') && !me.person.roles.includes('admin'))
    return (
      <EmptyState icon="lock" title="Only facilitators create programs" action={<Link href="/programs" className="btn btn-primary">Browse programs</Link>}>
        Ask an admin to make you a facilitator.
      </EmptyState>
    );
  return (
    <>
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <Link href="/programs">Programs</Link>
        <span aria-hidden="true">/</span>
        <span aria-current="page">New program</span>
      </nav>
      <PageHeader title="Create a program" subtitle="It stays a draft, visible to facilitators only, until you open enrolment." />
      <ProgramForm saving={create.isPending} error={create.error} submitLabel="Create draft" cancelHref="/programs" onSave={(v) => create.mutate(v, { onSuccess: (p) => navigate(`/programs/${p.id}`) })} />
    </>
  );
}
