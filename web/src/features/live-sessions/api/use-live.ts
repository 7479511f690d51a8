import { useQuery } from '@tanstack/react-query';
import type { AnalyticsRow, DebriefList, GroupNotes, IceServers, LiveSession, LiveSessionList, LiveState, MyTalkTime, SessionAnalytics } from '../../../../../contracts/index.ts';
import { api } from '../../../lib/api-client.ts';
import { toQueryString } from '../../../lib/query-string.ts';
import { liveKeys } from './live-keys.ts';

const enc = encodeURIComponent;

/** Sessions the viewer can join or facilitate: live first, then upcoming, then ended (optionally one program's). */
export function useLiveSessions(programId?: string) {
  return useQuery({
    queryKey: liveKeys.list(programId ?? 'all'),
    queryFn: ({ signal }) => api<LiveSessionList>(`/api/live-sessions${toQueryString({ programId })}`, { signal }),
  });
}

/** One session with its agenda, run state and abilities. */
export function useLiveSession(id: string) {
  return useQuery({
    queryKey: liveKeys.detail(id),
    queryFn: ({ signal }) => api<LiveSession>(`/api/live-sessions/${enc(id)}`, { signal }),
  });
}

/** Everything the participant view and console show; refetched on every `changed` of the session channel. */
export function useLiveState(id: string, opts: { console?: boolean } = {}) {
  return useQuery({
    queryKey: liveKeys.state(id),
    queryFn: ({ signal }) => api<LiveState>(`/api/live-sessions/${enc(id)}/state`, { signal }),
    // Always fresh when a screen opens: moving from the session page to the console must not show the head-count
    // cached before joins that only the console channel announces.
    staleTime: 0,
    // The timer is computed locally; a slow poll covers a socket that died silently. During breakouts the console
    // also polls every 5 s, so group activity counts stay fresh even if a live-console message is missed.
    refetchInterval: (q) => {
      const seg = q.state.data?.segment;
      return opts.console && seg && (seg.kind === 'icebreaker' || seg.kind === 'groups' || seg.kind === 'pairs') ? 5_000 : 60_000;
    },
  });
}

/** A group's shared notes (members only). */
export function useGroupNotes(id: string, groupId: string | null) {
  return useQuery({
    queryKey: liveKeys.notes(id, groupId ?? ''),
    queryFn: ({ signal }) => api<GroupNotes>(`/api/live-sessions/${enc(id)}/groups/${enc(groupId ?? '')}/notes`, { signal }),
    enabled: !!groupId,
  });
}

/** Notes that groups agreed, unanimously, to share in the debrief. */
export function useDebriefs(id: string, enabled: boolean) {
  return useQuery({
    queryKey: liveKeys.debriefs(id),
    queryFn: ({ signal }) => api<DebriefList>(`/api/live-sessions/${enc(id)}/debriefs`, { signal }),
    enabled,
  });
}

/** Talk-time analytics of a session (facilitators). */
export function useSessionAnalytics(id: string, enabled: boolean) {
  return useQuery({
    queryKey: liveKeys.analytics(id),
    queryFn: ({ signal }) => api<SessionAnalytics>(`/api/live-sessions/${enc(id)}/analytics`, { signal }),
    enabled,
  });
}

/** The viewer's own row of a session's analytics. */
export function useMySessionAnalytics(id: string, enabled: boolean) {
  return useQuery({
    queryKey: liveKeys.myAnalytics(id),
    queryFn: ({ signal }) => api<AnalyticsRow>(`/api/live-sessions/${enc(id)}/analytics/me`, { signal }),
    enabled,
    retry: false,
  });
}

/** The viewer's figures across every session they joined. */
export function useMyTalkTime() {
  return useQuery({
    queryKey: liveKeys.myTalkTime,
    queryFn: ({ signal }) => api<MyTalkTime>('/api/live-sessions/me/talk-time', { signal }),
  });
}

/** The STUN/TURN servers breakout calls use (server setting LIVE_ICE_SERVERS); they do not change while the app runs. */
export function useIceServers(enabled: boolean) {
  return useQuery({
    queryKey: ['live', 'ice-servers'] as const,
    queryFn: ({ signal }) => api<IceServers>('/api/live-sessions/ice-servers', { signal }),
    enabled,
    staleTime: Number.POSITIVE_INFINITY,
  });
}
