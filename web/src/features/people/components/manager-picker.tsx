import { useState } from 'react';
import type { PersonRef } from '../../../../../contracts/index.ts';
import { Avatar } from '../../../components/ui/avatar.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Input } from '../../../components/ui/input.tsx';
import { useDebouncedValue } from '../../../lib/use-debounced-value.ts';
import { usePeopleSearch } from '../api/use-people-search.ts';

/** Chooses a manager by searching names; "No manager" clears it. Excludes the person themself. */
export function ManagerPicker({
  id,
  value,
  onChange,
  excludeId,
  describedBy,
}: {
  id: string;
  value: PersonRef | null;
  onChange: (p: PersonRef | null) => void;
  excludeId: string;
  describedBy?: string;
}) {
  const [open, setOpen] = useState(false);
  const [q, setQ] = useState('');
  const debounced = useDebouncedValue(q.trim(), 200);
  const results = usePeopleSearch(debounced);
  const options = (results.data?.items ?? []).filter((p) => p.id !== excludeId);

  if (!open)
    return (
      <div className="row">
        {value ? (
          <span className="row" style={{ gap: 8 }}>
            <Avatar personId={value.id} name={value.name} size="xs" />
            <strong>{value.name}</strong>
          </span>
        ) : (
          <span className="muted">No manager</span>
        )}
        <Button id={id} variant="secondary" size="sm" onClick={() => setOpen(true)} aria-describedby={describedBy}>
          Change
        </Button>
        {value ? (
          <Button variant="ghost" size="sm" onClick={() => onChange(null)}>
            Remove
          </Button>
        ) : null}
      </div>
    );

  return (
    <div>
      <div className="row" style={{ flexWrap: 'nowrap' }}>
        <Input id={id} type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="Search by name" autoFocus aria-describedby={describedBy} autoComplete="off" />
        <Button variant="ghost" size="sm" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
      {debounced ? (
        <ul className="picker-results" aria-label="Matching people" aria-live="polite">
          {options.length === 0 && !results.isFetching ? <li className="muted" style={{ padding: 12 }}>Nobody by that name.</li> : null}
          {options.map((p) => (
            <li key={p.id}>
              <button
                type="button"
                onClick={() => {
                  onChange({ id: p.id, name: p.name, title: p.title });
                  setOpen(false);
                  setQ('');
                }}
              >
                <Avatar personId={p.id} name={p.name} size="xs" />
                <span>
                  <strong>{p.name}</strong>
                  {p.title ? <span className="muted"> · {p.title}</span> : null}
                </span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
