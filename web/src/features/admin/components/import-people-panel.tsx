import { type ChangeEvent, type DragEvent, useId, useState } from 'react';
import type { ImportReport } from '../../../../../contracts/index.ts';
import { LIMITS } from '../../../../../contracts/index.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { Field } from '../../../components/ui/field.tsx';
import { Icon } from '../../../components/ui/icon.tsx';
import { Textarea } from '../../../components/ui/textarea.tsx';
import { ApiError } from '../../../lib/api-error.ts';
import { useImportPeople } from '../api/use-import-people.ts';
import { ImportReportView } from './import-report-view.tsx';

const HEADER = 'name,email,department,title,manager_email,location,time_zone';

/**
 * HR import in two steps: "Check file" runs a dry run and shows every problem by row and field;
 * "Import" is enabled only for the exact text that passed the check with no problems.
 */
export function ImportPeoplePanel() {
  const fileId = useId();
  const [csv, setCsv] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [over, setOver] = useState(false);
  const [report, setReport] = useState<{ csv: string; report: ImportReport } | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const run = useImportPeople();
  const error = run.error instanceof ApiError ? run.error : null;
  const checked = report && report.csv === csv ? report.report : null;
  const canImport = Boolean(checked && !checked.applied && checked.issues.length === 0 && checked.rows > 0);

  const load = async (file: File | undefined) => {
    if (!file) return;
    setReadError(null);
    if (file.size > LIMITS.importBytes) return setReadError(`That file is larger than ${LIMITS.importBytes / 1024 / 1024} MB.`);
    setFileName(file.name);
    setCsv(await file.text());
    setReport(null);
    run.reset();
  };

  const execute = (dryRun: boolean) => {
    const text = csv;
    run.mutate({ csv: text, dryRun }, { onSuccess: (r) => setReport({ csv: text, report: r }) });
  };

  return (
    <Card
      id="import"
      title={
        <span className="row" style={{ gap: 8 }}>
          <Icon name="upload" size={18} /> Import from HR (CSV)
        </span>
      }
      actions={
        <a className="btn btn-ghost btn-sm" href="/api/people/export.csv" download>
          <Icon name="download" size={16} /> Export CSV
        </a>
      }
    >
      <div className="stack">
        <p className="muted">Existing people are matched by email and updated. Nothing changes until the whole file is valid. Columns:</p>
        <ul className="chips" aria-label="Expected columns">
          {[...HEADER.split(','), 'team (optional)'].map((c) => (
            <li key={c} className="chip">
              <code>{c}</code>
            </li>
          ))}
        </ul>
        {/* biome-ignore lint/a11y/noStaticElementInteractions: dropping is a mouse shortcut; the labelled file input is the accessible path */}
        <div
          className="dropzone"
          data-over={over}
          onDragOver={(e: DragEvent) => {
            e.preventDefault();
            setOver(true);
          }}
          onDragLeave={() => setOver(false)}
          onDrop={(e: DragEvent) => {
            e.preventDefault();
            setOver(false);
            void load(e.dataTransfer.files[0]);
          }}
        >
          <Icon name="file" size={28} />
          <div>
            <label htmlFor={fileId} className="btn btn-secondary btn-sm" style={{ cursor: 'pointer' }}>
              Choose a CSV file
            </label>
            <input
              id={fileId}
              type="file"
              accept=".csv,text/csv"
              className="visually-hidden"
              onChange={(e: ChangeEvent<HTMLInputElement>) => {
                void load(e.target.files?.[0]);
                e.target.value = '';
              }}
            />
          </div>
          <span className="field-hint">{fileName ? `Loaded ${fileName} — you can edit it below.` : 'or drop it here, or paste the rows below'}</span>
        </div>
        {readError ? <Alert>{readError}</Alert> : null}
        <Field label="CSV contents" hint="Fix problems right here, then check again.">
          {(p) => (
            <Textarea
              {...p}
              className="csv-text"
              value={csv}
              spellCheck={false}
              placeholder={`${HEADER}\nAda Lovelace,ada@example.com,Engineering,Staff Engineer,,London,Europe/London`}
              onChange={(e) => setCsv(e.target.value)}
            />
          )}
        </Field>
        <div className="toolbar">
          <Button variant="secondary" onClick={() => execute(true)} disabled={!csv.trim()} loading={run.isPending && run.variables?.dryRun}>
            <Icon name="check" size={16} /> Check file
          </Button>
          <Button onClick={() => execute(false)} disabled={!canImport} loading={run.isPending && run.variables?.dryRun === false}>
            <Icon name="upload" size={16} /> Import
          </Button>
          {report && report.csv !== csv && !report.report.applied ? <span className="field-hint">The text changed — check it again before importing.</span> : null}
        </div>
        <div aria-live="polite" className="stack">
          {error ? <Alert>{error.detail}</Alert> : null}
          {report ? <ImportReportView report={report.report} /> : null}
        </div>
      </div>
    </Card>
  );
}
