import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { Button } from '../../../components/ui/button.tsx';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { ErrorState } from '../../../components/ui/error-state.tsx';
import { Icon } from '../../../components/ui/icon.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { useMe } from '../../auth/api/use-me.ts';
import { type ProgramFilter, usePrograms } from '../api/use-programs.ts';
import { ProgramGrid } from '../components/program-card.tsx';
import { usePageSearchParams } from '../../../lib/use-page-search-params.ts';

const FILTERS: { id: ProgramFilter; label: string; list: string }[] = [
  { id: 'all', label: 'All', list: 'All programs' },
  { id: 'open', label: 'Open for enrolment', list: 'Open for enrolment' },
  { id: 'mine', label: 'Mine', list: 'My programs' },
];

function ProgramList({ filter, create, canCreate }: { filter: ProgramFilter; create: ReactNode; canCreate: boolean }) {
  const list = usePrograms(filter);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const label = FILTERS.find((f) => f.id === filter)?.list ?? 'Programs';
  if (list.isPending) return <ProgramGrid items={[]} label={label} loading />;
  if (list.isError && !items.length) return <ErrorState error={list.error} title="We couldn't load programs" onRetry={() => list.refetch()} />;
  if (items.length === 0)
    return filter === 'all' ? (
      <EmptyState icon="calendar" title="No programs yet" action={create}>
        {canCreate ? 'Create a program, enrol people, and let Hearth form cohorts that mix departments.' : 'Facilitators have not opened a program yet.'}
      </EmptyState>
    ) : filter === 'open' ? (
      <EmptyState icon="calendar" title="No program is open for enrolment">
        New programs show up here when facilitators open enrolment.
      </EmptyState>
    ) : (
      <EmptyState icon="calendar" title="You are not in a program yet">
        Enrol in an open program, or a facilitator will add you.
      </EmptyState>
    );
  return (
    <>
      <ProgramGrid items={items} label={label} />
      {list.hasNextPage ? (
        <div className="load-more">
          <Button variant="secondary" onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
            Show more
          </Button>
        </div>
      ) : null}
    </>
  );
}

/** /programs(?show=open|mine): every program the person can see, those open for enrolment, or their own; facilitators create programs. */
export function ProgramsPage() {
  useDocumentTitle('Programs');
  const me = useMe();
  const [params, setParams] = usePageSearchParams();
  const shown = params.get('show');
  const filter: ProgramFilter = shown === 'open' || shown === 'mine' ? shown : 'all';
  const canCreate = me.person.roles.includes('facilitator') || me.person.roles.includes('admin');
  const create = canCreate ? (
    <Link href="/programs/new" className="btn btn-primary">
      <Icon name="plus" size={18} /> Create program
    </Link>
  ) : undefined;
  return (
    <>
      <PageHeader title="Programs" subtitle="Cohort-based learning with a schedule: you learn with a small group of colleagues from across the company." actions={create} />
      <div className="segmented program-filters" role="group" aria-label="Show">
        {FILTERS.map((f) => (
          <button key={f.id} type="button" className="segment" aria-pressed={filter === f.id} onClick={() => setParams(f.id === 'all' ? {} : { show: f.id }, { replace: true })}>
            {f.label}
          </button>
        ))}
      </div>
      <ProgramList key={filter} filter={filter} create={create} canCreate={canCreate} />
    </>
  );
}
