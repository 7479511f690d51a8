import { type FormEvent, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { RESOURCE_LIMITS } from '../../../../../contracts/index.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { Field } from '../../../components/ui/field.tsx';
import { Icon } from '../../../components/ui/icon.tsx';
import { Input } from '../../../components/ui/input.tsx';
import { Skeleton } from '../../../components/ui/skeleton.tsx';
import { Textarea } from '../../../components/ui/textarea.tsx';
import { ApiError } from '../../../lib/api-error.ts';
import { plural } from '../../../lib/plural.ts';
import { useCollections, useCreateCollection } from '../api/use-collections.ts';

/** A card listing a community's (or the organization's) collections, with "New collection" for those who may create. */
export function CollectionsPanel({ communityId, canCreate }: { communityId: string | null; canCreate: boolean }) {
  const list = useCollections(communityId);
  const [open, setOpen] = useState(false);
  const items = list.data?.items ?? [];
  return (
    <Card>
      <div className="card-header">
        <h2 className="card-title aside-title" id="collections-title">
          <Icon name="list" size={18} /> Collections
        </h2>
        {canCreate ? (
          <Button size="sm" variant="secondary" onClick={() => setOpen(true)}>
            <Icon name="plus" size={16} /> New
          </Button>
        ) : null}
      </div>
      {list.isPending ? (
        <Skeleton height={60} />
      ) : list.isError ? (
        <p className="muted">We couldn't load the collections.</p>
      ) : items.length === 0 ? (
        <p className="muted">No collections yet. Curate one: "Top 5 podcasts for new leaders".</p>
      ) : (
        <ul className="collection-links" aria-labelledby="collections-title">
          {items.map((c) => (
            <li key={c.id}>
              <Link href={`/collections/${c.id}`}>{c.title}</Link>
              <span className="muted">
                {plural(c.itemCount, 'resource')} · {c.owner.name}
              </span>
            </li>
          ))}
        </ul>
      )}
      <NewCollectionDialog open={open} onClose={() => setOpen(false)} communityId={communityId} />
    </Card>
  );
}

function NewCollectionDialog({ open, onClose, communityId }: { open: boolean; onClose: () => void; communityId: string | null }) {
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const create = useCreateCollection();
  const [, navigate] = useLocation();
  const fe = create.error instanceof ApiError ? create.error.fieldErrors : {};
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({ communityId, title, description }, { onSuccess: (c) => navigate(`/collections/${c.id}`) });
  };
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="New collection"
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" form="new-collection-form" loading={create.isPending}>
            Create
          </Button>
        </>
      }
    >
      <form id="new-collection-form" className="stack" onSubmit={submit} noValidate>
        {create.error && !Object.keys(fe).length ? <p className="field-error">{(create.error as Error).message}</p> : null}
        <Field label="Title" error={fe.title}>
          {(p) => <Input {...p} value={title} maxLength={RESOURCE_LIMITS.collectionTitle} onChange={(e) => setTitle(e.target.value)} placeholder="Top 5 podcasts for new leaders" />}
        </Field>
        <Field label="Description" optional error={fe.description}>
          {(p) => <Textarea {...p} rows={3} value={description} maxLength={RESOURCE_LIMITS.collectionDescription} onChange={(e) => setDescription(e.target.value)} />}
        </Field>
      </form>
    </Dialog>
  );
}
