import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AdjustPlanRequest, CohortProgram, CreateProgramRequest, FormPlanRequest, Plan, Program, ProgramEnrollees, ProgramPlans, UpdateProgramRequest } from '../../../../../contracts/index.ts';
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
    /** Moves someone to a published cohort (or places someone waiting for one); the plans and placements refetch. */
    moveToCohort: useMutation({
      mutationFn: ({ personId, cohortId }: { personId: string; cohortId: string }) => api<void>(`/api/programs/${id}/cohort-members/${personId}`, { method: 'PUT', body: { cohortId } }),
      onSettled: () => {
        void qc.invalidateQueries({ queryKey: programKeys.plans(id) });
        refreshProgram();
      },
    }),
    /** Pairs someone waiting for a learning partner with another waiting person, or adds them to a pair. */
    joinPartners: useMutation({
      mutationFn: (body: { personId: string; withId: string }) => api<void>(`/api/programs/${id}/partners`, { method: 'POST', body }),
      onSettled: () => {
        void qc.invalidateQueries({ queryKey: programKeys.plans(id) });
        refreshProgram();
      },
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

/**
 * Ticking sessions and hiding one's progress from a cohort space. The change shows at once (the cache is updated
 * synchronously, so a controlled checkbox never flips back) and settles on the server's copy; a refused change rolls back.
 */
export function useCohortProgressActions(communityId: string, programId: string) {
  const qc = useQueryClient();
  const key = programKeys.cohortSpace(communityId);
  const apply = (change: (d: CohortProgram) => CohortProgram) => {
    const before = qc.getQueryData<CohortProgram>(key);
    if (before) qc.setQueryData(key, change(before));
    void qc.cancelQueries({ queryKey: key }, { revert: false });
    return before;
  };
  const settle = () => {
    void qc.invalidateQueries({ queryKey: key });
    void qc.invalidateQueries({ queryKey: programKeys.detail(programId) });
  };
  const rollback = (before?: CohortProgram) => () => {
    if (before) qc.setQueryData(key, before);
  };
  const tick = useMutation({
    mutationFn: (v: { sessionId: string; done: boolean }) => api<void>(`/api/programs/${programId}/sessions/${v.sessionId}/done`, { method: 'PUT', body: { done: v.done } }),
    onSettled: settle,
  });
  const hide = useMutation({
    mutationFn: (hidden: boolean) => api<void>(`/api/programs/${programId}/progress-visibility`, { method: 'PUT', body: { hidden } }),
    onSettled: settle,
  });
  return {
    error: tick.error ?? hide.error,
    /** Marks a session done or not for the person (their own count moves with it). */
    tick: (v: { sessionId: string; done: boolean; personId: string }) => {
      const before = apply((d) => ({
        ...d,
        sessions: d.sessions.map((s) => (s.id === v.sessionId ? { ...s, isDone: v.done } : s)),
        members: d.members.map((m) => (m.id === v.personId && m.done !== null ? { ...m, done: Math.max(0, m.done + (v.done ? 1 : -1)) } : m)),
      }));
      tick.mutate({ sessionId: v.sessionId, done: v.done }, { onError: rollback(before) });
    },
    /** Hides the person's progress from the others, or shows it again. */
    hide: (hidden: boolean) => {
      const before = apply((d) => ({ ...d, hideMyProgress: hidden }));
      hide.mutate(hidden, { onError: rollback(before) });
    },
  };
}
