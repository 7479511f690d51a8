import { Link, useLocation, useSearchParams } from 'wouter';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { PageLoading } from '../../../components/ui/page-loading.tsx';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { useMe } from '../../auth/api/use-me.ts';
import { useCommunities } from '../../communities/api/use-communities.ts';
import { useCreateEvent } from '../api/use-event-actions.ts';
import { EventForm } from '../components/event-form.tsx';
import { moderates, plansAnyCalendar } from '../lib/can-plan.ts';

/** The communities whose calendars the person may plan in (all for admins and facilitators, else those they moderate). */
export function usePlannableCommunities() {
  const me = useMe();
  const any = plansAnyCalendar(me);
  const list = useCommunities({ q: '', mine: !any }, 100);
  const items = (list.data?.pages.flatMap((p) => p.items) ?? []).filter((c) => any || moderates(c));
  // Wait for a fresh list: a community created a moment ago must be offered.
  return { any, items, isPending: list.isPending || (list.isFetching && !list.isFetchedAfterMount) };
}

/** /events/new(?date=YYYY-MM-DD&community=<id>): plan an event in the organization's or a community's calendar. */
export function NewEventPage() {
  useDocumentTitle('New event');
  const me = useMe();
  const [params] = useSearchParams();
  const [, navigate] = useLocation();
  const create = useCreateEvent();
  const plannable = usePlannableCommunities();
  if (plannable.isPending) return <PageLoading label="Loading" />;
  if (!plannable.any && plannable.items.length === 0)
    return (
      <EmptyState icon="lock" title="Only organizers plan events" action={<Link href="/events" className="btn btn-primary">See the calendar</Link>}>
        Facilitators and admins plan events for everyone; community owners and moderators plan them for their community.
      </EmptyState>
    );
  const community = params.get('community');
  return (
    <>
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <Link href="/events">Events</Link>
        <span aria-hidden="true">/</span>
        <span aria-current="page">New event</span>
      </nav>
      <PageHeader title="Plan an event" subtitle="People in its calendar see it at once; those who answer “Going” get a calendar invitation." />
      <EventForm
        me={me.person}
        communities={plannable.items}
        canUseOrgCalendar={plannable.any}
        defaultDay={params.get('date')}
        defaultCommunityId={community && plannable.items.some((c) => c.id === community) ? community : null}
        saving={create.isPending}
        error={create.error}
        submitLabel="Create event"
        cancelHref="/events"
        onSave={(v) => {
          const { recordingUrl: _r, resources: _res, ...body } = v;
          create.mutate({ ...body, liveSessionId: null, programId: null }, { onSuccess: (e) => navigate(`/events/${e.id}`) });
        }}
      />
    </>
  );
}
