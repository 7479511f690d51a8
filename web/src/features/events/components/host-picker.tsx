import { type KeyboardEvent, useId, useState } from 'react';
import type { PersonRef } from '../../../../../contracts/index.ts';
import { useMentionCandidates } from '../../../components/editor/use-mention-candidates.ts';
import { Avatar } from '../../../components/ui/avatar.tsx';
import { Icon } from '../../../components/ui/icon.tsx';
import { useDebouncedValue } from '../../../lib/use-debounced-value.ts';

/**
 * Picks hosts from the directory (the people search used for mentions and messages): chosen people as removable
 * chips, a search box, and the matches as buttons; Enter adds the first match.
 */
export function HostPicker({ chosen, onChange, max, error }: { chosen: PersonRef[]; onChange: (p: PersonRef[]) => void; max: number; error?: string }) {
  const id = useId();
  const [q, setQ] = useState('');
  const debounced = useDebouncedValue(q, 200);
  const search = useMentionCandidates(debounced);
  const taken = new Set(chosen.map((p) => p.id));
  const results = (search.data?.items ?? []).filter((p) => !taken.has(p.id));
  const full = chosen.length >= max;
  const add = (p: PersonRef) => {
    onChange([...chosen, { id: p.id, name: p.name, title: p.title }]);
    setQ('');
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      if (results[0] && debounced === q) add(results[0]);
    }
  };
  return (
    <div className="field host-picker">
      <label className="field-label" htmlFor={`${id}-q`}>
        Hosts
      </label>
      {chosen.length ? (
        <ul className="chips" aria-label="Hosts">
          {chosen.map((p) => (
            <li key={p.id} className="chip chip-ember">
              {p.name}
              <button type="button" className="chip-remove" aria-label={`Remove host ${p.name}`} onClick={() => onChange(chosen.filter((x) => x.id !== p.id))}>
                <Icon name="x" size={14} />
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="field-hint">You host it yourself unless you choose other hosts.</p>
      )}
      <input
        id={`${id}-q`}
        className="input"
        type="search"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        onKeyDown={onKey}
        placeholder="Add a host by name"
        disabled={full}
        autoComplete="off"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-err` : undefined}
      />
      {full ? <span className="field-hint">That is the most hosts an event can have.</span> : null}
      {debounced.trim() && !full ? (
        <ul className="picker-results" aria-label="Matching people">
          {results.length === 0 && !search.isFetching ? <li className="muted picker-empty">Nobody matches “{debounced}”.</li> : null}
          {results.map((p) => (
            <li key={p.id}>
              <button type="button" className="picker-result" onClick={() => add({ id: p.id, name: p.name, title: p.title })}>
                <Avatar personId={p.id} name={p.name} src={p.avatarUrl} size="sm" />
                <span>
                  <span className="person-row-name">{p.name}</span>
                  {p.title ? <span className="person-row-sub">{p.title}</span> : null}
                </span>
                <span className="visually-hidden">: add as host</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {error ? (
        <span id={`${id}-err`} className="field-error">
          <Icon name="alert" size={16} />
          {error}
        </span>
      ) : null}
    </div>
  );
}
