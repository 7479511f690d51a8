import type { ResourceType } from '../../../../../contracts/index.ts';

/** Display names of resource types. */
export const TYPE_LABEL: Record<ResourceType, string> = {
  article: 'Article',
  video: 'Video',
  podcast: 'Podcast',
  webinar: 'Webinar',
  course: 'Course',
  book: 'Book',
  other: 'Other',
};

const PATHS: Record<ResourceType, string> = {
  article: 'M14 3H6a1 1 0 0 0-1 1v16a1 1 0 0 0 1 1h12a1 1 0 0 0 1-1V8zM14 3v5h5M9 13h6M9 17h6M9 9h1',
  video: 'M4 6h11a1 1 0 0 1 1 1v10a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1zM16 10l5-3v10l-5-3',
  podcast: 'M12 3a3 3 0 0 0-3 3v5a3 3 0 0 0 6 0V6a3 3 0 0 0-3-3zM19 11a7 7 0 0 1-14 0M12 18v3M9 21h6',
  webinar: 'M3 5h18v11H3zM8 21h8M12 16v5M10 9l4 2.5-4 2.5z',
  course: 'M2 9l10-5 10 5-10 5zM6 11v5c3 2.5 9 2.5 12 0v-5M22 9v6',
  book: 'M3 5a2 2 0 0 1 2-1h5a2 2 0 0 1 2 2v14a2 2 0 0 0-2-2H3zM21 5a2 2 0 0 0-2-1h-5a2 2 0 0 0-2 2v14a2 2 0 0 1 2-2h7z',
  other: 'M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1',
};

/** The icon of a resource type in a tinted circle; decorative (the type is also written next to it). */
export function ResourceTypeIcon({ type, size = 20 }: { type: ResourceType; size?: number }) {
  return (
    <span className={`resource-type-icon resource-type-${type}`} aria-hidden="true">
      <svg width={size} height={size} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" focusable="false">
        <path d={PATHS[type]} />
      </svg>
    </span>
  );
}

/** "12 min" or "1 h 30 min". */
export function formatDuration(minutes: number | null): string | null {
  if (!minutes) return null;
  if (minutes < 60) return `${minutes} min`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m ? `${h} h ${m} min` : `${h} h`;
}
