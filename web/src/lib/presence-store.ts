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
  /** Applies a batch of arrivals and departures (one new snapshot, and only when something changed). */
  change(cameOnline: readonly string[], wentOffline: readonly string[]) {
    if (cameOnline.every((id) => online.has(id)) && wentOffline.every((id) => !online.has(id))) return;
    const next = new Set(online);
    for (const id of cameOnline) next.add(id);
    for (const id of wentOffline) next.delete(id);
    publish(next);
  },
  clear() {
    if (online.size) publish(new Set());
  },
};
