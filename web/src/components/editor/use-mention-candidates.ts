import { useQuery } from '@tanstack/react-query';
import type { PeoplePage, PersonSummary } from '../../../../contracts/index.ts';
import { api } from '../../lib/api-client.ts';
import { toQueryString } from '../../lib/query-string.ts';

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * Up to six people for "@<query>" (no request for an empty query). The directory search also matches
 * titles and teams ("@Sa" finds every Sales title), so people whose name has a word starting with the
 * query come first.
 */
export function useMentionCandidates(q: string) {
  return useQuery({
    queryKey: ['people', 'mention', q],
    queryFn: async ({ signal }): Promise<PeoplePage> => {
      const page = await api<PeoplePage>(`/api/people${toQueryString({ q, limit: 20 })}`, { signal });
      const needle = fold(q.trim());
      const byName = (p: PersonSummary) => fold(p.name).split(/\s+/).some((w) => w.startsWith(needle)) || fold(p.name).startsWith(needle);
      const ranked = [...page.items.filter(byName), ...page.items.filter((p) => !byName(p))];
      return { items: ranked.slice(0, 6), nextCursor: null };
    },
    enabled: q.trim().length > 0,
    placeholderData: (prev) => prev,
    staleTime: 60_000,
  });
}
