import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import type { LiveMessage, LiveMessageList } from '../../../../../contracts/index.ts';
import { api } from '../../../lib/api-client.ts';
import { ApiError } from '../../../lib/api-error.ts';
import { toQueryString } from '../../../lib/query-string.ts';
import { useChannel } from '../../../lib/use-channel.ts';
import { liveKeys } from './live-keys.ts';

/** A message the viewer sent that the server has not confirmed yet (or refused). */
export type PendingMessage = { clientId: string; body: string; error: string | null };

/** A uuid for a new message; retries reuse it so the server never stores a message twice. */
export function newClientId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Merges messages by id (a message seen twice is kept once), oldest first. */
function merge(a: LiveMessage[], b: LiveMessage[]): LiveMessage[] {
  const byId = new Map(a.map((m) => [m.id, m]));
  for (const m of b) byId.set(m.id, m);
  return [...byId.values()].sort((x, y) => x.createdAt.localeCompare(y.createdAt) || x.id.localeCompare(y.id));
}

/**
 * The plenary chat (groupId null) or a group's chat. Loads the latest messages, then on every `chat` change of the
 * channel (and after a reconnect) asks only for messages after the last one it has; ids dedupe. Sending shows the
 * message at once as pending, and a failed send can be retried with the same client id.
 */
export function useLiveChat(sessionId: string, groupId: string | null, channel: string | null) {
  const qc = useQueryClient();
  const key = liveKeys.messages(sessionId, groupId);
  const path = `/api/live-sessions/${encodeURIComponent(sessionId)}/messages`;
  const query = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => api<LiveMessageList>(`${path}${toQueryString({ groupId: groupId ?? undefined })}`, { signal }).then((l) => l.items),
    enabled: !!channel,
  });
  const [pending, setPending] = useState<PendingMessage[]>([]);
  const catchingUp = useRef(false);

  const catchUp = useCallback(async () => {
    const have = qc.getQueryData<LiveMessage[]>(key);
    if (!have || catchingUp.current) {
      if (!have) void qc.invalidateQueries({ queryKey: key });
      return;
    }
    catchingUp.current = true;
    try {
      let after = have.at(-1)?.id;
      // Page through everything missed (a long disconnection can miss more than one page).
      for (let i = 0; i < 10; i++) {
        const page = await api<LiveMessageList>(`${path}${toQueryString({ groupId: groupId ?? undefined, after, limit: 200 })}`);
        qc.setQueryData<LiveMessage[]>(key, (old) => merge(old ?? [], page.items));
        if (page.items.length < 200) break;
        after = page.items.at(-1)?.id;
      }
    } catch {
      void qc.invalidateQueries({ queryKey: key });
    } finally {
      catchingUp.current = false;
    }
  }, [qc, key, path, groupId]);

  useChannel(channel, (e) => {
    if (e.type === 'resynced' || e.what === 'chat') void catchUp();
  });

  const post = useCallback(
    async (body: string, clientId = newClientId()) => {
      setPending((p) => [...p.filter((x) => x.clientId !== clientId), { clientId, body, error: null }]);
      try {
        const m = await api<LiveMessage>(path, { method: 'POST', body: { groupId, body, clientId } });
        qc.setQueryData<LiveMessage[]>(key, (old) => merge(old ?? [], [m]));
        setPending((p) => p.filter((x) => x.clientId !== clientId));
      } catch (err) {
        const error = err instanceof ApiError ? err.detail : 'Could not send. Check your connection and try again.';
        setPending((p) => p.map((x) => (x.clientId === clientId ? { ...x, error } : x)));
      }
    },
    [qc, key, path, groupId],
  );
  const discard = (clientId: string) => setPending((p) => p.filter((x) => x.clientId !== clientId));

  return { messages: query.data ?? [], query, pending, post, discard };
}
