import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreatePathwayRequest, Pathway, UpdatePathwayRequest } from '../../../../../contracts/index.ts';
import { api } from '../../../lib/api-client.ts';
import { pathwayKeys } from './pathway-keys.ts';

/** Creates a draft pathway; the new pathway is cached so its page opens at once. */
export function useCreatePathway() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreatePathwayRequest) => api<Pathway>('/api/pathways', { method: 'POST', body }),
    onSuccess: (p) => {
      qc.setQueryData(pathwayKeys.detail(p.id), p);
      void qc.invalidateQueries({ queryKey: pathwayKeys.lists });
    },
  });
}

/**
 * Everything one does on a pathway; each answer is the pathway as the server now sees it, which
 * replaces the cached copy, and lists and peer progress are refetched.
 */
export function usePathwayActions(id: string) {
  const qc = useQueryClient();
  const settle = (p: Pathway) => {
    qc.setQueryData(pathwayKeys.detail(id), p);
    void qc.invalidateQueries({ queryKey: pathwayKeys.lists });
    void qc.invalidateQueries({ queryKey: pathwayKeys.progress(id) });
  };
  return {
    update: useMutation({
      mutationFn: (body: UpdatePathwayRequest) => api<Pathway>(`/api/pathways/${id}`, { method: 'PATCH', body }),
      onSuccess: settle,
    }),
    remove: useMutation({
      mutationFn: () => api<void>(`/api/pathways/${id}`, { method: 'DELETE' }),
      onSuccess: () => {
        qc.removeQueries({ queryKey: pathwayKeys.detail(id) });
        void qc.invalidateQueries({ queryKey: pathwayKeys.lists });
      },
    }),
    feature: useMutation({
      mutationFn: (isFeatured: boolean) => api<Pathway>(`/api/pathways/${id}/featured`, { method: 'PUT', body: { isFeatured } }),
      onSuccess: settle,
    }),
    enroll: useMutation({
      mutationFn: (body: { enrolled: boolean; hideProgress?: boolean }) => api<Pathway>(`/api/pathways/${id}/enrollment`, { method: 'PUT', body }),
      // The privacy toggle flips at once; the server's answer (or a refetch after a failure) settles it.
      onMutate: ({ enrolled, hideProgress }) => {
        if (enrolled && hideProgress !== undefined) qc.setQueryData<Pathway>(pathwayKeys.detail(id), (p) => (p ? { ...p, hideMyProgress: hideProgress } : p));
      },
      onSuccess: settle,
      onError: () => void qc.invalidateQueries({ queryKey: pathwayKeys.detail(id) }),
    }),
    mark: useMutation({
      mutationKey: pathwayKeys.marking(id),
      mutationFn: ({ stepId, done }: { stepId: string; done: boolean }) => api<Pathway>(`/api/pathways/${id}/steps/${stepId}/done`, { method: 'PUT', body: { done } }),
      // Tick at once; the server's answer (or a refetch after a failure) settles it.
      onMutate: async ({ stepId, done }) => {
        // A refetch already on its way would bring back the old tick.
        await qc.cancelQueries({ queryKey: pathwayKeys.detail(id) });
        qc.setQueryData<Pathway>(pathwayKeys.detail(id), (p) => (p ? { ...p, steps: p.steps.map((s) => (s.id === stepId ? { ...s, isDone: done } : s)) } : p));
      },
      onSuccess: settle,
      onError: () => void qc.invalidateQueries({ queryKey: pathwayKeys.detail(id) }),
    }),
  };
}
