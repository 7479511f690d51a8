import { Link } from 'wouter';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { ErrorState } from '../../../components/ui/error-state.tsx';
import { Icon } from '../../../components/ui/icon.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { Skeleton } from '../../../components/ui/skeleton.tsx';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { useMe } from '../../auth/api/use-me.ts';
import { useLiveSessions } from '../api/use-live.ts';
import { SessionList } from '../components/session-list.tsx';
import '../live.css';

/** /live — sessions the person can join or facilitate: live now first, then upcoming, then past. */
export function LiveListPage() {
  useDocumentTitle('Live sessions');
  const me = useMe();
  const list = useLiveSessions();
  const mayCreate = me.person.roles.includes('admin') || me.person.roles.includes('facilitator');
  const newButton = mayCreate ? (
    <Link href="/live/new" className="btn btn-primary">
      <Icon name="plus" size={18} /> New session
    </Link>
  ) : null;
  const items = list.data?.items ?? [];
  const live = items.filter((s) => s.status === 'live');
  const upcoming = items.filter((s) => s.status === 'scheduled').sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const past = items.filter((s) => s.status === 'ended');
  return (
    <div className="live-page">
      <PageHeader title="Live sessions" subtitle="Workshops in small groups and with learning partners — what is said in a group stays in the group." actions={newButton} />
      {list.isPending ? (
        <div className="stack" aria-busy="true">
          <Skeleton height={96} />
          <Skeleton height={96} />
        </div>
      ) : list.isError ? (
        <ErrorState error={list.error} title="We couldn't load live sessions" onRetry={() => list.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState icon="people" title="No live sessions yet" action={newButton}>
          {mayCreate ? 'Create one from the graduated template: everyone together, then small groups, then learning partners.' : 'Sessions of your programs and your organization appear here.'}
        </EmptyState>
      ) : (
        <div className="stack live-sections">
          {live.length ? (
            <section aria-labelledby="live-now">
              <h2 id="live-now" className="section-title">
                Live now
              </h2>
              <SessionList items={live} label="Live now" />
            </section>
          ) : null}
          <section aria-labelledby="live-upcoming">
            <h2 id="live-upcoming" className="section-title">
              Upcoming
            </h2>
            {upcoming.length ? <SessionList items={upcoming} label="Upcoming" /> : <p className="section-empty">Nothing scheduled.</p>}
          </section>
          {past.length ? (
            <section aria-labelledby="live-past">
              <h2 id="live-past" className="section-title">
                Past
              </h2>
              <SessionList items={past} label="Past" />
            </section>
          ) : null}
        </div>
      )}
    </div>
  );
}
