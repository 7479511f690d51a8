import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { CohortProgram, FindProgramsQuery, PeoplePage, Program, ProgramEnrollees, ProgramPage, ProgramPlans } from '../../../../../contracts/index.ts';
import { api } from '../../../lib/api-client.ts';
import { toQueryString } from '../../../lib/query-string.ts';
import { programKeys } from './program-keys.ts';

/** Which programs a list shows, as the API names them. */
export type ProgramFilter = FindProgramsQuery['filter'];

/** Programs the person can see, newest first, keyset-paged with `fetchNextPage`. */
export function usePrograms(filter: ProgramFilter, limit = 12) {
  return useInfiniteQuery({
    queryKey: programKeys.list(filter, limit),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => api<ProgramPage>(`/api/programs${toQueryString({ filter, limit, cursor: pageParam })}`, { signal }),
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** One program with schedule, settings, the person's enrolment and placement, and abilities. */
export function useProgram(id: string) {
  return useQuery({
    queryKey: programKeys.detail(id),
    queryFn: ({ signal }) => api<Program>(`/api/programs/${encodeURIComponent(id)}`, { signal }),
  });
}

/** Enrolled people, then the waitlist (facilitators). */
export function useEnrollees(id: string, enabled = true) {
  return useQuery({
    queryKey: programKeys.enrollees(id),
    queryFn: ({ signal }) => api<ProgramEnrollees>(`/api/programs/${encodeURIComponent(id)}/enrollments`, { signal }),
    enabled,
  });
}

/** The latest draft and the published plan of each kind (facilitators). */
export function usePlans(id: string, enabled = true) {
  return useQuery({
    queryKey: programKeys.plans(id),
    queryFn: ({ signal }) => api<ProgramPlans>(`/api/programs/${encodeURIComponent(id)}/plans`, { signal }),
    enabled,
  });
}

/** People matching a name, for the add-people picker (empty query = no request). */
export function usePeopleMatches(q: string) {
  return useQuery({
    queryKey: ['programs', 'people-picker', q],
    queryFn: ({ signal }) => api<PeoplePage>(`/api/people${toQueryString({ q, limit: 10 })}`, { signal }),
    enabled: q.trim().length > 0,
    placeholderData: (prev) => prev,
  });
}

/** The program panel of a cohort space: goals, sessions with the person's ticks, and members' progress. */
export function useCohortProgram(communityId: string) {
  return useQuery({
    queryKey: programKeys.cohortSpace(communityId),
    queryFn: ({ signal }) => api<CohortProgram>(`/api/communities/${encodeURIComponent(communityId)}/program`, { signal }),
  });
}
