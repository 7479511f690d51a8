import { Link, useSearchParams } from 'wouter';
import type { Community } from '../../../../../contracts/index.ts';
import { Button } from '../../../components/ui/button.tsx';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { ErrorState } from '../../../components/ui/error-state.tsx';
import { Skeleton } from '../../../components/ui/skeleton.tsx';
import { type ThreadFilter, useThreads } from '../api/use-threads.ts';
import { ThreadRow } from './thread-row.tsx';

const FILTERS: { id: ThreadFilter; label: string; empty: string }[] = [
  { id: 'all', label: 'All', empty: 'No threads yet. Start the first conversation.' },
  { id: 'questions', label: 'Questions', empty: 'No questions yet.' },
  { id: 'unanswered', label: 'Unanswered', empty: 'Every question has at least one reply.' },
  { id: 'unsolved', label: 'Unsolved', empty: 'Every question has an accepted answer.' },
];

function ListSkeleton() {
  return (
    <div className="thread-list" aria-busy="true" aria-label="Loading threads">
      {[0, 1, 2, 3].map((i) => (
        <div key={i} className="thread-row" aria-hidden="true">
          <Skeleton circle width={36} height={36} />
          <div className="stack-sm" style={{ flex: 1 }}>
            <Skeleton width="55%" height={16} />
            <Skeleton width="85%" height={12} />
            <Skeleton width="30%" height={12} />
          </div>
        </div>
      ))}
    </div>
  );
}

/** The Discussions tab: filters (kept in the address), pinned threads first, load more. */
export function ThreadList({ community }: { community: Community }) {
  const [params, setParams] = useSearchParams();
  const filter = (FILTERS.find((f) => f.id === params.get('filter'))?.id ?? 'all') as ThreadFilter;
  const threads = useThreads(community.id, filter);
  const items = threads.data?.pages.flatMap((p) => p.items) ?? [];
  const current = FILTERS.find((f) => f.id === filter) ?? FILTERS[0];
  return (
    <section className="stack" aria-labelledby="discussions-title">
      <div className="thread-toolbar">
        <h2 id="discussions-title" className="visually-hidden">
          Discussions
        </h2>
        <div className="segmented" role="group" aria-label="Show">
          {FILTERS.map((f) => (
            <button
              key={f.id}
              type="button"
              className="segment"
              aria-pressed={f.id === filter}
              onClick={() => setParams(f.id === 'all' ? {} : { filter: f.id }, { replace: true })}
            >
              {f.label}
            </button>
          ))}
        </div>
      </div>
      {threads.isPending ? (
        <ListSkeleton />
      ) : threads.isError && !items.length ? (
        <ErrorState error={threads.error} title="We couldn't load the discussions" onRetry={() => threads.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState
          icon="message"
          title={filter === 'all' ? 'Quiet in here' : 'Nothing to show'}
          action={
            filter === 'all' && community.abilities.canPost ? (
              <Link href={`/communities/${community.slug}/new-thread`} className="btn btn-primary">
                Start a thread
              </Link>
            ) : null
          }
        >
          {filter === 'all' && !community.abilities.canPost ? 'No threads yet.' : current?.empty}
        </EmptyState>
      ) : (
        <>
          <div className="thread-list" data-filter={filter} aria-busy={threads.isFetching || undefined} data-stale={threads.isPlaceholderData || undefined}>
            {items.map((t) => (
              <ThreadRow key={t.id} thread={t} />
            ))}
          </div>
          {threads.hasNextPage ? (
            <div className="load-more">
              <Button variant="secondary" onClick={() => threads.fetchNextPage()} loading={threads.isFetchingNextPage}>
                Load more threads
              </Button>
            </div>
          ) : null}
        </>
      )}
    </section>
  );
}
