import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { SkillGaps } from '../../../../../contracts/index.ts';
import { api } from '../../../lib/api-client.ts';
import { toQueryString } from '../../../lib/query-string.ts';

/** Skills wanted against offered, optionally for one department's wants (org admins and analysts). */
export function useSkillGaps(department: string | null) {
  return useQuery({
    queryKey: ['skill-gaps', department],
    queryFn: ({ signal }) => api<SkillGaps>(`/api/skill-gaps${toQueryString({ department: department ?? undefined })}`, { signal }),
    placeholderData: keepPreviousData,
  });
}
