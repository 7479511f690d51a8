import type { CommunitySummary } from '../../../../../contracts/index.ts';
import { CommunityCard } from './community-card.tsx';
import { CommunityCardSkeleton } from './community-card-skeleton.tsx';

/** A responsive grid of community cards, or placeholders while loading. */
export function CommunityGrid({ items, label, loading, skeletons = 3, stale }: { items: CommunitySummary[]; label: string; loading?: boolean; skeletons?: number; stale?: boolean }) {
  if (loading)
    return (
      <ul className="community-grid" aria-label={`Loading ${label.toLowerCase()}`} aria-busy="true">
        {Array.from({ length: skeletons }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: static placeholders
          <li key={i}>
            <CommunityCardSkeleton />
          </li>
        ))}
      </ul>
    );
  return (
    <ul className="community-grid" aria-label={label} data-stale={stale || undefined}>
      {items.map((c) => (
        <li key={c.id}>
          <CommunityCard community={c} />
        </li>
      ))}
    </ul>
  );
}
