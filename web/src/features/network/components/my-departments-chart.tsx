import type { MyNetwork } from '../../../../../contracts/index.ts';
import { plural } from '../../../lib/plural.ts';
import { barWidth } from './my-bar-width.ts';

const label = (d: string | null) => d ?? 'No department';

/**
 * The people one has met by department, as horizontal bars (plain CSS, no chart library). Each bar's row says its
 * department and count in words, so the list reads well without the bars; a table of the same figures is one click away.
 */
export function MyDepartmentsChart({ rows }: { rows: MyNetwork['byDepartment'] }) {
  const max = Math.max(1, ...rows.map((r) => r.people));
  return (
    <figure className="my-chart">
      <figcaption className="visually-hidden">People you've met, by department</figcaption>
      <ul className="my-bars">
        {rows.map((r) => (
          <li key={r.department ?? ''} className="my-bar-row">
            <span className="my-bar-label">
              {label(r.department)}
              {r.mine ? <span className="muted"> (yours)</span> : null}
            </span>
            <span className="my-bar-track" aria-hidden="true">
              <span className={`my-bar${r.mine ? ' my-bar-own' : ''}`} style={{ width: barWidth(r.people, max) }} />
            </span>
            <span className="my-bar-value">{plural(r.people, 'person', 'people')}</span>
          </li>
        ))}
      </ul>
      <details className="my-chart-table">
        <summary>Show as a table</summary>
        <table className="table">
          <caption className="visually-hidden">People you've met, by department</caption>
          <thead>
            <tr>
              <th scope="col">Department</th>
              <th scope="col">People you've met</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.department ?? ''}>
                <th scope="row">
                  {label(r.department)}
                  {r.mine ? ' (yours)' : ''}
                </th>
                <td>{r.people}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
