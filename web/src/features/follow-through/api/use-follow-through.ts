import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ActionItem,
  ActionItemCommentList,
  ActionItemList,
  ActionPlan,
  ActionPlanList,
  CreateActionItemRequest,
  JournalEntry,
  JournalEntryList,
  JournalShareTargets,
  UpdateActionItemRequest,
} from '../../../../../contracts/index.ts';
import { api } from '../../../lib/api-client.ts';

export const ftKeys = {
  plans: ['action-plans'] as const,
  plan: (id: string) => ['action-plans', id] as const,
  helping: ['action-items', 'helping'] as const,
  comments: (id: string) => ['action-items', id, 'comments'] as const,
  journal: ['journal'] as const,
  shared: ['journal', 'shared-with-me'] as const,
  targets: ['journal', 'share-targets'] as const,
};

export const usePlans = () => useQuery({ queryKey: ftKeys.plans, queryFn: ({ signal }) => api<ActionPlanList>('/api/action-plans', { signal }) });
export const usePlan = (id: string | null) =>
  useQuery({ queryKey: ftKeys.plan(id ?? ''), enabled: Boolean(id), queryFn: ({ signal }) => api<ActionPlan>(`/api/action-plans/${encodeURIComponent(id!)}`, { signal }) });
export const useHelping = () => useQuery({ queryKey: ftKeys.helping, queryFn: ({ signal }) => api<ActionItemList>('/api/action-items/helping', { signal }) });
export const useComments = (itemId: string) =>
  useQuery({ queryKey: ftKeys.comments(itemId), queryFn: ({ signal }) => api<ActionItemCommentList>(`/api/action-items/${encodeURIComponent(itemId)}/comments`, { signal }) });

/** Plan and item writes; each refreshes the plans, the open plan and the items I help with. */
export function usePlanActions() {
  const qc = useQueryClient();
  const refresh = () => Promise.all([qc.invalidateQueries({ queryKey: ftKeys.plans }), qc.invalidateQueries({ queryKey: ftKeys.helping })]);
  return {
    createPlan: useMutation({ mutationFn: (b: { title: string; programId?: string; fromTemplate?: boolean }) => api<ActionPlan>('/api/action-plans', { method: 'POST', body: b }), onSuccess: refresh }),
    addItem: useMutation({
      mutationFn: ({ planId, ...b }: CreateActionItemRequest & { planId: string }) => api<ActionItem>(`/api/action-plans/${encodeURIComponent(planId)}/items`, { method: 'POST', body: b }),
      onSuccess: refresh,
    }),
    updateItem: useMutation({
      mutationFn: ({ id, ...b }: UpdateActionItemRequest & { id: string }) => api<ActionItem>(`/api/action-items/${encodeURIComponent(id)}`, { method: 'PATCH', body: b }),
      onSuccess: refresh,
    }),
    comment: useMutation({
      mutationFn: ({ id, body }: { id: string; body: string }) => api<ActionItemCommentList>(`/api/action-items/${encodeURIComponent(id)}/comments`, { method: 'POST', body: { body } }),
      onSuccess: (data, v) => qc.setQueryData(ftKeys.comments(v.id), data),
    }),
  };
}

export const useJournal = () => useQuery({ queryKey: ftKeys.journal, queryFn: ({ signal }) => api<JournalEntryList>('/api/journal', { signal }) });
export const useSharedWithMe = () => useQuery({ queryKey: ftKeys.shared, queryFn: ({ signal }) => api<JournalEntryList>('/api/journal/shared-with-me', { signal }) });
export const useShareTargets = () => useQuery({ queryKey: ftKeys.targets, queryFn: ({ signal }) => api<JournalShareTargets>('/api/journal/share-targets', { signal }) });

/** Journal writes: new entry, share, revoke. */
export function useJournalActions() {
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries({ queryKey: ftKeys.journal });
  const shareUrl = (id: string, personId: string) => `/api/journal/${encodeURIComponent(id)}/shares/${encodeURIComponent(personId)}`;
  return {
    write: useMutation({ mutationFn: (b: { body: string; programId?: string; prompt?: string }) => api<JournalEntry>('/api/journal', { method: 'POST', body: b }), onSuccess: refresh }),
    share: useMutation({ mutationFn: ({ id, personId }: { id: string; personId: string }) => api<JournalEntry>(shareUrl(id, personId), { method: 'PUT' }), onSuccess: refresh }),
    revoke: useMutation({ mutationFn: ({ id, personId }: { id: string; personId: string }) => api<JournalEntry>(shareUrl(id, personId), { method: 'DELETE' }), onSuccess: refresh }),
  };
}
