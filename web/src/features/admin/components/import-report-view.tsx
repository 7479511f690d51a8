import type { ImportReport } from '../../../../../contracts/index.ts';
import { Alert } from '../../../components/ui/alert.tsx';

/** Counts and a row-by-row problem table for an import check or an applied import. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const bad = report.issues.length;
  const badRows = new Set(report.issues.map((i) => i.row)).size;
  return (
    <section className="stack" aria-labelledby="import-report-title">
      <h3 id="import-report-title">{report.applied ? 'Import complete' : 'Check results'}</h3>
      <div className="stats">
        <div className="stat">
          <div className="stat-value">{report.rows}</div>
          <div className="stat-label">Rows read</div>
        </div>
        <div className="stat">
          <div className="stat-value">{report.created}</div>
          <div className="stat-label">{report.applied ? 'Created' : 'New people'}</div>
        </div>
        <div className="stat">
          <div className="stat-value">{report.updated}</div>
          <div className="stat-label">{report.applied ? 'Updated' : 'Updates'}</div>
        </div>
        <div className="stat">
          <div className="stat-value">{report.unchanged}</div>
          <div className="stat-label">Unchanged</div>
        </div>
        <div className={`stat${bad ? ' stat-bad' : ''}`}>
          <div className="stat-value">{bad}</div>
          <div className="stat-label">Problems</div>
        </div>
      </div>
      {report.applied ? (
        <Alert tone="success">
          Imported {report.rows} row{report.rows === 1 ? '' : 's'}: {report.created} created, {report.updated} updated, {report.unchanged} unchanged.
        </Alert>
      ) : bad ? (
        <>
          <Alert>
            Found {bad} problem{bad === 1 ? '' : 's'} in {badRows} row{badRows === 1 ? '' : 's'}. Nothing has been imported. Fix the file and check it again.
          </Alert>
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">Problems found in the file</caption>
              <thead>
                <tr>
                  <th scope="col">Row</th>
                  <th scope="col">Field</th>
                  <th scope="col">Problem</th>
                </tr>
              </thead>
              <tbody>
                {report.issues.map((i) => (
                  <tr key={`${i.row}-${i.field}-${i.code}`} data-row={i.row} data-field={i.field}>
                    <td className="num">{i.row}</td>
                    <td>
                      <code>{i.field}</code>
                    </td>
                    <td>{i.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : (
        <Alert tone="success">
          The file looks good: {report.created} to create, {report.updated} to update, {report.unchanged} unchanged. Press Import to apply it.
        </Alert>
      )}
    </section>
  );
}
