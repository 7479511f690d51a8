import { useState } from 'react';
import { Link } from 'wouter';
import type { Resource } from '../../../../../contracts/index.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Select } from '../../../components/ui/select.tsx';
import { useCollectionEdits, useCollections } from '../api/use-collections.ts';

/** Adds the resource to a collection the person curates (the organization's and this community's). */
export function AddToCollection({ resource }: { resource: Resource }) {
  const org = useCollections(null);
  const here = useCollections(resource.community?.id ?? null);
  const editable = [...(org.data?.items ?? []), ...(resource.community ? (here.data?.items ?? []) : [])].filter((c) => c.abilities.canEdit);
  const [target, setTarget] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const edits = useCollectionEdits(target || 'none');
  if (!editable.length) return null;
  return (
    <div className="add-to-collection">
      <label className="field-label" htmlFor="add-to-collection">
        Add to a collection
      </label>
      <div className="row">
        <Select id="add-to-collection" value={target} onChange={(e) => (setTarget(e.target.value), setDone(null))}>
          <option value="">Choose a collection…</option>
          {editable.map((c) => (
            <option key={c.id} value={c.id}>
              {c.title}
            </option>
          ))}
        </Select>
        <Button variant="secondary" disabled={!target} loading={edits.putItem.isPending} onClick={() => edits.putItem.mutate({ resourceId: resource.id, note: '' }, { onSuccess: () => setDone(target) })}>
          Add
        </Button>
      </div>
      {done ? (
        <p role="status" className="muted">
          Added. <Link href={`/collections/${done}`}>Open the collection</Link>
        </p>
      ) : edits.putItem.error ? (
        <p className="field-error">{(edits.putItem.error as Error).message}</p>
      ) : null}
    </div>
  );
}
