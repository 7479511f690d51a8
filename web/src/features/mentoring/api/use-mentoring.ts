import { useQueries, useQuery } from '@tanstack/react-query';
import type {
  CheckInList,
  ExpertQuestionList,
  MatchRun,
  MatchRunList,
  MentoringProfileResponse,
  MentorRequestList,
  MentorSuggestionList,
  PeopleFacets,
  Person,
  RelationshipDetail,
  RelationshipList,
  RelationshipNoteList,
} from '../../../../../contracts/index.ts';
import { api } from '../../../lib/api-client.ts';
import { peopleKeys } from '../../people/api/people-keys.ts';
import { mentoringKeys } from './mentoring-keys.ts';

const enc = encodeURIComponent;

/** My mentor and mentee profiles and whether expert questions may reach me. */
export function useMentoringProfile() {
  return useQuery({ queryKey: mentoringKeys.profile, queryFn: ({ signal }) => api<MentoringProfileResponse>('/api/mentoring/profile', { signal }) });
}

/** Mentors suggested to me (limited by their free seats). */
export function useSuggestions(enabled: boolean) {
  return useQuery({ queryKey: mentoringKeys.suggestions, queryFn: ({ signal }) => api<MentorSuggestionList>('/api/mentoring/suggestions', { signal }), enabled });
}

/** Requests I sent and received. */
export function useRequests() {
  return useQuery({ queryKey: mentoringKeys.requests, queryFn: ({ signal }) => api<MentorRequestList>('/api/mentoring/requests', { signal }) });
}

/** My relationships, or the whole organization's for admins and facilitators (scope program). */
export function useRelationships(scope: 'mine' | 'program' = 'mine', enabled = true) {
  return useQuery({
    queryKey: mentoringKeys.relationships(scope),
    queryFn: ({ signal }) => api<RelationshipList>(`/api/mentoring/relationships?scope=${scope}`, { signal }),
    enabled,
  });
}

/** One relationship with goals, meetings, rating trend and closing feedback. */
export function useRelationship(id: string) {
  // Always fresh on opening: the partner may have booked or changed something since the home page loaded it.
  return useQuery({ queryKey: mentoringKeys.relationship(id), queryFn: ({ signal }) => api<RelationshipDetail>(`/api/mentoring/relationships/${enc(id)}`, { signal }), staleTime: 0 });
}

/** Details of several relationships at once (for the next meeting on the home cards). */
export function useRelationshipDetails(ids: string[]) {
  return useQueries({
    queries: ids.map((id) => ({ queryKey: mentoringKeys.relationship(id), queryFn: ({ signal }: { signal: AbortSignal }) => api<RelationshipDetail>(`/api/mentoring/relationships/${enc(id)}`, { signal }) })),
  });
}

/** The pair-private notes (partners only: the query never runs for anyone else). */
export function useNotes(id: string, enabled: boolean) {
  return useQuery({ queryKey: mentoringKeys.notes(id), queryFn: ({ signal }) => api<RelationshipNoteList>(`/api/mentoring/relationships/${enc(id)}/notes`, { signal }), enabled });
}

/** My own check-ins of a relationship. */
export function useCheckIns(id: string, enabled: boolean) {
  return useQuery({ queryKey: mentoringKeys.checkIns(id), queryFn: ({ signal }) => api<CheckInList>(`/api/mentoring/relationships/${enc(id)}/check-ins`, { signal }), enabled });
}

/** The organization's matching runs, newest first (admins and facilitators). */
export function useRuns(enabled: boolean) {
  return useQuery({ queryKey: mentoringKeys.runs, queryFn: ({ signal }) => api<MatchRunList>('/api/mentoring/match-runs', { signal }), enabled });
}

/** One matching run with its preview. */
export function useRun(id: string | null) {
  return useQuery({ queryKey: mentoringKeys.run(id ?? ''), queryFn: ({ signal }) => api<MatchRun>(`/api/mentoring/match-runs/${enc(id ?? '')}`, { signal }), enabled: !!id });
}

/** Expert questions I asked and those routed to me. */
export function useExpertQuestions() {
  return useQuery({ queryKey: mentoringKeys.experts, queryFn: ({ signal }) => api<ExpertQuestionList>('/api/mentoring/expert-questions', { signal }) });
}

/** The organization's most common skills, to suggest names in skill fields. */
export function useKnownSkills() {
  return useQuery({
    queryKey: peopleKeys.facets,
    queryFn: ({ signal }) => api<PeopleFacets>('/api/people/facets', { signal }),
    select: (f) => f.skills.map((s) => s.value),
    staleTime: 5 * 60_000,
  });
}


/** A partner's profile (for their time zone); nothing is requested without an id. */
export function usePartner(id: string | null) {
  return useQuery({ queryKey: peopleKeys.detail(id ?? ''), queryFn: ({ signal }) => api<Person>(`/api/people/${enc(id ?? '')}`, { signal }), enabled: !!id, staleTime: 5 * 60_000 });
}
