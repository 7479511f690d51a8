import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Link } from 'wouter';
import type { ProgramEnrollee } from '../../../../../contracts/index.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { BulkPeopleDialog } from '../../../components/people/bulk-people-dialog.tsx';
import { Avatar } from '../../../components/ui/avatar.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { ErrorState } from '../../../components/ui/error-state.tsx';
import { Icon } from '../../../components/ui/icon.tsx';
import { Input } from '../../../components/ui/input.tsx';
import { Spinner } from '../../../components/ui/spinner.tsx';
import { ApiError } from '../../../lib/api-error.ts';
import { plural } from '../../../lib/plural.ts';
import { useDebouncedValue } from '../../../lib/use-debounced-value.ts';
import { programKeys } from '../api/program-keys.ts';
import { usePlanActions } from '../api/use-program-actions.ts';
import { useEnrollees, usePeopleMatches } from '../api/use-programs.ts';

/** Find people by name and enrol them one click each (past capacity they join the waitlist). */
function AddPeople({ programId, enrolled }: { programId: string; enrolled: Set<string> }) {
  const id = useId();
  const [q, setQ] = useState('');
  const query = useDebouncedValue(q.trim(), 200);
  const matches = usePeopleMatches(query);
  const { assign } = usePlanActions(programId);
  const [last, setLast] = useState<string | null>(null);
  const items = query ? (matches.data?.items ?? []) : [];
  return (
    <div className="add-people">
      <label className="field-label" htmlFor={id}>
        Add people
      </label>
      <div className="input-with-icon">
        <Icon name="search" size={18} />
        <Input id={id} type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="Search by name, title or team" autoComplete="off" aria-describedby={`${id}-status`} />
      </div>
      <p id={`${id}-status`} className="visually-hidden" role="status">
        {last ?? (query && !matches.isFetching ? `${plural(items.length, 'match', 'matches')}` : '')}
      </p>
      {assign.error instanceof ApiError ? <Alert>{assign.error.detail}</Alert> : null}
      {query ? (
        matches.isPending ? (
          <Spinner label="Searching people" />
        ) : items.length === 0 ? (
          <p className="muted small picker-empty">Nobody matches “{query}”.</p>
        ) : (
          <ul className="picker-results" aria-label="Matching people">
            {items.map((p) => {
              const inIt = enrolled.has(p.id);
              return (
                <li key={p.id}>
                  <button
                    type="button"
                    className="picker-result"
                    disabled={inIt || assign.isPending}
                    aria-label={inIt ? `${p.name} is enrolled` : `Enrol ${p.name}`}
                    onClick={() => assign.mutate([p.id], { onSuccess: () => setLast(`${p.name} enrolled.`) })}
                  >
                    <Avatar personId={p.id} name={p.name} src={p.avatarUrl} size="sm" />
                    <span className="target-option">
                      <strong>{p.name}</strong>
                      <span className="muted small">{[p.department, p.location].filter(Boolean).join(' · ') || p.title}</span>
                    </span>
                    <span className="spacer" />
                    {inIt ? <Icon name="check" size={18} /> : <Icon name="plus" size={18} />}
                  </button>
                </li>
              );
            })}
          </ul>
        )
      ) : null}
    </div>
  );
}

function EnrolleeRow({ e, onRemove, removing }: { e: ProgramEnrollee; onRemove: () => void; removing: boolean }) {
  return (
    <li className="enrollee">
      <Avatar personId={e.id} name={e.name} size="sm" />
      <span className="enrollee-text">
        <Link href={`/people/${e.id}`} className="enrollee-name">
          {e.name}
        </Link>
        <span className="muted small">{[e.department, e.location].filter(Boolean).join(' · ') || 'No department'}</span>
      </span>
      {e.status === 'waitlisted' ? <span className="badge chip-amber">Waitlist</span> : null}
      <button type="button" className="icon-btn icon-btn-danger" aria-label={`Remove ${e.name}`} onClick={onRemove} disabled={removing}>
        <Icon name="x" size={16} />
      </button>
    </li>
  );
}

/** Facilitators: enrolled people (then the waitlist in order), the add-people picker, and removal. */
export function EnrolleesPanel({ programId }: { programId: string }) {
  const list = useEnrollees(programId);
  const qc = useQueryClient();
  const [bulk, setBulk] = useState(false);
  const [bulkDone, setBulkDone] = useState<string | null>(null);
  const { remove } = usePlanActions(programId);
  const items = list.data?.items ?? [];
  const enrolled = items.filter((e) => e.status === 'enrolled');
  const waiting = items.filter((e) => e.status === 'waitlisted');
  return (
    <Card title="People" id="enrolled-people" className="enrollees-card">
      <AddPeople programId={programId} enrolled={new Set(items.map((e) => e.id))} />
      <Button variant="secondary" size="sm" onClick={() => setBulk(true)}>
        <Icon name="people" size={16} /> Enrol in bulk
      </Button>
      {bulkDone ? <Alert tone="success">{bulkDone}</Alert> : null}
      <BulkPeopleDialog
        open={bulk}
        onClose={() => setBulk(false)}
        title="Enrol people in bulk"
        path={`/api/programs/${programId}/enrollments/bulk`}
        applyLabel="Enrol them"
        onApplied={(r) => {
          setBulkDone(`${plural(r.counts.enrolled ?? 0, 'person', 'people')} enrolled${r.counts.waitlisted ? `, ${r.counts.waitlisted} on the waitlist` : ''}.`);
          void qc.invalidateQueries({ queryKey: programKeys.enrollees(programId) });
          void qc.invalidateQueries({ queryKey: programKeys.detail(programId) });
        }}
      />
      {remove.error instanceof ApiError ? <Alert>{remove.error.detail}</Alert> : null}
      {list.isPending ? (
        <Spinner label="Loading enrolled people" />
      ) : list.isError ? (
        <ErrorState error={list.error} title="We couldn't load the people" onRetry={() => list.refetch()} />
      ) : (
        <>
          <h3 className="enrollee-heading" id="enrolled-heading">
            {plural(enrolled.length, 'person', 'people')} enrolled
          </h3>
          {enrolled.length === 0 ? <p className="muted small">Nobody yet. Add people above, or open enrolment so they can enrol themselves.</p> : null}
          <ul className="enrollee-list" aria-labelledby="enrolled-heading">
            {enrolled.map((e) => (
              <EnrolleeRow key={e.id} e={e} onRemove={() => remove.mutate(e.id)} removing={remove.isPending && remove.variables === e.id} />
            ))}
          </ul>
          {waiting.length ? (
            <>
              <h3 className="enrollee-heading" id="waitlist-heading">
                Waitlist ({waiting.length})
              </h3>
              <ol className="enrollee-list" aria-labelledby="waitlist-heading">
                {waiting.map((e) => (
                  <EnrolleeRow key={e.id} e={e} onRemove={() => remove.mutate(e.id)} removing={remove.isPending && remove.variables === e.id} />
                ))}
              </ol>
            </>
          ) : null}
        </>
      )}
    </Card>
  );
}
