import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateEventRequest, EventDetail, EventQuestion, EventQuestions, JoinEventResponse, RsvpRequest, UpdateEventRequest } from '../../../../../contracts/index.ts';
import { api } from '../../../lib/api-client.ts';
import { eventKeys } from './event-keys.ts';

const isDetail = (v: unknown): v is EventDetail => !!v && typeof v === 'object' && 'abilities' in v && 'startsAt' in v && 'descriptionHtml' in v;

/** Most upvoted first, then oldest first (the server's order, kept while an upvote is on its way). */
export function sortQuestions(items: EventQuestion[]): EventQuestion[] {
  return [...items].sort((a, b) => b.upvotes - a.upvotes || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

/** Creates an event; it is cached so its page opens at once. */
export function useCreateEvent() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateEventRequest) => api<EventDetail>('/api/events', { method: 'POST', body }),
    onSuccess: (e) => {
      qc.setQueryData(eventKeys.detail(e.id), e);
      void qc.invalidateQueries({ queryKey: eventKeys.calendars });
    },
  });
}

/** Edits, cancelling, the viewer's RSVP and joining; each answer refreshes the page and the calendars. */
export function useEventActions(id: string) {
  const qc = useQueryClient();
  const settle = (answer: unknown) => {
    if (isDetail(answer)) qc.setQueryData(eventKeys.detail(id), answer);
    void qc.invalidateQueries({ queryKey: eventKeys.detail(id) });
    void qc.invalidateQueries({ queryKey: eventKeys.calendars });
    void qc.invalidateQueries({ queryKey: eventKeys.attendees(id) });
  };
  const path = `/api/events/${encodeURIComponent(id)}`;
  return {
    update: useMutation({ mutationFn: (body: UpdateEventRequest) => api<EventDetail>(path, { method: 'PATCH', body }), onSuccess: settle }),
    cancel: useMutation({ mutationFn: () => api<EventDetail>(`${path}/cancel`, { method: 'POST' }), onSuccess: settle }),
    rsvp: useMutation({
      mutationFn: (status: RsvpRequest['status']) => api<unknown>(`${path}/rsvp`, { method: 'PUT', body: { status } }),
      onSuccess: settle,
      onError: () => void qc.invalidateQueries({ queryKey: eventKeys.detail(id) }),
    }),
    join: useMutation({
      mutationFn: () => api<JoinEventResponse>(`${path}/join`, { method: 'POST' }),
      onSuccess: (j) => {
        qc.setQueryData<EventDetail>(eventKeys.detail(id), (old) => (old?.myRsvp ? { ...old, myRsvp: { ...old.myRsvp, attendedAt: old.myRsvp.attendedAt ?? j.attendedAt } } : old));
        void qc.invalidateQueries({ queryKey: eventKeys.attendees(id) });
      },
    }),
    markAttendance: useMutation({
      mutationFn: (v: { personId: string; attended: boolean }) => api<unknown>(`${path}/attendance/${encodeURIComponent(v.personId)}`, { method: 'PUT', body: { attended: v.attended } }),
      onSettled: () => void qc.invalidateQueries({ queryKey: eventKeys.attendees(id) }),
    }),
  };
}

/** Asking, upvoting (shown at once, rolled back when refused) and moderating questions. */
export function useQuestionActions(id: string) {
  const qc = useQueryClient();
  const key = eventKeys.questions(id);
  const path = `/api/events/${encodeURIComponent(id)}/questions`;
  const refresh = () => void qc.invalidateQueries({ queryKey: key });
  const patch = (qid: string, change: (q: EventQuestion) => EventQuestion) => {
    const before = qc.getQueryData<EventQuestions>(key);
    if (before) qc.setQueryData<EventQuestions>(key, { items: sortQuestions(before.items.map((q) => (q.id === qid ? change(q) : q))) });
    void qc.cancelQueries({ queryKey: key }, { revert: false });
    return before;
  };
  return {
    ask: useMutation({
      mutationFn: (body: string) => api<EventQuestion>(path, { method: 'POST', body: { body } }),
      onSuccess: (q) => {
        qc.setQueryData<EventQuestions>(key, (old) => (old ? { items: sortQuestions([...old.items.filter((x) => x.id !== q.id), q]) } : old));
        refresh();
      },
    }),
    upvote: useMutation({
      mutationFn: (v: { questionId: string; upvoted: boolean }) => api<unknown>(`${path}/${encodeURIComponent(v.questionId)}/upvote`, { method: 'PUT', body: { upvoted: v.upvoted } }),
      onMutate: (v) => ({
        before: patch(v.questionId, (q) => (q.upvotedByMe === v.upvoted ? q : { ...q, upvotedByMe: v.upvoted, upvotes: Math.max(0, q.upvotes + (v.upvoted ? 1 : -1)) })),
      }),
      onError: (_e, _v, ctx) => {
        if (ctx?.before) qc.setQueryData(key, ctx.before);
      },
      onSettled: refresh,
    }),
    moderate: useMutation({
      mutationFn: (v: { questionId: string; answered?: boolean; hidden?: boolean }) =>
        api<unknown>(`${path}/${encodeURIComponent(v.questionId)}`, { method: 'PATCH', body: { ...(v.answered === undefined ? {} : { answered: v.answered }), ...(v.hidden === undefined ? {} : { hidden: v.hidden }) } }),
      onSettled: refresh,
    }),
  };
}
