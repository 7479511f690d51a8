import { useSyncExternalStore } from 'react';
import { presenceStore } from './presence-store.ts';

/** Whether one person is online now; re-renders only when that person's state flips. */
export function useIsOnline(personId: string): boolean {
  const get = () => presenceStore.getSnapshot().has(personId);
  return useSyncExternalStore(presenceStore.subscribe, get, get);
}
