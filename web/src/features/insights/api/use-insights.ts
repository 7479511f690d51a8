import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AnalyticsActivity, AnalyticsFunnels, AnalyticsLive, AnalyticsPopular, AnalyticsQuestions, AnalyticsScope, AnalyticsScopes } from '../../../../../contracts/index.ts';
import type { DayRange } from '../../../components/range/range-picker.tsx';
import { api } from '../../../lib/api-client.ts';
import { toQueryString } from '../../../lib/query-string.ts';

/** The scopes this person may read figures of (empty: no Insights for them). Kept for the session: it decides the navigation. */
export function useInsightScopes() {
  return useQuery({ queryKey: ['analytics', 'scopes'], queryFn: ({ signal }) => api<AnalyticsScopes>('/api/analytics/scopes', { signal }), staleTime: 5 * 60_000 });
}

/** What each figure route answers. */
export interface InsightSections {
  activity: AnalyticsActivity;
  questions: AnalyticsQuestions;
  popular: AnalyticsPopular;
  funnels: AnalyticsFunnels;
  live: AnalyticsLive;
}

/** One section's figures for a scope and range. */
export function useInsight<K extends keyof InsightSections>(section: K, scope: AnalyticsScope, range: DayRange, enabled: boolean) {
  const query = { scope: scope.kind, ...(scope.id === null ? {} : { id: scope.id }), ...range };
  return useQuery({
    queryKey: ['analytics', section, query],
    queryFn: ({ signal }) => api<InsightSections[K]>(`/api/analytics/${section}${toQueryString(query)}`, { signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}
