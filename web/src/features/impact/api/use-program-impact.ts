import { useQuery } from '@tanstack/react-query';
import type { ProgramImpact } from '../../../../../contracts/index.ts';
import { api } from '../../../lib/api-client.ts';

/** A program's impact report (its facilitators, org admins and analysts). */
export function useProgramImpact(programId: string) {
  return useQuery({
    queryKey: ['programs', programId, 'impact'],
    queryFn: ({ signal }) => api<ProgramImpact>(`/api/programs/${encodeURIComponent(programId)}/impact`, { signal }),
  });
}
