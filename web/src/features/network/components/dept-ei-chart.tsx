import { useLayoutEffect, useRef, useState } from 'react';
import type { NetworkDepartments } from '../../../../../contracts/index.ts';

/** Line colours, each at least 3:1 against white; the whole organization is the dark dashed line. */
const COLOURS = ['#b3401a', '#1f5a8c', '#2f7d4a', '#6d3a78', '#8a5300', '#8f1b12', '#0f6e6e', '#5b4bb7', '#7a5c2e', '#b0306a'];
const PAD = { left: 44, right: 14, top: 12, bottom: 30 };

const fmt = (x: number | null) => (x === null ? '–' : (x > 0 ? '+' : x < 0 ? '−' : '') + Math.abs(x).toFixed(2));

/** "2025-03" → "Mar 2025" (or "Mar" when `short`). */
export function monthName(month: string, short = false): string {
  const [y, m] = month.split('-').map(Number);
  return new Date(y, m - 1, 1).toLocaleDateString(undefined, short ? { month: 'short' } : { month: 'short', year: 'numeric' });
}

type Series = { name: string; values: (number | null)[]; colour: string; overall?: boolean };

/** An SVG path through the values, broken where a month has no ties. */
function pathOf(values: (number | null)[], x: (i: number) => number, y: (v: number) => number): string {
  let d = '';
  let pen = false;
  values.forEach((v, i) => {
    if (v === null) pen = false;
    else {
      d += `${pen ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)}`;
      pen = true;
    }
  });
  return d;
}

/** The width of an element in CSS pixels, kept up to date (so the chart draws its text at its real size). */
function useWidth<T extends HTMLElement>(fallback: number) {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(fallback);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setWidth(Math.max(240, Math.round(el.getBoundingClientRect().width)));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width] as const;
}

/** The E-I index by department, month by month: a small line chart drawn in SVG, or the same figures as a table. */
export function DeptEiChart({ data }: { data: NetworkDepartments['eiByMonth'] }) {
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const [box, W] = useWidth<HTMLDivElement>(640);
  const H = W < 480 ? 200 : 240;
  const series: Series[] = [
    { name: 'Whole organization', values: data.overall, colour: '#2a1f17', overall: true },
    ...data.departments.map((d, i) => ({ name: d.name, values: d.values, colour: COLOURS[i % COLOURS.length] })),
  ];
  const n = data.months.length;
  const x = (i: number) => (n === 1 ? (PAD.left + W - PAD.right) / 2 : PAD.left + (i * (W - PAD.left - PAD.right)) / (n - 1));
  const y = (v: number) => PAD.top + ((1 - v) / 2) * (H - PAD.top - PAD.bottom);
  const every = Math.max(1, Math.ceil(n / Math.max(2, Math.floor((W - PAD.left) / 72))));
  return (
    <div className="stack-sm" ref={box}>
      <div className="row dept-ei-head">
        <p className="small muted">−1 = all ties inside the department, +1 = all across. A gap is a month without ties.</p>
        <div className="segmented" role="group" aria-label="Show E-I index as">
          <button type="button" className="segment" aria-pressed={view === 'chart'} onClick={() => setView('chart')}>
            Chart
          </button>
          <button type="button" className="segment" aria-pressed={view === 'table'} onClick={() => setView('table')}>
            Show as table
          </button>
        </div>
      </div>
      {view === 'chart' ? (
        <>
          <svg className="dept-ei-svg" width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby="dept-ei-title">
            <title id="dept-ei-title">
              E-I index by department, {monthName(data.months[0])} to {monthName(data.months[n - 1])}. The table view has every value.
            </title>
            {[1, 0.5, 0, -0.5, -1].map((v) => (
              <g key={v}>
                <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} className={v === 0 ? 'dept-ei-zero' : 'dept-ei-grid'} />
                <text x={PAD.left - 6} y={y(v) + 4} textAnchor="end" className="dept-ei-tick">
                  {v === 0 ? '0' : fmt(v).replace('.00', '').replace('.50', '.5')}
                </text>
              </g>
            ))}
            {data.months.map((m, i) =>
              i % every === 0 || i === n - 1 ? (
                <text key={m} x={x(i)} y={H - 8} textAnchor={n > 1 && i === 0 ? 'start' : n > 1 && i === n - 1 ? 'end' : 'middle'} className="dept-ei-tick">
                  {monthName(m, n <= 12 && !data.months.some((o) => o.slice(0, 4) !== m.slice(0, 4)))}
                </text>
              ) : null,
            )}
            {series.map((s) => (
              <g key={s.name} className={s.overall ? 'dept-ei-overall' : undefined}>
                <path d={pathOf(s.values, x, y)} fill="none" stroke={s.colour} strokeWidth={s.overall ? 3 : 2} strokeDasharray={s.overall ? '6 4' : undefined} />
                {s.values.map((v, i) =>
                  v === null ? null : (
                    <circle key={data.months[i]} cx={x(i)} cy={y(v)} r={s.overall ? 4 : 3.5} fill={s.colour}>
                      <title>{`${s.name}, ${monthName(data.months[i])}: ${fmt(v)}`}</title>
                    </circle>
                  ),
                )}
              </g>
            ))}
          </svg>
          <ul className="dept-ei-legend small" aria-label="Lines">
            {series.map((s) => (
              <li key={s.name}>
                <span className={`dept-ei-key${s.overall ? ' dept-ei-key-overall' : ''}`} style={{ borderColor: s.colour }} aria-hidden="true" />
                {s.name}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <div className="table-wrap" role="region" aria-label="E-I index by month" tabIndex={0}>
          <table className="table">
            <caption className="visually-hidden">E-I index by department and month (a dash: no ties that month)</caption>
            <thead>
              <tr>
                <th scope="col">Month</th>
                {series.map((s) => (
                  <th key={s.name} scope="col">
                    {s.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.months.map((m, i) => (
                <tr key={m}>
                  <th scope="row">{monthName(m)}</th>
                  {series.map((s) => (
                    <td key={s.name} className="num">
                      {fmt(s.values[i])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
