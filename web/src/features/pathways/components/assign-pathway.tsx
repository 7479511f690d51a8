import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'wouter';
import type { Pathway, PathwayAssignments } from '../../../../../contracts/index.ts';
import { BulkPeopleDialog } from '../../../components/people/bulk-people-dialog.tsx';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Field } from '../../../components/ui/field.tsx';
import { Icon } from '../../../components/ui/icon.tsx';
import { Input } from '../../../components/ui/input.tsx';
import { api } from '../../../lib/api-client.ts';
import { plural } from '../../../lib/plural.ts';
import { pathwayKeys } from '../api/pathway-keys.ts';

type Status = PathwayAssignments['items'][number]['status'];
const STATUS_ORDER: Record<Status, number> = { overdue: 0, assigned: 1, started: 2, completed: 3 };
const STATUS_LABEL: Record<Status, string> = { overdue: 'Overdue', assigned: 'Not started', started: 'Started', completed: 'Completed' };

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

/** Assign (admins, facilitators, the author): a bulk dialog with a due date, and the completion counts. */
export function AssignPathway({ pathway }: { pathway: Pathway }) {
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [dueOn, setDueOn] = useState(inDays(30));
  const [done, setDone] = useState<string | null>(null);
  const key = [...pathwayKeys.detail(pathway.id), 'assignments'];
  const view = useQuery({ queryKey: key, queryFn: () => api<PathwayAssignments>(`/api/pathways/${pathway.id}/assignments`) });
  const items = view.data?.items ?? [];
  const c = view.data?.counts;
  return (
    <div className="assign-pathway">
      <Button variant="secondary" size="sm" onClick={() => setOpen(true)}>
        <Icon name="calendarCheck" size={16} /> Assign
      </Button>
      {c && items.length ? (
        <p className="muted small" aria-label="Assignment completion">
          Assigned to {plural(items.length, 'person', 'people')}: {c.completed} completed · {c.started} started · {c.assigned} not started · {c.overdue} overdue
        </p>
      ) : null}
      {items.length ? (
        <details className="assign-completion">
          <summary className="small">Who and where they are</summary>
          <div className="table-wrap" role="region" aria-label="Assignees" tabIndex={0}>
            <table className="table">
              <caption className="visually-hidden">Assignees: due date, status and steps done, overdue first</caption>
              <thead>
                <tr>
                  <th scope="col">Person</th>
                  <th scope="col">Due</th>
                  <th scope="col">Status</th>
                  <th scope="col">Steps done</th>
                </tr>
              </thead>
              <tbody>
                {[...items]
                  .sort((x, y) => STATUS_ORDER[x.status] - STATUS_ORDER[y.status] || x.dueOn.localeCompare(y.dueOn) || x.person.name.localeCompare(y.person.name))
                  .map((it) => (
                    <tr key={it.person.id}>
                      <th scope="row">
                        <Link href={`/people/${it.person.id}`}>{it.person.name}</Link>
                      </th>
                      <td>{it.dueOn}</td>
                      <td>{STATUS_LABEL[it.status]}</td>
                      <td className="num">
                        {it.stepsDone} of {it.stepsTotal}
                      </td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
        </details>
      ) : null}
      {done ? <Alert tone="success">{done}</Alert> : null}
      <BulkPeopleDialog
        open={open}
        onClose={() => setOpen(false)}
        title={`Assign “${pathway.title}”`}
        path={`/api/pathways/${pathway.id}/assignments`}
        applyLabel="Assign"
        extraBody={{ dueOn }}
        ready={/^\d{4}-\d{2}-\d{2}$/.test(dueOn)}
        extra={
          <Field label="Due date" hint="Each person gets one reminder 3 days before, in the app and by mail.">
            {(p) => <Input {...p} type="date" value={dueOn} min={inDays(0)} onChange={(e) => setDueOn(e.target.value)} required />}
          </Field>
        }
        onApplied={(r) => {
          const n = (r.counts.assigned ?? 0) + (r.counts.reassigned ?? 0);
          setDone(`Assigned to ${plural(n, 'person', 'people')}, due ${dueOn}.`);
          void qc.invalidateQueries({ queryKey: pathwayKeys.detail(pathway.id) });
          void qc.invalidateQueries({ queryKey: pathwayKeys.progress(pathway.id) });
        }}
      />
    </div>
  );
}
