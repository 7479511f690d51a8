import { useState } from 'react';
import { useIsOnline } from '../../lib/use-is-online.ts';

type Size = 'xs' | 'sm' | 'md' | 'lg';

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const first = parts[0]?.[0] ?? '?';
  const last = parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '';
  return (first + last).toUpperCase();
}

function tone(seed: string): number {
  let h = 0;
  for (let i = 0; i < seed.length; i++) h = (h * 31 + seed.charCodeAt(i)) >>> 0;
  return h % 5;
}

/**
 * A person's picture or initials on a warm tone derived from their id. With `showPresence`
 * a dot in the corner turns green while they are online (live, from the realtime store).
 */
export function Avatar({
  personId,
  name,
  src,
  size = 'md',
  showPresence = false,
}: {
  personId: string;
  name: string;
  src?: string | null;
  size?: Size;
  showPresence?: boolean;
}) {
  const online = useIsOnline(personId);
  // A picture that cannot load (gone, or from a host the page's CSP does not allow) gives way to the initials.
  const [failed, setFailed] = useState<string | null>(null);
  const showPicture = src && failed !== src;
  return (
    <span className={`avatar avatar-${size} avatar-tone-${tone(personId)}`} aria-hidden={showPresence ? undefined : true}>
      {/* The initials are drawn by CSS: they picture the person like a photo would, so they are not text that a link
          wrapping the avatar would be expected to carry in its name (WCAG 2.5.3). */}
      {showPicture ? <img src={src} alt="" loading="lazy" onError={() => setFailed(src)} /> : <span className="avatar-initials" data-initials={initials(name)} aria-hidden="true" />}
      {showPresence ? (
        <span
          className="presence-dot"
          data-presence={online ? 'online' : 'offline'}
          data-testid="presence-dot"
          role="img"
          aria-label={online ? `${name} is online` : `${name} is offline`}
        />
      ) : null}
    </span>
  );
}
