/** Query keys of the mentoring domain, so invalidation stays consistent. */
export const mentoringKeys = {
  all: ['mentoring'] as const,
  profile: ['mentoring', 'profile'] as const,
  suggestions: ['mentoring', 'suggestions'] as const,
  requests: ['mentoring', 'requests'] as const,
  relationships: (scope: 'mine' | 'program') => ['mentoring', 'relationships', scope] as const,
  relationship: (id: string) => ['mentoring', 'relationship', id] as const,
  notes: (id: string) => ['mentoring', 'relationship', id, 'notes'] as const,
  checkIns: (id: string) => ['mentoring', 'relationship', id, 'check-ins'] as const,
  runs: ['mentoring', 'runs'] as const,
  run: (id: string) => ['mentoring', 'run', id] as const,
  experts: ['mentoring', 'expert-questions'] as const,
  skills: ['mentoring', 'skills'] as const,
};
