/** Query keys of the resources feature (one place, so mutations invalidate exactly what changed). */
export const resourceKeys = {
  all: ['resources'] as const,
  lists: () => ['resources', 'list'] as const,
  list: (filters: Record<string, string>) => ['resources', 'list', filters] as const,
  detail: (id: string) => ['resources', 'detail', id] as const,
  collections: () => ['resources', 'collections'] as const,
  collectionList: (communityId: string | null) => ['resources', 'collections', 'list', communityId ?? 'org'] as const,
  collection: (id: string) => ['resources', 'collections', 'detail', id] as const,
};
