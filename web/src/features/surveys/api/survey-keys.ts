/** Query keys of the surveys feature. */
export const surveyKeys = {
  all: ['surveys'] as const,
  list: (list: 'for-me' | 'managed') => ['surveys', 'list', list] as const,
  detail: (id: string) => ['surveys', 'detail', id] as const,
  results: (id: string, params: Record<string, string>) => ['surveys', 'results', id, params] as const,
  feedback: (params: Record<string, string>) => ['surveys', 'feedback', params] as const,
};
