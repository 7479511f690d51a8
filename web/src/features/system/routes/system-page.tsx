import { useState } from 'react';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { ErrorState } from '../../../components/ui/error-state.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { SkeletonRows } from '../../../components/ui/skeleton.tsx';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { useMe } from '../../auth/api/use-me.ts';
import { useEventDeliveries, useRetryDeliveries } from '../api/use-event-deliveries.ts';
import { AdminTabs } from '../../admin/components/admin-tabs.tsx';
import { DeliveryTable } from '../components/delivery-table.tsx';
import { AdminsOnly } from '../../admin/components/admins-only.tsx';

/** Seconds as people say them: "12 seconds", "3 minutes", "2 hours". */
function age(seconds: number) {
  const [n, unit] = seconds < 90 ? [seconds, 'second'] : seconds < 5400 ? [seconds / 60, 'minute'] : [seconds / 3600, 'hour'];
  const r = Math.round(n);
  return `${r} ${unit}${r === 1 ? '' : 's'}`;
}

/** /admin/system: how notifications, mail and feed updates are getting through, and retrying what stopped. Org admins only. */
export function SystemPage() {
  useDocumentTitle('Admin · System');
  const { person } = useMe();
  const report = useEventDeliveries();
  const retry = useRetryDeliveries();
  const [retrying, setRetrying] = useState<string | null>(null);
  if (!person.roles.includes('admin'))
    return (
      <AdminsOnly>
        This page shows how Hearth's background work is going in your organization.
      </AdminsOnly>
    );
  const data = report.data;
  return (
    <>
      <PageHeader
        title="System"
        subtitle="Notifications, mail and feed updates are handed on after each change. When one cannot be delivered, Hearth tries again, then stops and lists it here."
        actions={
          data?.dead ? (
            <Button variant="primary" loading={retry.isPending && retrying === 'all'} onClick={() => (setRetrying('all'), retry.mutate({}, { onSettled: () => setRetrying(null) }))}>
              Retry all stopped ({data.dead})
            </Button>
          ) : null
        }
      />
      <AdminTabs current="system" />
      {report.isPending ? (
        <SkeletonRows label="Loading deliveries" rowClassName="row" rows={3} />
      ) : report.isError || !data ? (
        <ErrorState error={report.error} onRetry={() => void report.refetch()} />
      ) : (
        <section className="stack" aria-labelledby="deliveries-title">
          <h2 id="deliveries-title" className="visually-hidden">
            Event deliveries
          </h2>
          <div className="stats">
            <div className="stat">
              <div className="stat-value">{data.pending}</div>
              <div className="stat-label">Waiting</div>
            </div>
            <div className={`stat${data.dead ? ' stat-bad' : ''}`}>
              <div className="stat-value">{data.dead}</div>
              <div className="stat-label">Stopped</div>
            </div>
            <div className="stat">
              <div className="stat-value">{data.oldestPendingSeconds === null ? '—' : age(data.oldestPendingSeconds)}</div>
              <div className="stat-label">Oldest wait</div>
            </div>
          </div>
          {retry.isError ? <Alert>{retry.error instanceof Error ? retry.error.message : 'The retry did not go through.'}</Alert> : null}
          {retry.isSuccess ? (
            <Alert tone="success">
              {retry.data.retried} {retry.data.retried === 1 ? 'delivery' : 'deliveries'} put back in line.
            </Alert>
          ) : null}
          {data.items.length === 0 ? (
            <EmptyState icon="check" title="Everything is getting through">
              No delivery has failed. Anything that does will show here with the reason, and you can retry it.
            </EmptyState>
          ) : (
            <DeliveryTable
              items={data.items}
              retrying={retrying}
              onRetry={(d) => {
                const id = `${d.consumer}#${d.eventId}`;
                setRetrying(id);
                retry.mutate({ consumer: d.consumer, eventId: d.eventId }, { onSettled: () => setRetrying(null) });
              }}
            />
          )}
        </section>
      )}
    </>
  );
}
