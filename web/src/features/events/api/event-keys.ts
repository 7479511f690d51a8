/** Query keys of the events domain, so invalidation stays consistent. */
export const eventKeys = {
  all: ['events'] as const,
  calendars: ['events', 'calendar'] as const,
  calendar: (params: Record<string, string>) => ['events', 'calendar', params] as const,
  detail: (id: string) => ['events', 'detail', id] as const,
  questions: (id: string) => ['events', 'questions', id] as const,
  attendees: (id: string) => ['events', 'attendees', id] as const,
};
