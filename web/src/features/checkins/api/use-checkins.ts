import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Checkin, MyCheckinsResponse, ProgramCheckinsResponse, RecordCheckinRequest } from '../../../../../contracts/index.ts';
import { api } from '../../../lib/api-client.ts';

/** Query keys of the check-ins feature. */
export const checkinKeys = { all: ['checkins'] as const, mine: ['checkins', 'mine'] as const, program: (id: string) => ['checkins', 'program', id] as const };

/** My check-ins as a learner and as a manager. */
export function useMyCheckins() {
  return useQuery({ queryKey: checkinKeys.mine, queryFn: ({ signal }) => api<MyCheckinsResponse>('/api/checkins', { signal }) });
}

/** A program's check-ins (facilitators, admins). */
export function useProgramCheckins(programId: string) {
  return useQuery({ queryKey: checkinKeys.program(programId), queryFn: ({ signal }) => api<ProgramCheckinsResponse>(`/api/programs/${encodeURIComponent(programId)}/checkins`, { signal }) });
}

/** The manager records the outcome of a check-in. */
export function useRecordCheckin(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: RecordCheckinRequest) => api<Checkin>(`/api/checkins/${encodeURIComponent(id)}/outcome`, { method: 'POST', body }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: checkinKeys.all }),
  });
}
