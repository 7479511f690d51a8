import { useIsOnline } from '../../lib/use-is-online.ts';

/** "Online now" / "Offline" in words, updated live; complements the coloured dot. */
export function PresenceLabel({ personId }: { personId: string }) {
  const online = useIsOnline(personId);
  return (
    <span className="presence-label" data-presence={online ? 'online' : 'offline'} aria-live="polite">
      {online ? 'Online now' : 'Offline'}
    </span>
  );
}
