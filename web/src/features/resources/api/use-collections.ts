import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Collection, CollectionList, CreateCollectionRequest, UpdateCollectionRequest } from '../../../../../contracts/index.ts';
import { api } from '../../../lib/api-client.ts';
import { toQueryString } from '../../../lib/query-string.ts';
import { resourceKeys } from './resource-keys.ts';

/** Collections of a community, or organization-wide ones (null). */
export function useCollections(communityId: string | null) {
  return useQuery({
    queryKey: resourceKeys.collectionList(communityId),
    queryFn: ({ signal }) => api<CollectionList>(`/api/collections${toQueryString({ communityId })}`, { signal }),
  });
}

/** One collection with the items the person may see. */
export function useCollection(id: string) {
  return useQuery({ queryKey: resourceKeys.collection(id), queryFn: ({ signal }) => api<Collection>(`/api/collections/${id}`, { signal }) });
}

function useStore() {
  const qc = useQueryClient();
  return (c: Collection) => {
    qc.setQueryData(resourceKeys.collection(c.id), c);
    void qc.invalidateQueries({ queryKey: ['resources', 'collections', 'list'] });
  };
}

/** Creates a collection. */
export function useCreateCollection() {
  const store = useStore();
  return useMutation({ mutationFn: (body: CreateCollectionRequest) => api<Collection>('/api/collections', { method: 'POST', body }), onSuccess: store });
}

/** Everything a curator changes in a collection: title, items, notes, order, deletion. */
export function useCollectionEdits(id: string) {
  const store = useStore();
  const qc = useQueryClient();
  const base = `/api/collections/${id}`;
  return {
    update: useMutation({ mutationFn: (body: UpdateCollectionRequest) => api<Collection>(base, { method: 'PATCH', body }), onSuccess: store }),
    putItem: useMutation({
      mutationFn: ({ resourceId, note }: { resourceId: string; note: string }) => api<Collection>(`${base}/items/${resourceId}`, { method: 'PUT', body: { note } }),
      onSuccess: store,
    }),
    removeItem: useMutation({ mutationFn: (resourceId: string) => api<Collection>(`${base}/items/${resourceId}`, { method: 'DELETE' }), onSuccess: store }),
    reorder: useMutation({ mutationFn: (resourceIds: string[]) => api<Collection>(`${base}/order`, { method: 'PUT', body: { resourceIds } }), onSuccess: store }),
    remove: useMutation({
      mutationFn: () => api<void>(base, { method: 'DELETE' }),
      onSuccess: () => {
        qc.removeQueries({ queryKey: resourceKeys.collection(id) });
        void qc.invalidateQueries({ queryKey: ['resources', 'collections', 'list'] });
      },
    }),
  };
}
