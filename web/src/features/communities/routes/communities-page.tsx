import { useEffect, useState } from 'react';
import { Button } from '../../../components/ui/button.tsx';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { ErrorState } from '../../../components/ui/error-state.tsx';
import { Icon } from '../../../components/ui/icon.tsx';
import { Input } from '../../../components/ui/input.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { useDebouncedValue } from '../../../lib/use-debounced-value.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { useMe } from '../../auth/api/use-me.ts';
import { useCommunities } from '../api/use-communities.ts';
import { useRecommendedCommunities } from '../api/use-recommended-communities.ts';
import { CommunityGrid } from '../components/community-grid.tsx';
import { CommunitySettingsCard } from '../components/community-settings-card.tsx';
import { CreateCommunityAction, useCanCreateCommunity } from '../components/create-community-action.tsx';
import { usePageSearchParams } from '../../../lib/use-page-search-params.ts';

/** Your communities (a short row), recommendations with reasons, then every community with "load more". */
function Sections() {
  const mine = useCommunities({ q: '', mine: true }, 12);
  const recommended = useRecommendedCommunities();
  const all = useCommunities({ q: '', mine: false });
  const { allowed } = useCanCreateCommunity();
  const myItems = mine.data?.pages.flatMap((p) => p.items) ?? [];
  const recItems = recommended.data?.items ?? [];
  const allItems = all.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <section className="directory-section" aria-labelledby="mine-title">
        <h2 id="mine-title" className="section-title">
          Your communities
        </h2>
        {mine.isPending ? (
          <CommunityGrid items={[]} label="Your communities" loading />
        ) : mine.isError ? (
          <ErrorState error={mine.error} title="We couldn't load your communities" onRetry={() => mine.refetch()} />
        ) : myItems.length === 0 ? (
          <p className="section-empty">You haven't joined a community yet. The suggestions below are a good place to start.</p>
        ) : (
          <CommunityGrid items={myItems} label="Your communities" />
        )}
      </section>
      {recommended.isPending || recItems.length > 0 ? (
        <section className="directory-section" aria-labelledby="rec-title">
          <h2 id="rec-title" className="section-title">
            Recommended for you
          </h2>
          <p className="section-sub">Based on your skills, interests and department.</p>
          <CommunityGrid items={recItems} label="Recommended for you" loading={recommended.isPending} />
        </section>
      ) : null}
      <section className="directory-section" aria-labelledby="all-title">
        <h2 id="all-title" className="section-title">
          All communities
        </h2>
        {all.isPending ? (
          <CommunityGrid items={[]} label="All communities" loading skeletons={6} />
        ) : all.isError && !allItems.length ? (
          <ErrorState error={all.error} title="We couldn't load the communities" onRetry={() => all.refetch()} />
        ) : allItems.length === 0 ? (
          <EmptyState icon="people" title="No communities yet">
            {allowed ? 'Start the first one: a space for a craft, an interest or a team.' : 'Communities will appear here once an admin creates them.'}
          </EmptyState>
        ) : (
          <>
            <CommunityGrid items={allItems} label="All communities" />
            <div className="load-more">
              {all.hasNextPage ? (
                <Button variant="secondary" onClick={() => all.fetchNextPage()} loading={all.isFetchingNextPage}>
                  Load more communities
                </Button>
              ) : (
                <p className="muted">That's every community you can see.</p>
              )}
            </div>
          </>
        )}
      </section>
    </>
  );
}

/** Search results replace the sections while there is a query. */
function Results({ q }: { q: string }) {
  const results = useCommunities({ q, mine: false });
  const items = results.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section className="directory-section" aria-labelledby="results-title">
      <h2 id="results-title" className="section-title">
        Communities matching “{q}”
      </h2>
      <p className="visually-hidden" aria-live="polite">
        {results.isPending ? 'Searching' : `${items.length}${results.hasNextPage ? ' or more' : ''} communities found`}
      </p>
      {results.isPending ? (
        <CommunityGrid items={[]} label="Results" loading />
      ) : results.isError && !items.length ? (
        <ErrorState error={results.error} title="The search failed" onRetry={() => results.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState icon="search" title="No community matches that">
          Try another word, or a topic such as “design” or “leadership”.
        </EmptyState>
      ) : (
        <>
          <CommunityGrid items={items} label="Results" stale={results.isPlaceholderData} />
          {results.hasNextPage ? (
            <div className="load-more">
              <Button variant="secondary" onClick={() => results.fetchNextPage()} loading={results.isFetchingNextPage}>
                Load more
              </Button>
            </div>
          ) : null}
        </>
      )}
    </section>
  );
}

/** /communities: the directory of communities of practice, interest groups and teams. */
export function CommunitiesPage() {
  useDocumentTitle('Communities');
  const me = useMe();
  const [params, setParams] = usePageSearchParams();
  const q = params.get('q') ?? '';
  const [search, setSearch] = useState(q);
  const debounced = useDebouncedValue(search.trim(), 250);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs only when the debounced text changes
  useEffect(() => {
    if (debounced !== q) setParams(debounced ? { q: debounced } : {}, { replace: true });
  }, [debounced]);

  return (
    <>
      <PageHeader title="Communities" subtitle="Learn with colleagues who share your craft, your interests or your goals." actions={<CreateCommunityAction />} />
      <div className="community-search">
        <label htmlFor="community-search" className="visually-hidden">
          Search communities
        </label>
        <div className="input-with-icon">
          <Icon name="search" size={18} />
          <Input id="community-search" type="search" placeholder="Search by name, description or topic" value={search} onChange={(e) => setSearch(e.target.value)} autoComplete="off" />
        </div>
      </div>
      {q ? <Results q={q} /> : <Sections />}
      {me.person.roles.includes('admin') && !q ? <CommunitySettingsCard /> : null}
    </>
  );
}
