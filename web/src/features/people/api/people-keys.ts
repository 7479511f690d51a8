/** Query keys of the people domain, so invalidation stays consistent. */
export const peopleKeys = {
  all: ['people'] as const,
  list: (filters: Record<string, string>) => ['people', 'list', filters] as const,
  facets: ['people', 'facets'] as const,
  detail: (id: string) => ['people', 'detail', id] as const,
  search: (q: string) => ['people', 'search', q] as const,
};
