import { useEffect } from 'react';
import { Link } from 'wouter';
import type { EventSummary } from '../../../../../contracts/index.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { ErrorState } from '../../../components/ui/error-state.tsx';
import { Icon } from '../../../components/ui/icon.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { Select } from '../../../components/ui/select.tsx';
import { Skeleton } from '../../../components/ui/skeleton.tsx';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { useMe } from '../../auth/api/use-me.ts';
import { useCommunities } from '../../communities/api/use-communities.ts';
import { useEventCalendar } from '../api/use-events.ts';
import { AgendaList } from '../components/agenda-list.tsx';
import { MonthGrid } from '../components/month-grid.tsx';
import { moderates, plansAnyCalendar } from '../lib/can-plan.ts';
import { addMonths, type MonthKey, monthGrid, parseMonth, thisMonth } from '../lib/month.ts';
import { useMediaQuery, useNow } from '../lib/use-now.ts';
import { usePageSearchParams } from '../../../lib/use-page-search-params.ts';

type Show = 'all' | 'going' | 'community';
const monthTitle = new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric' });

/**
 * /events(?month=YYYY-MM&show=going|community&community=<id>): the organization's calendar. A month grid on wide
 * screens, an agenda of the month's days on phones. Filters: everything I can see, what I go to or host, or one
 * community's calendar. Times are in the viewer's zone, with the event's zone when it differs.
 */
export function EventsPage() {
  useDocumentTitle('Events');
  const me = useMe();
  const now = useNow(60_000);
  const [params, setParams] = usePageSearchParams();
  const month = parseMonth(params.get('month')) ?? thisMonth();
  const showParam = params.get('show');
  const show: Show = showParam === 'going' || showParam === 'community' ? showParam : 'all';
  const communityId = show === 'community' ? (params.get('community') ?? '') : '';
  const wide = useMediaQuery('(min-width: 861px)');
  const mine = useCommunities({ q: '', mine: true }, 100);
  const myCommunities = mine.data?.pages.flatMap((p) => p.items) ?? [];
  const canPlan = plansAnyCalendar(me) || myCommunities.some(moderates);

  const grid = monthGrid(month);
  const cal = useEventCalendar({ from: grid.from, to: grid.to, mine: show === 'going' || undefined, communityId: communityId || undefined }, show !== 'community' || !!communityId);

  const set = (next: { month?: MonthKey; show?: Show; community?: string }) => {
    const m = next.month ?? month;
    const s = next.show ?? show;
    const c = next.community ?? communityId;
    const p: Record<string, string> = {};
    if (m !== thisMonth()) p.month = m;
    if (s !== 'all') p.show = s;
    if (s === 'community' && c) p.community = c;
    setParams(p, { replace: !next.month });
  };
  // Choosing "Community" with one community picks it at once.
  useEffect(() => {
    if (show === 'community' && !communityId && myCommunities.length === 1) set({ community: myCommunities[0].id });
  });

  const items = cal.data?.items ?? [];
  const monthItems = items.filter((e) => e.endsAt > grid.monthStart && e.startsAt < grid.monthEnd);
  const title = monthTitle.format(grid.first);
  const newHref = (day?: string) => `/events/new${day ? `?date=${day}` : ''}${show === 'community' && communityId ? `${day ? '&' : '?'}community=${communityId}` : ''}`;

  return (
    <>
      <PageHeader
        title="Events"
        subtitle="Workshops, webinars and live cohort sessions. Times show in your time zone."
        actions={
          canPlan ? (
            <Link href={newHref()} className="btn btn-primary">
              <Icon name="plus" size={18} /> New event
            </Link>
          ) : undefined
        }
      />
      <div className="cal-toolbar">
        <div className="cal-nav">
          <button type="button" className="icon-btn" aria-label="Previous month" onClick={() => set({ month: addMonths(month, -1) })}>
            <Icon name="chevronRight" size={20} style={{ transform: 'rotate(180deg)' }} />
          </button>
          <h2 id="cal-month-title" className="cal-title" aria-live="polite">
            {title}
          </h2>
          <button type="button" className="icon-btn" aria-label="Next month" onClick={() => set({ month: addMonths(month, 1) })}>
            <Icon name="chevronRight" size={20} />
          </button>
          <button type="button" className="btn btn-secondary btn-sm" disabled={month === thisMonth()} onClick={() => set({ month: thisMonth() })}>
            Today
          </button>
        </div>
        <div className="cal-filters">
          <div className="segmented" role="group" aria-label="Show">
            {(
              [
                ['all', 'All'],
                ['going', 'Going'],
                ['community', 'Community'],
              ] as const
            ).map(([id, label]) => (
              <button key={id} type="button" className="segment" aria-pressed={show === id} onClick={() => set({ show: id })}>
                {label}
              </button>
            ))}
          </div>
          {show === 'community' ? (
            <Select aria-label="Community" value={communityId} onChange={(e) => set({ community: e.target.value })} className="cal-community">
              <option value="">Choose a community…</option>
              {myCommunities.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </Select>
          ) : null}
        </div>
      </div>
      {cal.data?.truncated ? <Alert tone="info">This month has more events than one page shows; filter by community to see them all.</Alert> : null}
      <CalendarBody
        wide={wide}
        month={month}
        title={title}
        loading={cal.isPending && cal.fetchStatus !== 'idle'}
        fetching={cal.isFetching}
        error={cal.isError ? cal.error : null}
        retry={() => cal.refetch()}
        needsCommunity={show === 'community' && !communityId}
        items={items}
        monthItems={monthItems}
        now={now}
        show={show}
        onMonth={(m) => set({ month: m })}
        newEventHref={canPlan ? (day) => newHref(day) : undefined}
      />
    </>
  );
}

function CalendarBody(p: {
  wide: boolean;
  month: MonthKey;
  title: string;
  loading: boolean;
  fetching: boolean;
  error: unknown;
  retry: () => void;
  needsCommunity: boolean;
  items: EventSummary[];
  monthItems: EventSummary[];
  now: number;
  show: Show;
  onMonth: (m: MonthKey) => void;
  newEventHref?: (day: string) => string;
}) {
  if (p.needsCommunity)
    return (
      <EmptyState icon="people" title="Choose a community">
        Pick one of your communities above to see its calendar.
      </EmptyState>
    );
  if (p.error && !p.items.length) return <ErrorState error={p.error} title="We couldn't load the calendar" onRetry={p.retry} />;
  if (p.wide)
    return (
      <div className="cal-wrap" aria-busy={p.fetching || undefined}>
        {p.loading ? <Skeleton height={560} /> : <MonthGrid month={p.month} items={p.items} now={p.now} onMonth={p.onMonth} newEventHref={p.newEventHref} />}
        <p className="field-hint cal-keys">Arrow keys move between days, Page Up and Page Down change the month, Enter lists a day’s events.</p>
      </div>
    );
  if (p.loading)
    return (
      <div className="stack-sm" aria-busy="true" aria-label="Loading events">
        <Skeleton height={88} />
        <Skeleton height={88} />
        <Skeleton height={88} />
      </div>
    );
  if (!p.monthItems.length)
    return (
      <EmptyState icon="calendar" title={p.show === 'going' ? `Nothing you go to in ${p.title}` : `No events in ${p.title}`}>
        {p.show === 'going' ? 'Events you answer “Going” to, or host, show here.' : 'Try the next month, or another filter.'}
      </EmptyState>
    );
  return <AgendaList items={p.monthItems} now={p.now} label={`Events in ${p.title}`} />;
}
