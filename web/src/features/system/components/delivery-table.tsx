import type { TroubledDelivery } from '../../../../../contracts/index.ts';
import { Button } from '../../../components/ui/button.tsx';
import { fullTime, relativeTime } from '../../../lib/relative-time.ts';

/** The deliveries that failed: what happened, who could not handle it, the error, and Retry for parked ones. */
export function DeliveryTable({ items, onRetry, retrying }: { items: TroubledDelivery[]; onRetry: (d: TroubledDelivery) => void; retrying: string | null }) {
  return (
    <div className="table-wrap">
      <table className="table delivery-table">
        <caption className="visually-hidden">Event deliveries that failed</caption>
        <thead>
          <tr>
            <th scope="col">What happened</th>
            <th scope="col">Waiting on</th>
            <th scope="col">Status</th>
            <th scope="col">Last error</th>
            <th scope="col">
              <span className="visually-hidden">Action</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((d) => {
            const id = `${d.consumer}#${d.eventId}`;
            return (
              <tr key={id} data-status={d.status}>
                <td>
                  <code>{d.type}</code>
                  <div className="field-hint">
                    <time dateTime={d.createdAt} title={fullTime(d.createdAt)}>
                      {relativeTime(d.createdAt)}
                    </time>{' '}
                    · event {d.eventId}
                  </div>
                </td>
                <td>
                  <span className="delivery-label">Waiting on: </span>
                  {d.consumer.split(':')[0]}
                </td>
                <td>
                  <span className={`badge ${d.status === 'dead' ? 'badge-danger' : 'badge-warning'}`}>{d.status === 'dead' ? 'Stopped' : 'Retrying'}</span>
                  <div className="field-hint">
                    {d.attempts} attempt{d.attempts === 1 ? '' : 's'}
                    {d.nextAttemptAt ? <> · next {relativeTime(d.nextAttemptAt)}</> : null}
                  </div>
                </td>
                <td className="delivery-error">{d.lastError ?? '—'}</td>
                <td>
                  {d.status === 'dead' ? (
                    <Button size="sm" variant="secondary" loading={retrying === id} onClick={() => onRetry(d)} aria-label={`Retry ${d.type} for ${d.consumer.split(':')[0]}`}>
                      Retry
                    </Button>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
