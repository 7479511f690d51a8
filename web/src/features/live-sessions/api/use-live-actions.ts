import { useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  Agenda,
  CreateLiveSessionRequest,
  DebriefConsent,
  KeepPair,
  LiveSession,
  LiveState,
  PlaceParticipantRequest,
  SegmentInput,
  UpdateLiveSessionRequest,
  VoteRequest,
} from '../../../../../contracts/index.ts';
import { api } from '../../../lib/api-client.ts';
import { liveKeys } from './live-keys.ts';

const base = (id: string) => `/api/live-sessions/${encodeURIComponent(id)}`;

/** Creates a session from a template; it is cached so its plan opens at once. */
export function useCreateLiveSession() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateLiveSessionRequest) => api<LiveSession>('/api/live-sessions', { method: 'POST', body }),
    onSuccess: (s) => {
      qc.setQueryData(liveKeys.detail(s.id), s);
      void qc.invalidateQueries({ queryKey: liveKeys.lists });
    },
  });
}

/** Details and agenda edits (facilitators). */
export function usePlanActions(id: string) {
  const qc = useQueryClient();
  return {
    update: useMutation({
      mutationFn: (body: UpdateLiveSessionRequest) => api<LiveSession>(base(id), { method: 'PATCH', body }),
      onSuccess: (s) => {
        qc.setQueryData(liveKeys.detail(id), s);
        void qc.invalidateQueries({ queryKey: liveKeys.lists });
      },
    }),
    saveAgenda: useMutation({
      mutationFn: (segments: SegmentInput[]) => api<Agenda>(`${base(id)}/segments`, { method: 'PUT', body: { segments } }),
      onSuccess: (agenda) => {
        qc.setQueryData<LiveSession>(liveKeys.detail(id), (old) => (old ? { ...old, segments: agenda.segments, version: agenda.version } : old));
        void qc.invalidateQueries({ queryKey: liveKeys.detail(id) });
        void qc.invalidateQueries({ queryKey: liveKeys.state(id) });
      },
    }),
  };
}

/** One run action (POST answering the facilitator's fresh state). */
function useRun<B>(id: string, path: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: B) => api<LiveState>(`${base(id)}/${path}`, { method: 'POST', body }),
    onSuccess: (s) => {
      qc.setQueryData(liveKeys.state(id), s);
      qc.setQueryData(liveKeys.detail(id), s.session);
      void qc.invalidateQueries({ queryKey: liveKeys.lists });
    },
    // Refused (e.g. another facilitator advanced first): show the truth.
    onError: () => void qc.invalidateQueries({ queryKey: liveKeys.state(id) }),
  });
}

/**
 * Running a session. Every answer is the facilitator's fresh state, so the console updates without waiting for the
 * realtime echo; a refused action refetches the truth.
 */
export function useRunActions(id: string) {
  return {
    start: useRun<void>(id, 'start'),
    advance: useRun<{ fromSegmentId: string | null }>(id, 'advance'),
    extend: useRun<{ minutes: number }>(id, 'extend'),
    broadcast: useRun<{ text: string }>(id, 'broadcast'),
    recall: useRun<void>(id, 'recall'),
    end: useRun<void>(id, 'end'),
    place: useRun<PlaceParticipantRequest>(id, 'placements'),
  };
}

/** Joining and leaving as a participant. */
export function useParticipation(id: string) {
  const qc = useQueryClient();
  return {
    join: useMutation({
      mutationFn: () => api<LiveState>(`${base(id)}/join`, { method: 'POST' }),
      onSuccess: (s) => {
        qc.setQueryData(liveKeys.state(id), s);
        void qc.invalidateQueries({ queryKey: liveKeys.lists });
      },
      onError: () => void qc.invalidateQueries({ queryKey: liveKeys.state(id) }),
    }),
    leave: useMutation({
      mutationFn: () => api<void>(`${base(id)}/leave`, { method: 'POST' }),
      onSettled: () => {
        void qc.invalidateQueries({ queryKey: liveKeys.state(id) });
        void qc.invalidateQueries({ queryKey: liveKeys.lists });
      },
    }),
  };
}

/** Votes, debrief consent and the keep-partner-chat choice; each refreshes the state. */
export function useParticipantActions(id: string) {
  const qc = useQueryClient();
  const refresh = () => void qc.invalidateQueries({ queryKey: liveKeys.state(id) });
  return {
    vote: useMutation({
      mutationFn: ({ segmentId, ...body }: VoteRequest & { segmentId: string }) => api<unknown>(`${base(id)}/segments/${encodeURIComponent(segmentId)}/votes`, { method: 'POST', body }),
      onSettled: refresh,
    }),
    consent: useMutation({
      mutationFn: ({ groupId, share }: { groupId: string; share: boolean }) =>
        api<DebriefConsent>(`${base(id)}/groups/${encodeURIComponent(groupId)}/debrief-consent`, { method: 'PUT', body: { share } }),
      onSuccess: (c) =>
        qc.setQueryData<LiveState>(liveKeys.state(id), (old) =>
          old?.myGroup?.id === c.groupId ? { ...old, myGroup: { ...old.myGroup, debrief: { mine: c.mine, consented: c.consented, members: c.members, shared: c.shared } } } : old,
        ),
      onSettled: () => {
        refresh();
        void qc.invalidateQueries({ queryKey: liveKeys.debriefs(id) });
      },
    }),
    keep: useMutation({
      mutationFn: ({ groupId, keep }: { groupId: string; keep: boolean }) => api<KeepPair>(`${base(id)}/groups/${encodeURIComponent(groupId)}/keep`, { method: 'PUT', body: { keep } }),
      // The checkbox follows the click at once; the answer settles it (a refusal refetches the truth).
      // A refetch already in flight would answer with the old choice, so it is cancelled first.
      onMutate: async ({ groupId, keep }) => {
        await qc.cancelQueries({ queryKey: liveKeys.state(id) });
        qc.setQueryData<LiveState>(liveKeys.state(id), (old) =>
          old?.myGroup?.id === groupId && old.myGroup.keep ? { ...old, myGroup: { ...old.myGroup, keep: { ...old.myGroup.keep, mine: keep } } } : old,
        );
      },
      onSuccess: (k) =>
        qc.setQueryData<LiveState>(liveKeys.state(id), (old) => (old?.myGroup?.id === k.groupId ? { ...old, myGroup: { ...old.myGroup, keep: { mine: k.mine, all: k.all } } } : old)),
      onSettled: refresh,
    }),
  };
}
