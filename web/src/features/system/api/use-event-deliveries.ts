import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { EventDeliveryReport, RetryDeliveriesRequest, RetryDeliveriesResponse } from '../../../../../contracts/index.ts';
import { api } from '../../../lib/api-client.ts';

const key = ['system', 'events'] as const;

/** The organization's event deliveries (waiting, parked); refreshed every 10 s while the page is open. */
export function useEventDeliveries() {
  return useQuery({ queryKey: key, queryFn: ({ signal }) => api<EventDeliveryReport>('/api/system/events', { signal }), refetchInterval: 10_000 });
}

/** Puts one parked delivery, or all of them, back in line; the report is read again shortly after. */
export function useRetryDeliveries() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: RetryDeliveriesRequest) => api<RetryDeliveriesResponse>('/api/system/events/retry', { method: 'POST', body }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: key });
      // The retry runs in the background: a second look shows what it did.
      setTimeout(() => void qc.invalidateQueries({ queryKey: key }), 1500);
    },
  });
}
