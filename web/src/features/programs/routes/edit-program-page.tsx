import { Link, useLocation } from 'wouter';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { ErrorState } from '../../../components/ui/error-state.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { PageLoading } from '../../../components/ui/page-loading.tsx';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { useProgramActions } from '../api/use-program-actions.ts';
import { useProgram } from '../api/use-programs.ts';
import { ProgramBadges } from '../components/program-badges.tsx';
import { ProgramForm } from '../components/program-form.tsx';
import { StatusActions } from '../components/status-actions.tsx';

/** /programs/:id/edit (facilitators): everything the form holds, and the next status step. */
export function EditProgramPage({ id }: { id: string }) {
  const program = useProgram(id);
  const actions = useProgramActions(id);
  const [, navigate] = useLocation();
  useDocumentTitle(program.data ? `Edit · ${program.data.title}` : 'Edit program');
  if (program.isPending) return <PageLoading label="Loading program" />;
  if (program.isError) return <ErrorState error={program.error} title="We couldn't load this program" onRetry={() => program.refetch()} />;
  const p = program.data;
  if (!p.abilities.canEdit)
    return (
      <EmptyState icon="lock" title="Only the program’s facilitators can edit it" action={<Link href={`/programs/${id}`} className="btn btn-primary">Back to the program</Link>} />
    );
  return (
    <>
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <Link href="/programs">Programs</Link>
        <span aria-hidden="true">/</span>
        <Link href={`/programs/${id}`} className="breadcrumb-current">
          {p.title}
        </Link>
        <span aria-hidden="true">/</span>
        <span aria-current="page">Edit</span>
      </nav>
      <PageHeader title="Edit program" subtitle={<ProgramBadges program={p} />} actions={<StatusActions program={p} actions={actions} />} />
      <ProgramForm key={p.id} initial={p} saving={actions.update.isPending} error={actions.update.error} submitLabel="Save changes" cancelHref={`/programs/${id}`} onSave={(v) => actions.update.mutate(v, { onSuccess: () => navigate(`/programs/${id}`) })} />
    </>
  );
}
