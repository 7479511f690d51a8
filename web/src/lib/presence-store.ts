type Listener = () => void;

let online: ReadonlySet<string> = new Set();
const listeners = new Set<Listener>();

function publish(next: ReadonlySet<string>) {
  online = next;
  for (const l of listeners) l();
}

/**
 * Who is online now, fed by the realtime socket. Each change swaps in a new Set, so
 * useSyncExternalStore snapshots compare by identity.
 */
export const presenceStore = {
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  getSnapshot: (): ReadonlySet<string> => online,
  replace(ids: Iterable<string>) {
    publish(new Set(ids));
  },
  set(personId: string, isOnline: boolean) {
    if (online.has(personId) === isOnline) return;
    const next = new Set(online);
    if (isOnline) next.add(personId);
    else next.delete(personId);
    publish(next);
  },
  clear() {
    if (online.size) publish(new Set());
  },
};
