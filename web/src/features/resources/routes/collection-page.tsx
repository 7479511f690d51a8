import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { type Collection, RESOURCE_LIMITS } from '../../../../../contracts/index.ts';
import { Button } from '../../../components/ui/button.tsx';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { ErrorState } from '../../../components/ui/error-state.tsx';
import { Icon } from '../../../components/ui/icon.tsx';
import { Input } from '../../../components/ui/input.tsx';
import { PageLoading } from '../../../components/ui/page-loading.tsx';
import { ApiError } from '../../../lib/api-error.ts';
import { plural } from '../../../lib/plural.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { useCollection, useCollectionEdits } from '../api/use-collections.ts';
import { ResourceCard } from '../components/resource-card.tsx';

/** One item with its curator note; curators move it up or down, change the note or remove it. */
function Item({ c, index, edits }: { c: Collection; index: number; edits: ReturnType<typeof useCollectionEdits> }) {
  const item = c.items[index];
  const [note, setNote] = useState(item.note);
  const ids = c.items.map((i) => i.resource.id);
  const move = (to: number) => {
    const next = [...ids];
    next.splice(index, 1);
    next.splice(to, 0, item.resource.id);
    edits.reorder.mutate(next);
  };
  return (
    <li className="collection-item">
      <span className="collection-pos" aria-hidden="true">
        {index + 1}
      </span>
      <div className="stack-sm collection-item-body">
        {item.note && !c.abilities.canEdit ? <p className="collection-note">{item.note}</p> : null}
        <ResourceCard resource={item.resource} />
        {c.abilities.canEdit ? (
          <div className="collection-tools">
            <label className="visually-hidden" htmlFor={`note-${item.resource.id}`}>
              Note about {item.resource.title}
            </label>
            <Input
              id={`note-${item.resource.id}`}
              value={note}
              maxLength={RESOURCE_LIMITS.itemNote}
              placeholder="Add a note: why this one?"
              onChange={(e) => setNote(e.target.value)}
              onBlur={() => note !== item.note && edits.putItem.mutate({ resourceId: item.resource.id, note })}
            />
            <div className="row">
              <Button size="sm" variant="ghost" disabled={index === 0 || edits.reorder.isPending} onClick={() => move(index - 1)} aria-label={`Move ${item.resource.title} up`}>
                ↑
              </Button>
              <Button size="sm" variant="ghost" disabled={index === c.items.length - 1 || edits.reorder.isPending} onClick={() => move(index + 1)} aria-label={`Move ${item.resource.title} down`}>
                ↓
              </Button>
              <Button size="sm" variant="ghost" onClick={() => edits.removeItem.mutate(item.resource.id)} aria-label={`Remove ${item.resource.title} from the collection`}>
                <Icon name="trash" size={16} />
              </Button>
            </div>
          </div>
        ) : null}
      </div>
    </li>
  );
}

/** /collections/:id: a curated, ordered list of resources with notes; curators edit it in place. */
export function CollectionPage({ id }: { id: string }) {
  const q = useCollection(id);
  const edits = useCollectionEdits(id);
  const [, navigate] = useLocation();
  const c = q.data;
  useDocumentTitle(c?.title ?? 'Collection');
  if (q.isError)
    return q.error instanceof ApiError && q.error.status === 404 ? (
      <EmptyState icon="search" title="We couldn't find that collection" action={<Link href="/library" className="btn btn-primary">Open the library</Link>}>
        It may have been deleted, or it belongs to a community you are not part of.
      </EmptyState>
    ) : (
      <ErrorState error={q.error} title="We couldn't load this collection" onRetry={() => q.refetch()} />
    );
  if (!c) return <PageLoading />;
  return (
    <>
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <Link href="/library">Library</Link>
        <span aria-hidden="true">/</span>
        <span aria-current="page">{c.title}</span>
      </nav>
      <header className="page-header">
        <div>
          <h1>{c.title}</h1>
          <p>
            {plural(c.items.length, 'resource')} curated by {c.owner.name}
            {c.description ? ` — ${c.description}` : ''}
          </p>
        </div>
        {c.abilities.canDelete ? (
          <div className="row">
            <Button
              variant="danger"
              loading={edits.remove.isPending}
              onClick={() => window.confirm('Delete this collection? The resources stay.') && edits.remove.mutate(undefined, { onSuccess: () => navigate('/library') })}
            >
              <Icon name="trash" size={16} /> Delete collection
            </Button>
          </div>
        ) : null}
      </header>
      {c.items.length === 0 ? (
        <EmptyState icon="list" title="This collection is empty">
          {c.abilities.canEdit ? 'Open a resource and use “Add to a collection”.' : 'The curator has not added anything you can see yet.'}
        </EmptyState>
      ) : (
        <ol className="collection-items">
          {c.items.map((i, index) => (
            <Item key={`${i.resource.id}-${i.note}`} c={c} index={index} edits={edits} />
          ))}
        </ol>
      )}
    </>
  );
}
