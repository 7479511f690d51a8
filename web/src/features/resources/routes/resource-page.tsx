import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { Button } from '../../../components/ui/button.tsx';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { ErrorState } from '../../../components/ui/error-state.tsx';
import { Icon } from '../../../components/ui/icon.tsx';
import { PageLoading } from '../../../components/ui/page-loading.tsx';
import { ApiError } from '../../../lib/api-error.ts';
import { fullTime, relativeTime } from '../../../lib/relative-time.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { useDeleteResource, useResource } from '../api/use-resource.ts';
import { AddToCollection } from '../components/add-to-collection.tsx';
import { MediaView } from '../components/media-view.tsx';
import { EditResourceDialog } from '../components/edit-resource-dialog.tsx';
import { ReviewSection } from '../components/review-section.tsx';
import { formatDuration, ResourceTypeIcon, TYPE_LABEL } from '../components/resource-type-icon.tsx';

/** /resources/:id: the resource (link or media player), its tags, ratings and reviews, and curation actions. */
export function ResourcePage({ id }: { id: string }) {
  const q = useResource(id);
  const r = q.data;
  const del = useDeleteResource(id);
  const [, navigate] = useLocation();
  const [editing, setEditing] = useState(false);
  useDocumentTitle(r?.title ?? 'Resource');
  if (q.isPending) return <PageLoading />;
  if (q.isError)
    return q.error instanceof ApiError && q.error.status === 404 ? (
      <EmptyState icon="search" title="We couldn't find that resource" action={<Link href="/library" className="btn btn-primary">Open the library</Link>}>
        It may have been removed, or it is shared in a community you are not part of.
      </EmptyState>
    ) : (
      <ErrorState error={q.error} title="We couldn't load this resource" onRetry={() => q.refetch()} />
    );
  if (!r) return <PageLoading />;
  const back = r.community ? { href: `/communities/${r.community.slug}/resources`, label: r.community.name } : { href: '/library', label: 'Library' };
  const duration = formatDuration(r.durationMinutes);
  return (
    <>
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <Link href={back.href}>{back.label}</Link>
        <span aria-hidden="true">/</span>
        <span aria-current="page">{r.title}</span>
      </nav>
      <article className="resource-page stack">
        <header className="resource-page-head">
          <ResourceTypeIcon type={r.type} size={26} />
          <div className="stack-sm">
            <h1>{r.title}</h1>
            <p className="resource-meta">
              <span>{TYPE_LABEL[r.type]}</span>
              {duration ? <span>{duration}</span> : null}
              <span>
                Shared by <Link href={`/people/${r.author.id}`}>{r.author.name}</Link> <time dateTime={r.createdAt} title={fullTime(r.createdAt)}>{relativeTime(r.createdAt)}</time>
              </span>
            </p>
          </div>
        </header>
        {r.media ? <MediaView media={r.media} title={r.title} /> : null}
        {r.url ? (
          <p>
            <a className="btn btn-primary" href={r.url} target="_blank" rel="nofollow ugc noopener noreferrer">
              <Icon name="link" size={18} /> Open {TYPE_LABEL[r.type].toLowerCase()}
              <span className="visually-hidden"> (opens in a new tab)</span>
            </a>
            <span className="resource-host muted">{safeHost(r.url)}</span>
          </p>
        ) : null}
        {r.summary ? <p className="resource-summary-full">{r.summary}</p> : null}
        {r.tags.length ? (
          <ul className="chips" aria-label="Tags">
            {r.tags.map((t) => (
              <li key={t} className="chip chip-sky">
                #{t}
              </li>
            ))}
          </ul>
        ) : null}
        <div className="resource-actions">
          <AddToCollection resource={r} />
          {r.abilities.canEdit || r.abilities.canDelete ? (
          <div className="row">
            {r.abilities.canEdit ? (
              <Button variant="secondary" onClick={() => setEditing(true)}>
                <Icon name="edit" size={16} /> Edit
              </Button>
            ) : null}
            {r.abilities.canDelete ? (
              <Button
                variant="danger"
                loading={del.isPending}
                onClick={() => window.confirm('Delete this resource for everyone?') && del.mutate(undefined, { onSuccess: () => navigate(back.href) })}
              >
                <Icon name="trash" size={16} /> Delete
              </Button>
            ) : null}
          </div>
          ) : null}
        </div>
        <ReviewSection resource={r} />
      </article>
      {r.abilities.canEdit ? <EditResourceDialog open={editing} onClose={() => setEditing(false)} resource={r} /> : null}
    </>
  );
}

function safeHost(url: string) {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}
