/** Query keys of the communities domain, so invalidation stays consistent. */
export const communityKeys = {
  all: ['communities'] as const,
  list: (filters: Record<string, string>) => ['communities', 'list', filters] as const,
  recommended: ['communities', 'recommended'] as const,
  /** One community by id or slug (the page loads it by slug). */
  detail: (ref: string) => ['communities', 'detail', ref] as const,
  members: (id: string, status: string) => ['communities', 'members', id, status] as const,
  settings: ['communities', 'settings'] as const,
};
