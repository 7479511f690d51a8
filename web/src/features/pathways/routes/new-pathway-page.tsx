import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation, useSearchParams } from 'wouter';
import type { Pathway } from '../../../../../contracts/index.ts';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { api } from '../../../lib/api-client.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { pathwayKeys } from '../api/pathway-keys.ts';
import { useCreatePathway } from '../api/use-pathway-actions.ts';
import { PathwayForm, type PathwayFormValues } from '../components/pathway-form.tsx';

/** /pathways/new(?community=<id>): a new pathway, saved as a draft or published straight away. */
export function NewPathwayPage() {
  useDocumentTitle('Create a pathway');
  const [, navigate] = useLocation();
  const [params] = useSearchParams();
  const create = useCreatePathway();
  const [mode, setMode] = useState<'draft' | 'publish' | null>(null);
  // Publishing right after creation: the draft exists even if this second call fails, so its page opens either way.
  const qc = useQueryClient();
  const publish = useMutation({
    mutationFn: (id: string) => api<Pathway>(`/api/pathways/${id}`, { method: 'PATCH', body: { status: 'published' } }),
    onSuccess: (p) => {
      qc.setQueryData(pathwayKeys.detail(p.id), p);
      void qc.invalidateQueries({ queryKey: pathwayKeys.lists });
    },
  });

  const onSave = (v: PathwayFormValues) => {
    setMode(v.publish ? 'publish' : 'draft');
    create.mutate(
      { title: v.title, description: v.description, ...(v.communityId ? { communityId: v.communityId } : {}), steps: v.steps.map(({ id: _id, ...s }) => s) },
      {
        onSuccess: (p) => {
          if (!v.publish) return navigate(`/pathways/${p.id}`);
          publish.mutate(p.id, { onSettled: () => navigate(`/pathways/${p.id}`) });
        },
        onError: () => setMode(null),
      },
    );
  };

  return (
    <>
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <Link href="/pathways">Pathways</Link>
        <span aria-hidden="true">/</span>
        <span aria-current="page">New pathway</span>
      </nav>
      <PageHeader title="Create a pathway" subtitle="Guide colleagues step by step. It stays a draft, visible only to you, until you publish it." />
      <PathwayForm defaultCommunityId={params.get('community')} saving={mode} error={create.error} onSave={onSave} cancelHref="/pathways" />
    </>
  );
}
