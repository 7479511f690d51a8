import { useInfiniteQuery } from '@tanstack/react-query';
import type { AuditPage } from '../../../../../contracts/index.ts';
import { api } from '../../../lib/api-client.ts';
import { toQueryString } from '../../../lib/query-string.ts';

/** Filters of the audit log as the API takes them (instants as ISO strings). */
export type AuditFilters = { action?: string; actorId?: string; targetId?: string; from?: string; to?: string };

/** The organization's audit log, newest first, keyset-paged with `fetchNextPage` (org admins). */
export function useAuditLog(filters: AuditFilters, limit = 30) {
  return useInfiniteQuery({
    queryKey: ['audit', filters, limit],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => api<AuditPage>(`/api/audit${toQueryString({ ...filters, limit, cursor: pageParam })}`, { signal }),
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** Where the CSV of the same filters downloads from. */
export const auditCsvUrl = (filters: AuditFilters) => `/api/audit/export.csv${toQueryString(filters)}`;
