import { useMemo } from 'react';
import { Link } from 'wouter';
import type { Community } from '../../../../../contracts/index.ts';
import { Card } from '../../../components/ui/card.tsx';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { ErrorState } from '../../../components/ui/error-state.tsx';
import { Icon } from '../../../components/ui/icon.tsx';
import { Skeleton } from '../../../components/ui/skeleton.tsx';
import { useMe } from '../../auth/api/use-me.ts';
import { useEventCalendar } from '../api/use-events.ts';
import { plansAnyCalendar } from '../lib/can-plan.ts';
import { eventWhen } from '../lib/event-format.ts';
import { useNow } from '../lib/use-now.ts';
import { AgendaList } from './agenda-list.tsx';
import { RsvpBadge } from './event-badges.tsx';

/** The next 120 days of a community's calendar (from the start of today). */
function useUpcoming(communityId: string, enabled = true) {
  const range = useMemo(() => {
    const d = new Date();
    const from = new Date(d.getFullYear(), d.getMonth(), d.getDate());
    return { from: from.toISOString(), to: new Date(from.getTime() + 120 * 86_400_000).toISOString() };
  }, []);
  return useEventCalendar({ ...range, communityId }, enabled);
}

/** The community's Events tab: upcoming events by day; moderators and organizers plan new ones. */
export function CommunityEvents({ community }: { community: Community }) {
  const me = useMe();
  const now = useNow(60_000);
  const cal = useUpcoming(community.id);
  const canPlan = community.abilities.canModerate || plansAnyCalendar(me);
  const items = (cal.data?.items ?? []).filter((e) => Date.parse(e.endsAt) > now);
  const plan = canPlan ? (
    <Link href={`/events/new?community=${community.id}`} className="btn btn-primary btn-sm">
      <Icon name="plus" size={16} /> New event
    </Link>
  ) : null;
  return (
    <section aria-labelledby="community-events-title" className="stack">
      <div className="resource-toolbar">
        <h2 id="community-events-title" className="section-title">
          Upcoming events
        </h2>
        <span className="spacer" />
        <Link href={`/events?show=community&community=${community.id}`} className="btn btn-ghost btn-sm">
          <Icon name="calendar" size={16} /> Month view
        </Link>
        {plan}
      </div>
      {cal.isPending ? (
        <div className="stack-sm" aria-busy="true" aria-label="Loading events">
          <Skeleton height={88} />
          <Skeleton height={88} />
        </div>
      ) : cal.isError ? (
        <ErrorState error={cal.error} title="We couldn't load the events" onRetry={() => cal.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState icon="calendar" title="Nothing planned yet" action={plan ?? undefined}>
          {canPlan ? 'Plan a workshop or a live session for the members.' : 'Events for this community show up here.'}
        </EmptyState>
      ) : (
        <AgendaList items={items} now={now} label={`Upcoming events in ${community.name}`} showCommunity={false} />
      )}
    </section>
  );
}

/** A small card of the next three events, for the community's front page. */
export function UpcomingEventsCard({ community }: { community: Community }) {
  const now = useNow(60_000);
  const cal = useUpcoming(community.id);
  const items = (cal.data?.items ?? []).filter((e) => Date.parse(e.endsAt) > now && e.status === 'scheduled').slice(0, 3);
  if (!items.length) return null;
  return (
    <aside aria-labelledby="upcoming-events-title">
      <Card>
        <h2 id="upcoming-events-title" className="card-title aside-title">
          <Icon name="calendar" size={18} /> Upcoming events
        </h2>
        <ul className="mini-events">
          {items.map((e) => (
            <li key={e.id}>
              <Link href={`/events/${e.id}`} className="mini-event">
                <span className="mini-event-title">{e.title}</span>
                <span className="mini-event-when">{eventWhen(e).local}</span>
              </Link>
              <RsvpBadge event={e} />
            </li>
          ))}
        </ul>
        <Link href={`/communities/${community.slug}/events`} className="small">
          All events <Icon name="arrowRight" size={14} />
        </Link>
      </Card>
    </aside>
  );
}
