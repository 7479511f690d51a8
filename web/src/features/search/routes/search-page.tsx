import { useEffect, useState } from 'react';
import { SEARCH_LIMITS, type SearchType, SearchType as SearchTypeSchema } from '../../../../../contracts/index.ts';
import { Button } from '../../../components/ui/button.tsx';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { ErrorState } from '../../../components/ui/error-state.tsx';
import { Icon } from '../../../components/ui/icon.tsx';
import { Input } from '../../../components/ui/input.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { Skeleton } from '../../../components/ui/skeleton.tsx';
import { useDebouncedValue } from '../../../lib/use-debounced-value.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { useSearch } from '../api/use-search.ts';
import { countLabel, SearchChips } from '../components/search-chips.tsx';
import { SearchHit } from '../components/search-hit.tsx';
import { usePageSearchParams } from '../../../lib/use-page-search-params.ts';

function Loading() {
  return (
    <ul className="search-results" aria-busy="true" aria-label="Searching">
      {[0, 1, 2, 3].map((i) => (
        <li key={i} className="search-hit">
          <Skeleton circle width={36} height={36} />
          <div className="search-hit-body">
            <Skeleton width="45%" height={16} />
            <Skeleton width="85%" />
          </div>
        </li>
      ))}
    </ul>
  );
}

function Results({ q, type, onType }: { q: string; type: SearchType; onType: (t: SearchType) => void }) {
  const search = useSearch(q, type);
  const first = search.data?.pages[0];
  const items = search.data?.pages.flatMap((p) => p.items) ?? [];
  const lowerBound = first?.countsAreLowerBounds ?? false;
  const shown = first ? countLabel(first.counts[type], lowerBound) : '';
  return (
    <>
      <SearchChips type={type} counts={first?.message ? undefined : first?.counts} lowerBound={lowerBound} onChange={onType} />
      <p className="visually-hidden" aria-live="polite">
        {search.isFetching ? 'Searching…' : first ? (first.message ?? `${shown} result${shown === '1' ? '' : 's'}`) : ''}
      </p>
      {search.isPending ? (
        <Loading />
      ) : search.isError ? (
        <ErrorState error={search.error} title="Search didn't work" onRetry={() => search.refetch()} />
      ) : first?.message ? (
        <EmptyState icon="search" title="Add a few more words">
          {first.message}
        </EmptyState>
      ) : items.length === 0 ? (
        <EmptyState
          icon="search"
          title={`Nothing found for “${q}”`}
          action={
            type !== 'all' && first && first.counts.all > 0 ? (
              <Button variant="secondary" size="sm" onClick={() => onType('all')}>
                Show {countLabel(first.counts.all, lowerBound)} results of every kind
              </Button>
            ) : null
          }
        >
          Try fewer or different words, or check the spelling. Only what you are allowed to see is searched.
        </EmptyState>
      ) : (
        <>
          <ul className="search-results" aria-label={`Results for ${q}`} data-stale={search.isPlaceholderData || undefined}>
            {items.map((hit) => (
              <SearchHit key={`${hit.kind}:${hit.id}`} hit={hit} />
            ))}
          </ul>
          {search.hasNextPage ? (
            <Button variant="ghost" block loading={search.isFetchingNextPage} onClick={() => search.fetchNextPage()}>
              More results
            </Button>
          ) : null}
        </>
      )}
    </>
  );
}

/** /search?q=…&type=…: one search box over people, communities, discussions, resources and pathways. */
export function SearchPage() {
  const [params, setParams] = usePageSearchParams();
  const q = params.get('q') ?? '';
  const parsedType = SearchTypeSchema.safeParse(params.get('type') ?? 'all');
  const type: SearchType = parsedType.success ? parsedType.data : 'all';
  const [text, setText] = useState(q);
  const debounced = useDebouncedValue(text.trim(), 250);
  useDocumentTitle(q ? `Search: ${q}` : 'Search');
  // The header box navigates here with new words: show them in the field.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a change of the URL's words resets the field
  useEffect(() => {
    if (q !== text.trim()) setText(q);
  }, [q]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs only when the debounced text changes
  useEffect(() => {
    if (debounced !== q) setParams(debounced ? { q: debounced, ...(type !== 'all' ? { type } : {}) } : {}, { replace: true });
  }, [debounced]);
  const onType = (t: SearchType) => setParams({ q, ...(t !== 'all' ? { type: t } : {}) }, { replace: true });

  return (
    <>
      <PageHeader title="Search" subtitle="People, communities, discussions, resources and pathways you can see." />
      <form role="search" className="search-page-form" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor="search-page-input" className="visually-hidden">
          Search for
        </label>
        <div className="input-with-icon">
          <Icon name="search" size={18} />
          <Input
            id="search-page-input"
            type="search"
            placeholder="Try a name, a topic or a question"
            value={text}
            maxLength={SEARCH_LIMITS.query}
            onChange={(e) => setText(e.target.value)}
            autoComplete="off"
            enterKeyHint="search"
            // biome-ignore lint/a11y/noAutofocus: the page exists to type a search
            autoFocus
          />
        </div>
      </form>
      {q ? (
        <Results q={q} type={type} onType={onType} />
      ) : (
        <EmptyState icon="search" title="What are you looking for?">
          Search colleagues by name or skill, and discussions, resources and pathways by their words. Use "quotes" for a phrase and -word to leave a word out.
        </EmptyState>
      )}
    </>
  );
}
