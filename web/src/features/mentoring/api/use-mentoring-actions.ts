import { useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  CheckIn,
  CloseRelationshipRequest,
  CreateCheckInRequest,
  CreateExpertQuestionRequest,
  CreateGoalRequest,
  CreateMatchRunRequest,
  CreateMeetingRequest,
  CreateMentorRequestRequest,
  ExpertQuestion,
  MatchRun,
  MatchRunEdit,
  MentoringProfileResponse,
  MentorRequest,
  RelationshipDetail,
  RelationshipGoal,
  RelationshipMeeting,
  RelationshipNote,
  UpdateGoalRequest,
  UpdateMentoringProfileRequest,
} from '../../../../../contracts/index.ts';
import { api } from '../../../lib/api-client.ts';
import { mentoringKeys } from './mentoring-keys.ts';

const enc = encodeURIComponent;

/** Saves my profiles; suggestions and requests depend on them, so they are refetched. */
export function useSaveProfile() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateMentoringProfileRequest) => api<MentoringProfileResponse>('/api/mentoring/profile', { method: 'PUT', body }),
    onSuccess: (p) => {
      qc.setQueryData(mentoringKeys.profile, p);
      void qc.invalidateQueries({ queryKey: mentoringKeys.suggestions });
    },
  });
}

/** Asking a mentor, answering a request and withdrawing one. */
export function useRequestActions() {
  const qc = useQueryClient();
  const settle = () => {
    void qc.invalidateQueries({ queryKey: mentoringKeys.requests });
    void qc.invalidateQueries({ queryKey: mentoringKeys.suggestions });
    void qc.invalidateQueries({ queryKey: mentoringKeys.relationships('mine') });
  };
  return {
    create: useMutation({ mutationFn: (body: CreateMentorRequestRequest) => api<MentorRequest>('/api/mentoring/requests', { method: 'POST', body }), onSettled: settle }),
    respond: useMutation({
      mutationFn: ({ id, answer, message }: { id: string; answer: 'accept' | 'decline'; message?: string }) =>
        api<MentorRequest>(`/api/mentoring/requests/${enc(id)}/${answer}`, { method: 'POST', body: message ? { message } : {} }),
      onSettled: settle,
    }),
    withdraw: useMutation({ mutationFn: (id: string) => api<MentorRequest>(`/api/mentoring/requests/${enc(id)}/withdraw`, { method: 'POST' }), onSettled: settle }),
  };
}

/** Goals, meetings, notes, check-ins and closing of one relationship. */
export function useRelationshipActions(id: string) {
  const qc = useQueryClient();
  const base = `/api/mentoring/relationships/${enc(id)}`;
  const key = mentoringKeys.relationship(id);
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: key, exact: true });
    void qc.invalidateQueries({ queryKey: ['mentoring', 'relationships'] });
  };
  const patchGoal = (goal: RelationshipGoal) =>
    qc.setQueryData<RelationshipDetail>(key, (d) => (d ? { ...d, goals: d.goals.map((g) => (g.id === goal.id ? goal : g)) } : d));
  return {
    addGoal: useMutation({ mutationFn: (body: CreateGoalRequest) => api<RelationshipGoal>(`${base}/goals`, { method: 'POST', body }), onSettled: refresh }),
    updateGoal: useMutation({
      mutationFn: ({ goalId, ...body }: UpdateGoalRequest & { goalId: string }) => api<RelationshipGoal>(`${base}/goals/${enc(goalId)}`, { method: 'PATCH', body }),
      onSuccess: (g) => {
        patchGoal(g);
        void qc.invalidateQueries({ queryKey: ['mentoring', 'relationships'] });
      },
      onError: refresh,
    }),
    addMeeting: useMutation({ mutationFn: (body: CreateMeetingRequest) => api<RelationshipMeeting>(`${base}/meetings`, { method: 'POST', body }), onSettled: refresh }),
    addNote: useMutation({
      mutationFn: (body: string) => api<RelationshipNote>(`${base}/notes`, { method: 'POST', body: { body } }),
      onSettled: () => void qc.invalidateQueries({ queryKey: mentoringKeys.notes(id) }),
    }),
    deleteNote: useMutation({
      mutationFn: (noteId: string) => api<void>(`${base}/notes/${enc(noteId)}`, { method: 'DELETE' }),
      onSettled: () => void qc.invalidateQueries({ queryKey: mentoringKeys.notes(id) }),
    }),
    checkIn: useMutation({
      mutationFn: (body: CreateCheckInRequest) => api<CheckIn>(`${base}/check-ins`, { method: 'POST', body }),
      onSettled: () => {
        void qc.invalidateQueries({ queryKey: mentoringKeys.checkIns(id) });
        refresh();
      },
    }),
    close: useMutation({ mutationFn: (body: CloseRelationshipRequest) => api<unknown>(`${base}/close`, { method: 'POST', body }), onSettled: refresh }),
  };
}

/** Running, editing and publishing program matching (admins and facilitators). */
export function useRunActions() {
  const qc = useQueryClient();
  const put = (run: MatchRun) => {
    qc.setQueryData(mentoringKeys.run(run.id), run);
    void qc.invalidateQueries({ queryKey: mentoringKeys.runs });
  };
  return {
    create: useMutation({ mutationFn: (body: CreateMatchRunRequest) => api<MatchRun>('/api/mentoring/match-runs', { method: 'POST', body }), onSuccess: put }),
    edit: useMutation({
      mutationFn: ({ runId, edits }: { runId: string; edits: MatchRunEdit[] }) => api<MatchRun>(`/api/mentoring/match-runs/${enc(runId)}`, { method: 'PATCH', body: { edits } }),
      onSuccess: put,
    }),
    publish: useMutation({
      mutationFn: (runId: string) => api<MatchRun>(`/api/mentoring/match-runs/${enc(runId)}/publish`, { method: 'POST' }),
      onSuccess: (run) => {
        put(run);
        void qc.invalidateQueries({ queryKey: ['mentoring', 'relationships'] });
      },
    }),
  };
}

/** Asking, answering and declining expert questions. */
export function useExpertActions() {
  const qc = useQueryClient();
  const settle = () => void qc.invalidateQueries({ queryKey: mentoringKeys.experts });
  return {
    ask: useMutation({ mutationFn: (body: CreateExpertQuestionRequest) => api<ExpertQuestion>('/api/mentoring/expert-questions', { method: 'POST', body }), onSettled: settle }),
    answer: useMutation({
      mutationFn: ({ id, answer }: { id: string; answer: string }) => api<ExpertQuestion>(`/api/mentoring/expert-questions/${enc(id)}/answer`, { method: 'POST', body: { answer } }),
      onSettled: settle,
    }),
    decline: useMutation({ mutationFn: (id: string) => api<ExpertQuestion>(`/api/mentoring/expert-questions/${enc(id)}/decline`, { method: 'POST' }), onSettled: settle }),
    /** Opening a question routed to me tells the asker I have seen it. */
    markSeen: useMutation({ mutationFn: (id: string) => api<ExpertQuestion>(`/api/mentoring/expert-questions/${enc(id)}`), onSuccess: settle }),
  };
}
