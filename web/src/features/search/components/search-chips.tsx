import type { SearchCounts, SearchType } from '../../../../../contracts/index.ts';
import { SEARCH_LIMITS } from '../../../../../contracts/index.ts';

const CHIPS: [SearchType, string][] = [
  ['all', 'All'],
  ['people', 'People'],
  ['communities', 'Communities'],
  ['threads', 'Discussions'],
  ['resources', 'Resources'],
  ['pathways', 'Pathways'],
];

/** "1000+" when the server counted only the newest matches of a very common word. */
export const countLabel = (n: number, lowerBound: boolean) => (lowerBound && n >= SEARCH_LIMITS.countCap ? `${n}+` : String(n));

/** Type filter chips with per-type counts; a group of toggle buttons (Tab between them, Enter or Space to pick). */
export function SearchChips({ type, counts, lowerBound, onChange }: { type: SearchType; counts: SearchCounts | undefined; lowerBound: boolean; onChange: (t: SearchType) => void }) {
  return (
    <div className="search-chips" role="group" aria-label="Show results of one kind">
      {CHIPS.map(([value, label]) => {
        const n = counts?.[value];
        return (
          <button key={value} type="button" className="search-chip" aria-pressed={type === value} onClick={() => onChange(value)}>
            {label}
            {n !== undefined ? <span className="search-chip-count">{countLabel(n, lowerBound)}</span> : null}
          </button>
        );
      })}
    </div>
  );
}
