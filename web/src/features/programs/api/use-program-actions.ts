import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AdjustPlanRequest, CreateProgramRequest, FormPlanRequest, Plan, Program, ProgramEnrollees, ProgramPlans, UpdateProgramRequest } from '../../../../../contracts/index.ts';
import { api } from '../../../lib/api-client.ts';
import { programKeys } from './program-keys.ts';

/** Creates a draft program; it is cached so its page opens at once. */
export function useCreateProgram() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateProgramRequest) => api<Program>('/api/programs', { method: 'POST', body }),
    onSuccess: (p) => {
      qc.setQueryData(programKeys.detail(p.id), p);
      void qc.invalidateQueries({ queryKey: programKeys.lists });
    },
  });
}

/** Edits, status changes and the person's own enrolment; each answer replaces the cached program. */
export function useProgramActions(id: string) {
  const qc = useQueryClient();
  const settle = (p: Program) => {
    qc.setQueryData(programKeys.detail(id), p);
    void qc.invalidateQueries({ queryKey: programKeys.lists });
  };
  return {
    update: useMutation({
      mutationFn: (body: UpdateProgramRequest) => api<Program>(`/api/programs/${id}`, { method: 'PATCH', body }),
      onSuccess: (p) => {
        settle(p);
        void qc.invalidateQueries({ queryKey: programKeys.enrollees(id) });
      },
    }),
    enroll: useMutation({
      mutationFn: (enrolled: boolean) => api<Program>(`/api/programs/${id}/enrollment`, { method: 'PUT', body: { enrolled } }),
      onSuccess: settle,
      onError: () => void qc.invalidateQueries({ queryKey: programKeys.detail(id) }),
    }),
  };
}

/** Facilitators' work on enrolment and plans. */
export function usePlanActions(id: string) {
  const qc = useQueryClient();
  const refreshProgram = () => {
    void qc.invalidateQueries({ queryKey: programKeys.detail(id) });
    void qc.invalidateQueries({ queryKey: programKeys.lists });
  };
  /** Puts a plan in the cached list in place of the one of its kind and status (or a draft it came from). */
  const put = (plan: Plan) =>
    qc.setQueryData<ProgramPlans>(programKeys.plans(id), (old) => {
      const items = (old?.items ?? []).filter((p) => p.id !== plan.id && !(p.kind === plan.kind && p.status === plan.status) && !(plan.status === 'published' && p.kind === plan.kind && p.status === 'draft'));
      return { items: [...items, plan] };
    });
  return {
    assign: useMutation({
      mutationFn: (personIds: string[]) => api<ProgramEnrollees>(`/api/programs/${id}/enrollments`, { method: 'POST', body: { personIds } }),
      onSuccess: (list) => {
        qc.setQueryData(programKeys.enrollees(id), list);
        refreshProgram();
      },
    }),
    remove: useMutation({
      mutationFn: (personId: string) => api<void>(`/api/programs/${id}/enrollments/${personId}`, { method: 'DELETE' }),
      onSuccess: () => {
        void qc.invalidateQueries({ queryKey: programKeys.enrollees(id) });
        refreshProgram();
      },
    }),
    form: useMutation({
      mutationFn: (body: FormPlanRequest) => api<Plan>(`/api/programs/${id}/plans`, { method: 'POST', body }),
      onSuccess: put,
    }),
    adjust: useMutation({
      mutationFn: ({ planId, rounds }: { planId: string; preview?: Plan } & AdjustPlanRequest) => api<Plan>(`/api/programs/${id}/plans/${planId}`, { method: 'PATCH', body: { rounds } }),
      // The moved person shows in their new group at once; the answer brings the recomputed figures.
      onMutate: async ({ preview }) => {
        await qc.cancelQueries({ queryKey: programKeys.plans(id) });
        if (preview) put(preview);
      },
      onSuccess: put,
      // A refused move (someone lost or duplicated, or the plan changed) restores the server's copy.
      onError: () => void qc.invalidateQueries({ queryKey: programKeys.plans(id) }),
    }),
    publish: useMutation({
      mutationFn: (planId: string) => api<Plan>(`/api/programs/${id}/plans/${planId}/publish`, { method: 'POST' }),
      onSuccess: (plan) => {
        put(plan);
        void qc.invalidateQueries({ queryKey: programKeys.plans(id) });
        refreshProgram();
      },
    }),
  };
}
