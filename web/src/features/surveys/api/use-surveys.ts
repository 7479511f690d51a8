import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AnswerSurveyRequest, CreateSurveyRequest, FeedbackResponse, SurveyDetail, SurveyList, SurveyResults } from '../../../../../contracts/index.ts';
import { api } from '../../../lib/api-client.ts';
import { toQueryString } from '../../../lib/query-string.ts';
import { surveyKeys } from './survey-keys.ts';

/** Surveys waiting for my answer, or the ones I run. */
export function useSurveyList(list: 'for-me' | 'managed', enabled = true) {
  return useQuery({ queryKey: surveyKeys.list(list), queryFn: ({ signal }) => api<SurveyList>(`/api/surveys?list=${list}`, { signal }), enabled });
}

/** One survey with its questions. */
export function useSurvey(id: string) {
  return useQuery({ queryKey: surveyKeys.detail(id), queryFn: ({ signal }) => api<SurveyDetail>(`/api/surveys/${encodeURIComponent(id)}`, { signal }) });
}

/** A survey's results (optionally broken down or filtered by department). */
export function useSurveyResults(id: string, params: Record<string, string>) {
  return useQuery({
    queryKey: surveyKeys.results(id, params),
    queryFn: ({ signal }) => api<SurveyResults>(`/api/surveys/${encodeURIComponent(id)}/results${toQueryString(params)}`, { signal }),
  });
}

/** The automatic feedback of an event or live session (null results when none, or not mine to read). */
export function useFeedback(params: { eventId: string } | { liveSessionId: string }, enabled = true) {
  const p = params as Record<string, string>;
  return useQuery({ queryKey: surveyKeys.feedback(p), queryFn: ({ signal }) => api<FeedbackResponse>(`/api/surveys/feedback${toQueryString(p)}`, { signal }), enabled });
}

/** Creates a draft survey. */
export function useCreateSurvey() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateSurveyRequest) => api<SurveyDetail>('/api/surveys', { method: 'POST', body }),
    onSuccess: (s) => {
      qc.setQueryData(surveyKeys.detail(s.id), s);
      void qc.invalidateQueries({ queryKey: surveyKeys.all });
    },
  });
}

/** Opens or closes a survey. */
export function useSurveyAction(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (action: 'open' | 'close') => api<SurveyDetail>(`/api/surveys/${encodeURIComponent(id)}/${action}`, { method: 'POST' }),
    onSuccess: (s) => {
      qc.setQueryData(surveyKeys.detail(id), s);
      void qc.invalidateQueries({ queryKey: surveyKeys.all });
    },
  });
}

/** Sends my answers (once). */
export function useAnswerSurvey(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: AnswerSurveyRequest) => api<{ recorded: true }>(`/api/surveys/${encodeURIComponent(id)}/responses`, { method: 'POST', body }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: surveyKeys.all }),
  });
}
