import type { NetworkDepartments } from '../../../../../contracts/index.ts';

const pct = (x: number) => `${(x * 100).toLocaleString(undefined, { maximumFractionDigits: x > 0 && x < 0.01 ? 2 : 1 })}%`;

/** Five fixed shades (0 = no ties), each with text that keeps 4.5:1 contrast on it. */
export function shadeOf(share: number, max: number): number {
  if (share <= 0 || max <= 0) return 0;
  return Math.min(4, Math.ceil((share / max) * 4));
}

/**
 * The department-to-department matrix as a heat-map table: each cell holds the number of tied pairs of people and is
 * shaded by their share of the pairs there could be (darker = more of them tied). Scrolls sideways on a phone.
 */
export function DeptMatrix({ data }: { data: NetworkDepartments }) {
  const cells = new Map(data.matrix.flatMap((m) => [[`${m.a}|${m.b}`, m], [`${m.b}|${m.a}`, m]]));
  const max = Math.max(0, ...data.matrix.map((m) => m.share));
  return (
    <div className="stack-sm">
      <div className="table-wrap dept-matrix-wrap" role="region" aria-labelledby="dept-matrix-caption" tabIndex={0}>
        <table className="table dept-matrix">
          <caption id="dept-matrix-caption" className="dept-matrix-caption">
            Pairs of people who interacted, by department (head count in brackets). Shading shows the share of possible pairs that interacted.
          </caption>
          <thead>
            <tr>
              <td />
              {data.departments.map((d) => (
                <th key={d.name} scope="col">
                  {d.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.departments.map((row) => (
              <tr key={row.name}>
                <th scope="row">
                  {row.name} <span className="dept-matrix-heads">({row.people})</span>
                </th>
                {data.departments.map((col) => {
                  const m = cells.get(`${row.name}|${col.name}`);
                  if (!m) return <td key={col.name} />;
                  const where = row.name === col.name ? `inside ${row.name}` : `between ${row.name} and ${col.name}`;
                  return (
                    <td key={col.name} className={`num dept-cell shade-${shadeOf(m.share, max)}`} title={`${m.ties} of ${m.possible} possible pairs ${where} (${pct(m.share)})`}>
                      {m.ties}
                      <span className="dept-cell-share">{pct(m.share)}</span>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="dept-legend small muted" aria-hidden="true">
        Fewer <span className="dept-swatch shade-1" /> <span className="dept-swatch shade-2" /> <span className="dept-swatch shade-3" /> <span className="dept-swatch shade-4" /> more of the possible pairs
      </p>
      {data.withheld > 0 ? (
        <p className="small muted">
          {data.withheld} {data.withheld === 1 ? 'person is' : 'people are'} in teams too small to show, even together (fewer than 5).
        </p>
      ) : null}
    </div>
  );
}
