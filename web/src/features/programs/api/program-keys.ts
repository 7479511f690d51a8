/** Query keys of the programs domain, so invalidation stays consistent. */
export const programKeys = {
  all: ['programs'] as const,
  lists: ['programs', 'list'] as const,
  list: (filter: string, limit: number) => ['programs', 'list', filter, limit] as const,
  detail: (id: string) => ['programs', 'detail', id] as const,
  enrollees: (id: string) => ['programs', 'enrollees', id] as const,
  plans: (id: string) => ['programs', 'plans', id] as const,
  cohortSpace: (communityId: string) => ['programs', 'cohort-space', communityId] as const,
};
