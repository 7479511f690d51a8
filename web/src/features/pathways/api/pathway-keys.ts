/** Query keys of the pathways domain, so invalidation stays consistent. */
export const pathwayKeys = {
  all: ['pathways'] as const,
  lists: ['pathways', 'list'] as const,
  list: (filter: string, communityId: string | null, limit: number) => ['pathways', 'list', filter, communityId ?? '', limit] as const,
  detail: (id: string) => ['pathways', 'detail', id] as const,
  progress: (id: string) => ['pathways', 'progress', id] as const,
  /** Mutation key of ticking steps, so live refetches wait while a tick is on its way. */
  marking: (id: string) => ['pathways', 'mark', id] as const,
};
