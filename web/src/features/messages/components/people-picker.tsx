import { useState } from 'react';
import type { PersonRef } from '../../../../../contracts/index.ts';
import { useMentionCandidates } from '../../../components/editor/use-mention-candidates.ts';
import { Avatar } from '../../../components/ui/avatar.tsx';
import { Icon } from '../../../components/ui/icon.tsx';
import { useDebouncedValue } from '../../../lib/use-debounced-value.ts';

/** Picks colleagues by name: search, add from the results, remove from the chosen list. */
export function PeoplePicker({ chosen, onChange, excludeId, max }: { chosen: PersonRef[]; onChange: (p: PersonRef[]) => void; excludeId: string; max: number }) {
  const [q, setQ] = useState('');
  const debounced = useDebouncedValue(q, 200);
  // Name matches first (the directory search also matches titles and teams).
  const search = useMentionCandidates(debounced);
  const taken = new Set([excludeId, ...chosen.map((p) => p.id)]);
  const results = (search.data?.items ?? []).filter((p) => !taken.has(p.id));
  const full = chosen.length >= max;
  return (
    <div className="stack-sm">
      {chosen.length ? (
        <ul className="chips" aria-label="Chosen people">
          {chosen.map((p) => (
            <li key={p.id} className="chip chip-ember">
              {p.name}
              <button type="button" className="chip-remove" aria-label={`Remove ${p.name}`} onClick={() => onChange(chosen.filter((x) => x.id !== p.id))}>
                <Icon name="x" size={14} />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <label className="field-label" htmlFor="people-picker">
        Add people
      </label>
      <input id="people-picker" className="input" type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="Search by name" disabled={full} autoComplete="off" />
      {full ? <span className="field-hint">That is the most a group can have.</span> : null}
      {debounced.trim() && !full ? (
        <ul className="picker-results" aria-label="Matching people">
          {results.length === 0 && !search.isFetching ? <li className="muted picker-empty">Nobody matches “{debounced}”.</li> : null}
          {results.map((p) => (
            <li key={p.id}>
              <button
                type="button"
                className="picker-result"
                onClick={() => {
                  onChange([...chosen, { id: p.id, name: p.name, title: p.title }]);
                  setQ('');
                }}
              >
                <Avatar personId={p.id} name={p.name} src={p.avatarUrl} size="sm" />
                <span>
                  <span className="person-row-name">{p.name}</span>
                  {p.title ? <span className="person-row-sub">{p.title}</span> : null}
                </span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
