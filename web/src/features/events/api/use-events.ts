import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { EventAttendees, EventCalendar, EventDetail, EventQuestions, EventKind } from '../../../../../contracts/index.ts';
import { api } from '../../../lib/api-client.ts';
import { toQueryString } from '../../../lib/query-string.ts';
import { eventKeys } from './event-keys.ts';

/** Which part of the calendar to ask for. */
export type CalendarRange = { from: string; to: string; communityId?: string; mine?: boolean; kind?: EventKind };

/** Events overlapping a range (by start), as the server answers them; the previous range stays shown while the next loads. */
export function useEventCalendar(range: CalendarRange, enabled = true) {
  const params: Record<string, string> = { from: range.from, to: range.to };
  if (range.communityId) params.communityId = range.communityId;
  if (range.mine) params.mine = 'true';
  if (range.kind) params.kind = range.kind;
  return useQuery({
    queryKey: eventKeys.calendar(params),
    queryFn: ({ signal }) => api<EventCalendar>(`/api/events${toQueryString(params)}`, { signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** One event page with the viewer's RSVP and abilities. */
export function useEvent(id: string) {
  return useQuery({
    queryKey: eventKeys.detail(id),
    queryFn: ({ signal }) => api<EventDetail>(`/api/events/${encodeURIComponent(id)}`, { signal }),
  });
}

/** The Q&A, most upvoted first. */
export function useEventQuestions(id: string, enabled = true) {
  return useQuery({
    queryKey: eventKeys.questions(id),
    queryFn: ({ signal }) => api<EventQuestions>(`/api/events/${encodeURIComponent(id)}/questions`, { signal }),
    enabled,
  });
}

/** Going, then the waitlist in order, then not going (hosts and editors). */
export function useEventAttendees(id: string, enabled = true) {
  return useQuery({
    queryKey: eventKeys.attendees(id),
    queryFn: ({ signal }) => api<EventAttendees>(`/api/events/${encodeURIComponent(id)}/attendees`, { signal }),
    enabled,
  });
}
