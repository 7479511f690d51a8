import { type ReactNode, useState } from 'react';
import { BULK_PROBLEMS } from '../../../../contracts/index.ts';
import { Alert } from '../ui/alert.tsx';
import { Button } from '../ui/button.tsx';
import { Dialog } from '../ui/dialog.tsx';
import { Field } from '../ui/field.tsx';
import { Input } from '../ui/input.tsx';
import { Textarea } from '../ui/textarea.tsx';
import { api } from '../../lib/api-client.ts';
import { ApiError } from '../../lib/api-error.ts';
import { plural } from '../../lib/plural.ts';

/** A line of a bulk report (bulk enrolment or pathway assignment). */
type Line = { line: number | null; input: string; name: string | null; outcome: string };
type Report = { lines: Line[]; counts: Record<string, number> };

const PROBLEMS = new Set<string>(BULK_PROBLEMS);
const LABELS: Record<string, string> = {
  enrolled: 'Will be enrolled',
  waitlisted: 'Waitlist (program full)',
  already_in: 'Already in',
  assigned: 'Will be assigned',
  reassigned: 'New due date',
  unknown_email: 'Unknown email',
  duplicate: 'Duplicate line',
  deactivated: 'Deactivated',
};
const split = (s: string) => s.split(',').map((v) => v.trim()).filter(Boolean);

/**
 * Choose people in bulk (departments, teams, locations, a pasted or uploaded CSV of emails), preview what happens to
 * each line, then apply. Apply is offered only when the preview has no problem lines; the server applies all or nothing.
 */
export function BulkPeopleDialog({ open, onClose, title, path, applyLabel, extra, extraBody, ready = true, onApplied }: {
  open: boolean;
  onClose: () => void;
  title: string;
  /** POST target; the preview is `${path}/preview`. */
  path: string;
  applyLabel: string;
  /** More fields (a due date). */
  extra?: ReactNode;
  extraBody?: Record<string, unknown>;
  ready?: boolean;
  onApplied: (report: Report) => void;
}) {
  const [departments, setDepartments] = useState('');
  const [teams, setTeams] = useState('');
  const [locations, setLocations] = useState('');
  const [managers, setManagers] = useState('');
  const [emails, setEmails] = useState('');
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const body = { selection: { departments: split(departments), teams: split(teams), locations: split(locations), managerEmails: split(managers), emails }, ...extraBody };
  const changed = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    setReport(null);
  };
  async function run(apply: boolean) {
    setBusy(true);
    setError(null);
    try {
      const r = await api<Report>(apply ? path : `${path}/preview`, { method: 'POST', body });
      if (apply) {
        onApplied(r);
        setReport(null);
        setEmails('');
        onClose();
      } else setReport(r);
    } catch (e) {
      setError(e instanceof ApiError ? e.detail : 'Something went wrong. Try again.');
    } finally {
      setBusy(false);
    }
  }
  const problems = report ? report.lines.filter((l) => PROBLEMS.has(l.outcome)).length : 0;
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={title}
      wide
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button variant="secondary" loading={busy && !report} disabled={!ready} onClick={() => run(false)}>
            Preview
          </Button>
          <Button loading={busy && !!report} disabled={!report || problems > 0 || report.lines.length === 0 || !ready} onClick={() => run(true)}>
            {applyLabel}
          </Button>
        </>
      }
    >
      <div className="bulk-dialog">
      <p className="muted small">Everyone matching any of these is chosen. Separate several names with commas. Nothing changes until you apply the preview.</p>
      <div className="bulk-filters">
        <Field label="Departments" optional>{(c) => <Input {...c} value={departments} onChange={(e) => changed(setDepartments)(e.target.value)} placeholder="Sales, Support" />}</Field>
        <Field label="Teams" optional>{(c) => <Input {...c} value={teams} onChange={(e) => changed(setTeams)(e.target.value)} />}</Field>
        <Field label="Locations" optional>{(c) => <Input {...c} value={locations} onChange={(e) => changed(setLocations)(e.target.value)} placeholder="Lisbon" />}</Field>
      </div>
      <Field label="Reports of these managers" optional hint="Managers' emails; their direct and indirect reports are chosen.">
        {(c) => <Input {...c} value={managers} onChange={(e) => changed(setManagers)(e.target.value)} placeholder="maya.patel@example.com" />}
      </Field>
      <Field label="Emails" optional hint="One per line, or paste a CSV: the first cell with an @ is used.">
        {(c) => <Textarea {...c} rows={5} value={emails} onChange={(e) => changed(setEmails)(e.target.value)} placeholder={'ana@example.com\nben@example.com'} />}
      </Field>
      <Field label="Or load a CSV file" optional>
        {(c) => <input {...c} type="file" accept=".csv,text/csv,text/plain" onChange={async (e) => changed(setEmails)((await e.target.files?.[0]?.text()) ?? '')} />}
      </Field>
      {extra}
      {error ? <Alert>{error}</Alert> : null}
      {report ? (
        <section aria-label="Preview" className="bulk-preview">
          <p role="status">
            {report.lines.length === 0
              ? 'Nobody matches this selection.'
              : `${Object.entries(report.counts).filter(([, n]) => n).map(([k, n]) => `${n} ${LABELS[k].toLowerCase()}`).join(' · ')}.`}
            {problems ? ` Fix or remove ${plural(problems, 'line', 'lines')} marked in red, then preview again.` : ''}
          </p>
          {report.lines.length ? (
            <div className="table-wrap bulk-table">
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">Line</th>
                    <th scope="col">Email</th>
                    <th scope="col">Person</th>
                    <th scope="col">What happens</th>
                  </tr>
                </thead>
                <tbody>
                  {report.lines.map((l, i) => (
                    <tr key={`${l.line}-${l.input}-${i}`}>
                      <td>{l.line ?? '—'}</td>
                      <td>{l.input}</td>
                      <td>{l.name ?? '—'}</td>
                      <td>
                        <span className={`badge ${PROBLEMS.has(l.outcome) ? 'badge-danger' : l.outcome === 'already_in' || l.outcome === 'waitlisted' ? 'badge-ember' : 'badge-moss'}`}>{LABELS[l.outcome]}</span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </section>
      ) : null}
      </div>
    </Dialog>
  );
}
