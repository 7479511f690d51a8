import { useSyncExternalStore } from 'react';
import { presenceStore } from './presence-store.ts';

/** The ids of everyone in the organization online right now; re-renders on every presence change. */
export function useOnlineIds(): ReadonlySet<string> {
  return useSyncExternalStore(presenceStore.subscribe, presenceStore.getSnapshot, presenceStore.getSnapshot);
}
