import { useQuery } from '@tanstack/react-query';
import type { Pathway, PathwayProgress } from '../../../../../contracts/index.ts';
import { api } from '../../../lib/api-client.ts';
import { pathwayKeys } from './pathway-keys.ts';

/** One pathway with its steps, the person's progress and what they may do. */
export function usePathway(id: string) {
  return useQuery({
    queryKey: pathwayKeys.detail(id),
    queryFn: ({ signal }) => api<Pathway>(`/api/pathways/${encodeURIComponent(id)}`, { signal }),
  });
}

/** Everyone's progress on a pathway (numbers left out for people who hide theirs). */
export function usePathwayProgress(id: string, enabled = true) {
  return useQuery({
    queryKey: pathwayKeys.progress(id),
    queryFn: ({ signal }) => api<PathwayProgress>(`/api/pathways/${encodeURIComponent(id)}/progress`, { signal }),
    enabled,
  });
}
