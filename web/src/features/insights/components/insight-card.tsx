import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ANALYTICS_MIN_GROUP } from '../../../../../contracts/index.ts';
import { Card } from '../../../components/ui/card.tsx';
import { ErrorState } from '../../../components/ui/error-state.tsx';
import { Skeleton } from '../../../components/ui/skeleton.tsx';

const MIN_GROUP = ANALYTICS_MIN_GROUP;
const TEAM_NOTE = `Figures that would cover fewer than ${MIN_GROUP} people of your team are not shown, to keep individuals private.`;

/** A titled section of figures with its loading and error states; a team's withheld figures are said so. */
export function InsightCard<T extends { withheld: boolean; people: number; scope: { kind: string } }>({
  title,
  query,
  withheldNote,
  children,
}: {
  title: string;
  query: UseQueryResult<T>;
  /** What a withheld team figure means here (shown when `withheld` for a team of 5 or more). */
  withheldNote: string;
  children: (data: T) => ReactNode;
}) {
  const id = title.toLowerCase().replace(/\W+/g, '-');
  return (
    <Card title={title} id={`insights-${id}`}>
      {query.isPending ? (
        <div aria-busy="true" aria-label={`Loading ${title.toLowerCase()}`}>
          <Skeleton height={140} />
        </div>
      ) : query.isError ? (
        <ErrorState error={query.error} title={`We couldn't load ${title.toLowerCase()}`} onRetry={() => query.refetch()} />
      ) : (
        <div className="stack" data-stale={query.isPlaceholderData ? 'true' : undefined}>
          {query.data.withheld && query.data.scope.kind === 'team' && (
            <p className="small muted insights-withheld">{query.data.people < MIN_GROUP ? `This team has fewer than ${MIN_GROUP} people, so nothing is shown. ${TEAM_NOTE}` : `${withheldNote} ${TEAM_NOTE}`}</p>
          )}
          {!(query.data.withheld && query.data.scope.kind === 'team' && query.data.people < MIN_GROUP) && children(query.data)}
        </div>
      )}
    </Card>
  );
}

/** Headline numbers as stat tiles. */
export function StatTiles({ tiles }: { tiles: { label: string; value: string }[] }) {
  return (
    <dl className="stats insights-stats">
      {tiles.map((t) => (
        <div className="stat" key={t.label}>
          <dt className="stat-label">{t.label}</dt>
          <dd className="stat-value">{t.value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A number for a tile; a dash when withheld or unknown. */
export const num = (v: number | null | undefined, digits = 0) => (v === null || v === undefined ? '–' : v.toLocaleString(undefined, { maximumFractionDigits: digits }));
