import { Link, useLocation } from 'wouter';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { ErrorState } from '../../../components/ui/error-state.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { PageLoading } from '../../../components/ui/page-loading.tsx';
import { ApiError } from '../../../lib/api-error.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { useMe } from '../../auth/api/use-me.ts';
import { useEventActions } from '../api/use-event-actions.ts';
import { useEvent } from '../api/use-events.ts';
import { EventForm } from '../components/event-form.tsx';
import { usePlannableCommunities } from './new-event-page.tsx';

/** /events/:id/edit (editors and hosts): details, time, place, hosts; afterwards the recording and links. */
export function EditEventPage({ id }: { id: string }) {
  const me = useMe();
  const event = useEvent(id);
  const actions = useEventActions(id);
  const plannable = usePlannableCommunities();
  const [, navigate] = useLocation();
  useDocumentTitle(event.data ? `Edit ${event.data.title}` : 'Edit event');
  if (event.isPending) return <PageLoading label="Loading event" />;
  if (event.isError) {
    if (event.error instanceof ApiError && event.error.status === 404)
      return <EmptyState icon="search" title="We couldn't find that event" action={<Link href="/events" className="btn btn-primary">See the calendar</Link>} />;
    return <ErrorState error={event.error} title="We couldn't load this event" onRetry={() => event.refetch()} />;
  }
  const e = event.data;
  if (!e.abilities.canEdit)
    return (
      <EmptyState icon="lock" title="Only hosts and organizers edit this event" action={<Link href={`/events/${e.id}`} className="btn btn-primary">Back to the event</Link>} />
    );
  return (
    <>
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <Link href="/events">Events</Link>
        <span aria-hidden="true">/</span>
        <Link href={`/events/${e.id}`}>{e.title}</Link>
        <span aria-hidden="true">/</span>
        <span aria-current="page">Edit</span>
      </nav>
      <PageHeader title="Edit event" subtitle="A new time or place sends an updated invitation to everyone going." />
      <EventForm
        key={e.id}
        me={me.person}
        initial={e}
        communities={plannable.items}
        canUseOrgCalendar={plannable.any}
        saving={actions.update.isPending}
        error={actions.update.error}
        submitLabel="Save changes"
        cancelHref={`/events/${e.id}`}
        onSave={(v) => {
          const { communityId: _c, ...body } = v;
          actions.update.mutate(body, { onSuccess: () => navigate(`/events/${e.id}`) });
        }}
      />
    </>
  );
}
