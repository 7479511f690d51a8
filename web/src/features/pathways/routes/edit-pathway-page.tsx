import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { ErrorState } from '../../../components/ui/error-state.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { PageLoading } from '../../../components/ui/page-loading.tsx';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { usePathway } from '../api/use-pathway.ts';
import { usePathwayActions } from '../api/use-pathway-actions.ts';
import { PathwayForm, type PathwayFormValues } from '../components/pathway-form.tsx';

/** /pathways/:id/edit: title, description and steps (kept steps keep everyone's progress); drafts can be published. */
export function EditPathwayPage({ id }: { id: string }) {
  const pathway = usePathway(id);
  const { update } = usePathwayActions(id);
  const [, navigate] = useLocation();
  const [mode, setMode] = useState<'draft' | 'publish' | null>(null);
  useDocumentTitle(pathway.data ? `Edit · ${pathway.data.title}` : 'Edit pathway');

  if (pathway.isPending) return <PageLoading label="Loading pathway" />;
  if (pathway.isError) return <ErrorState error={pathway.error} title="We couldn't load this pathway" onRetry={() => pathway.refetch()} />;
  const p = pathway.data;
  if (!p.abilities.canEdit)
    return (
      <EmptyState icon="lock" title="Only the author can edit this pathway" action={<Link href={`/pathways/${id}`} className="btn btn-primary">Back to the pathway</Link>}>
        Moderators of its community can fix it too.
      </EmptyState>
    );

  const onSave = (v: PathwayFormValues) => {
    setMode(v.publish ? 'publish' : 'draft');
    update.mutate(
      { title: v.title, description: v.description, steps: v.steps, ...(v.publish && p.status === 'draft' ? { status: 'published' as const } : {}) },
      { onSuccess: () => navigate(`/pathways/${id}`), onError: () => setMode(null) },
    );
  };

  return (
    <>
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <Link href="/pathways">Pathways</Link>
        <span aria-hidden="true">/</span>
        <Link href={`/pathways/${id}`} className="breadcrumb-current">
          {p.title}
        </Link>
        <span aria-hidden="true">/</span>
        <span aria-current="page">Edit</span>
      </nav>
      <PageHeader title="Edit pathway" subtitle={p.status === 'draft' ? 'Still a draft: only you can see it.' : 'Steps you keep keep everyone’s progress; removed steps drop out of it.'} />
      <PathwayForm key={p.id} initial={p} saving={mode} error={update.error} onSave={onSave} cancelHref={`/pathways/${id}`} />
    </>
  );
}
