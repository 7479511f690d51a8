import { useState } from 'react';
import type { ResourceType } from '../../../../../contracts/index.ts';
import { Button } from '../../../components/ui/button.tsx';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { ErrorState } from '../../../components/ui/error-state.tsx';
import { Icon } from '../../../components/ui/icon.tsx';
import { Select } from '../../../components/ui/select.tsx';
import { Skeleton } from '../../../components/ui/skeleton.tsx';
import { type ResourceFilters, useResources } from '../api/use-resources.ts';
import { ResourceCard } from './resource-card.tsx';
import { TYPE_LABEL } from './resource-type-icon.tsx';

/** Resources of one scope with type and tag filters, "load more", and loading, empty and error states. */
export function ResourceList({ scope, label, showPlace, emptyText }: { scope: ResourceFilters; label: string; showPlace?: boolean; emptyText: string }) {
  const [type, setType] = useState<ResourceType | ''>('');
  const [tag, setTag] = useState('');
  const list = useResources({ ...scope, type, tag });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section className="resource-list" aria-label={label}>
      <div className="resource-filters">
        <label className="visually-hidden" htmlFor="resource-type-filter">
          Type
        </label>
        <Select id="resource-type-filter" value={type} onChange={(e) => setType(e.target.value as ResourceType | '')}>
          <option value="">All types</option>
          {(Object.keys(TYPE_LABEL) as ResourceType[]).map((t) => (
            <option key={t} value={t}>
              {TYPE_LABEL[t]}
            </option>
          ))}
        </Select>
        {tag ? (
          <button type="button" className="chip chip-sky tag-btn" onClick={() => setTag('')} aria-label={`Remove the tag filter ${tag}`}>
            #{tag} <Icon name="x" size={14} />
          </button>
        ) : null}
      </div>
      {list.isPending ? (
        <div className="stack-sm" aria-busy="true" aria-label="Loading resources">
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} height={96} />
          ))}
        </div>
      ) : list.isError && !items.length ? (
        <ErrorState error={list.error} title="We couldn't load the resources" onRetry={() => list.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState icon="file" title={type || tag ? 'Nothing matches these filters' : 'No resources yet'}>
          {type || tag ? 'Try another type or remove the tag.' : emptyText}
        </EmptyState>
      ) : (
        <>
          <ul className="resource-items">
            {items.map((r) => (
              <li key={r.id}>
                <ResourceCard resource={r} showPlace={showPlace} onTag={setTag} />
              </li>
            ))}
          </ul>
          {list.hasNextPage ? (
            <div className="load-more">
              <Button variant="secondary" onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
                Load more resources
              </Button>
            </div>
          ) : null}
        </>
      )}
    </section>
  );
}
