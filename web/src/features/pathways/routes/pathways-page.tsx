import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { Button } from '../../../components/ui/button.tsx';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { ErrorState } from '../../../components/ui/error-state.tsx';
import { Icon } from '../../../components/ui/icon.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { type PathwayFilter, usePathways } from '../api/use-pathways.ts';
import { PathwayGrid } from '../components/pathway-card.tsx';

/** One titled list of pathways; `hideWhenEmpty` drops the whole section when there is nothing to show. */
function Section({
  id,
  title,
  sub,
  filter,
  limit,
  empty,
  hideWhenEmpty,
  loadMore,
}: {
  id: string;
  title: string;
  sub?: string;
  filter: PathwayFilter;
  limit: number;
  empty?: ReactNode;
  hideWhenEmpty?: boolean;
  loadMore?: boolean;
}) {
  const list = usePathways(filter, { limit });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  if (hideWhenEmpty && !list.isPending && !list.isError && items.length === 0) return null;
  return (
    <section className="directory-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="section-title">
        {title}
      </h2>
      {sub ? <p className="section-sub">{sub}</p> : null}
      {list.isPending ? (
        <PathwayGrid items={[]} label={title} loading />
      ) : list.isError && !items.length ? (
        <ErrorState error={list.error} title={`We couldn't load ${title.toLowerCase()}`} onRetry={() => list.refetch()} />
      ) : items.length === 0 ? (
        empty
      ) : (
        <>
          <PathwayGrid items={items} label={title} />
          {loadMore ? (
            <div className="load-more">
              {list.hasNextPage ? (
                <Button variant="secondary" onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
                  Load more pathways
                </Button>
              ) : (
                <p className="muted">That's every pathway you can see.</p>
              )}
            </div>
          ) : list.hasNextPage ? (
            <div className="load-more">
              <Button variant="secondary" onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
                Show more
              </Button>
            </div>
          ) : null}
        </>
      )}
    </section>
  );
}

const CREATE = (
  <Link href="/pathways/new" className="btn btn-primary">
    <Icon name="plus" size={18} /> Create pathway
  </Link>
);

/** /pathways: featured pathways, the person's own (enrolled and authored), then every pathway with "load more". */
export function PathwaysPage() {
  useDocumentTitle('Pathways');
  return (
    <>
      <PageHeader title="Learning pathways" subtitle="Step-by-step routes through resources, discussions and tasks, made by colleagues." actions={CREATE} />
      <Section id="featured" title="Featured" sub="Picked by moderators." filter="featured" limit={6} hideWhenEmpty />
      <Section
        id="enrolled"
        title="My pathways"
        filter="enrolled"
        limit={6}
        empty={<p className="section-empty">You haven't enrolled in a pathway yet. Pick one below and track your progress step by step.</p>}
      />
      <Section id="authored" title="Made by me" sub="Drafts are only visible to you until you publish them." filter="authored" limit={6} hideWhenEmpty />
      <Section
        id="all"
        title="All pathways"
        filter="all"
        limit={12}
        loadMore
        empty={
          <EmptyState icon="route" title="No pathways yet" action={CREATE}>
            Gather the resources, discussions and tasks that helped you learn something, and guide others through them.
          </EmptyState>
        }
      />
    </>
  );
}
