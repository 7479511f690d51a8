import { useQuery } from '@tanstack/react-query';
import type { PeoplePage } from '../../../../contracts/index.ts';
import { api } from '../../lib/api-client.ts';
import { toQueryString } from '../../lib/query-string.ts';

/** Up to six people whose name matches what follows the "@" (no request for an empty query). */
export function useMentionCandidates(q: string) {
  return useQuery({
    queryKey: ['people', 'mention', q],
    queryFn: ({ signal }) => api<PeoplePage>(`/api/people${toQueryString({ q, limit: 6 })}`, { signal }),
    enabled: q.trim().length > 0,
    placeholderData: (prev) => prev,
    staleTime: 60_000,
  });
}
