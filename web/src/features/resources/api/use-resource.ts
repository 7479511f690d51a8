import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateResourceRequest, Resource, ReviewResourceRequest, UpdateResourceRequest } from '../../../../../contracts/index.ts';
import { api } from '../../../lib/api-client.ts';
import { resourceKeys } from './resource-keys.ts';

/** One resource with its reviews. */
export function useResource(id: string) {
  return useQuery({ queryKey: resourceKeys.detail(id), queryFn: ({ signal }) => api<Resource>(`/api/resources/${id}`, { signal }) });
}

/** Keeps the detail fresh from a mutation's answer and refreshes lists (counts, ratings). */
function useStore() {
  const qc = useQueryClient();
  return (r: Resource) => {
    qc.setQueryData(resourceKeys.detail(r.id), r);
    void qc.invalidateQueries({ queryKey: resourceKeys.lists() });
  };
}

/** Shares a link or an uploaded file. */
export function useShareResource() {
  const store = useStore();
  return useMutation({ mutationFn: (body: CreateResourceRequest) => api<Resource>('/api/resources', { method: 'POST', body }), onSuccess: store });
}

/** Edits a resource. */
export function useUpdateResource(id: string) {
  const store = useStore();
  return useMutation({ mutationFn: (body: UpdateResourceRequest) => api<Resource>(`/api/resources/${id}`, { method: 'PATCH', body }), onSuccess: store });
}

/** Deletes a resource. */
export function useDeleteResource(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>(`/api/resources/${id}`, { method: 'DELETE' }),
    onSuccess: () => {
      qc.removeQueries({ queryKey: resourceKeys.detail(id) });
      void qc.invalidateQueries({ queryKey: resourceKeys.all });
    },
  });
}

/** Sets the person's rating and review. */
export function useReviewResource(id: string) {
  const store = useStore();
  return useMutation({ mutationFn: (body: ReviewResourceRequest) => api<Resource>(`/api/resources/${id}/review`, { method: 'PUT', body }), onSuccess: store });
}

/** Withdraws the person's rating and review. */
export function useWithdrawReview(id: string) {
  const store = useStore();
  return useMutation({ mutationFn: () => api<Resource>(`/api/resources/${id}/review`, { method: 'DELETE' }), onSuccess: store });
}
