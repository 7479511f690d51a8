import { useEffect, useState } from 'react';
import { Button } from '../../../components/ui/button.tsx';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { ErrorState } from '../../../components/ui/error-state.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { useDebouncedValue } from '../../../lib/use-debounced-value.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { useOnlineIds } from '../../../lib/use-online-ids.ts';
import { type DirectoryFilters as Filters, usePeople } from '../api/use-people.ts';
import { usePeopleFacets } from '../api/use-people-facets.ts';
import { DirectoryFilters } from '../components/directory-filters.tsx';
import { PersonCard } from '../components/person-card.tsx';
import { PersonCardSkeleton } from '../components/person-card-skeleton.tsx';
import { usePageSearchParams } from '../../../lib/use-page-search-params.ts';

/** /people: search and filter the organization's directory; filters live in the address bar. */
export function DirectoryPage() {
  useDocumentTitle('People');
  const [params, setParams] = usePageSearchParams();
  const filters: Filters = {
    q: params.get('q') ?? '',
    department: params.get('department') ?? '',
    location: params.get('location') ?? '',
    skill: params.get('skill') ?? '',
  };
  const [search, setSearch] = useState(filters.q);
  const debounced = useDebouncedValue(search.trim(), 250);
  const online = useOnlineIds();

  const update = (key: keyof Filters, value: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );

  // Typing updates the address bar once the person pauses, not on every keystroke.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs only when the debounced text changes
  useEffect(() => {
    if (debounced !== filters.q) update('q', debounced);
  }, [debounced]);

  const facets = usePeopleFacets();
  const people = usePeople(filters);
  const items = people.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = Boolean(filters.q || filters.department || filters.location || filters.skill);
  const onlineCount = online.size;

  return (
    <>
      <PageHeader
        title="People"
        subtitle={
          <>
            Find colleagues by what they do and what they know.{' '}
            {onlineCount > 0 ? (
              <span className="presence-label" data-presence="online">
                {onlineCount} online now
              </span>
            ) : null}
          </>
        }
      />
      <DirectoryFilters
        search={search}
        onSearch={setSearch}
        filters={filters}
        onFilter={update}
        facets={facets.data}
        onClear={() => {
          setSearch('');
          setParams(new URLSearchParams(), { replace: true });
        }}
      />
      <p className="visually-hidden" aria-live="polite">
        {people.isPending ? 'Loading people' : `${items.length}${people.hasNextPage ? ' or more' : ''} people shown`}
      </p>
      {people.isPending ? (
        <ul className="people-grid" aria-label="Loading people" aria-busy="true">
          {Array.from({ length: 9 }, (_, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: static placeholders
            <li key={i}>
              <PersonCardSkeleton />
            </li>
          ))}
        </ul>
      ) : people.isError && !items.length ? (
        <ErrorState error={people.error} title="We couldn't load the directory" onRetry={() => people.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState
          icon="search"
          title={filtered ? 'Nobody matches those filters' : 'No one here yet'}
          action={
            filtered ? (
              <Button
                variant="secondary"
                onClick={() => {
                  setSearch('');
                  setParams(new URLSearchParams(), { replace: true });
                }}
              >
                Clear filters
              </Button>
            ) : null
          }
        >
          {filtered ? 'Try a different name, or remove a filter to widen the search.' : 'People appear here once your admin invites or imports them.'}
        </EmptyState>
      ) : (
        <>
          <ul className="people-grid" aria-label="People" aria-busy={people.isFetching && !people.isFetchingNextPage ? 'true' : undefined} data-stale={people.isPlaceholderData || undefined}>
            {items.map((p) => (
              <li key={p.id}>
                <PersonCard person={p} />
              </li>
            ))}
          </ul>
          <div className="load-more">
            {people.hasNextPage ? (
              <Button variant="secondary" onClick={() => people.fetchNextPage()} loading={people.isFetchingNextPage}>
                Load more people
              </Button>
            ) : (
              <p className="muted">That's everyone{filtered ? ' matching your filters' : ''}.</p>
            )}
          </div>
        </>
      )}
    </>
  );
}
