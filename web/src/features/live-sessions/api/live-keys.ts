/** Query keys of live sessions, so invalidation stays consistent. */
export const liveKeys = {
  all: ['live'] as const,
  lists: ['live', 'list'] as const,
  list: (filter: string) => ['live', 'list', filter] as const,
  detail: (id: string) => ['live', 'detail', id] as const,
  state: (id: string) => ['live', 'state', id] as const,
  messages: (id: string, groupId: string | null) => ['live', 'messages', id, groupId ?? 'plenary'] as const,
  notes: (id: string, groupId: string) => ['live', 'notes', id, groupId] as const,
  debriefs: (id: string) => ['live', 'debriefs', id] as const,
  analytics: (id: string) => ['live', 'analytics', id] as const,
  myAnalytics: (id: string) => ['live', 'analytics-me', id] as const,
  myTalkTime: ['live', 'talk-time'] as const,
};
