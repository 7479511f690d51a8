import * as Plot from '@observablehq/plot';
import { useCallback, useMemo } from 'react';
import type { NetworkDepartments } from '../../../../../contracts/index.ts';
import { Chart, type ChartColumn } from '../../../components/charts/chart.tsx';
import { INK, SERIES_COLOURS } from '../../../components/charts/palette.ts';

const fmt = (x: number | null) => (x === null ? '–' : (x > 0 ? '+' : x < 0 ? '−' : '') + Math.abs(x).toFixed(2));

/** "2025-03" → "Mar 2025" (or "Mar" when `short`). */
export function monthName(month: string, short = false): string {
  const [y, m] = month.split('-').map(Number);
  return new Date(y, m - 1, 1).toLocaleDateString(undefined, short ? { month: 'short' } : { month: 'short', year: 'numeric' });
}

const WHOLE = 'Whole organization';
type Row = { month: string; values: (number | null)[] };
type Point = { month: string; name: string; value: number | null };

/** The E-I index by department, month by month: a line per department and a dashed one for the whole organization. */
export function DeptEiChart({ data }: { data: NetworkDepartments['eiByMonth'] }) {
  const names = useMemo(() => [WHOLE, ...data.departments.map((d) => d.name)], [data]);
  const rows: Row[] = useMemo(
    () => data.months.map((month, i) => ({ month, values: [data.overall[i], ...data.departments.map((d) => d.values[i])] })),
    [data],
  );
  const columns: ChartColumn<Row>[] = useMemo(
    () => [
      { label: 'Month', value: (r) => r.month, format: (v) => monthName(String(v)) },
      ...names.map((name, k) => ({ label: name, numeric: true, value: (r: Row) => r.values[k], format: (v: string | number | null) => fmt(v as number | null) })),
    ],
    [names],
  );
  const plot = useCallback(
    (width: number): Plot.PlotOptions => {
      const points: Point[] = rows.flatMap((r) => names.map((name, k) => ({ month: r.month, name, value: r.values[k] })));
      const months = rows.map((r) => r.month);
      const every = Math.max(1, Math.ceil(months.length / Math.max(2, Math.floor(width / 80))));
      const oneYear = months.every((m) => m.slice(0, 4) === months[0].slice(0, 4));
      const shown = points.filter((p) => p.value !== null);
      const departments = points.filter((p) => p.name !== WHOLE);
      return {
        height: width < 480 ? 220 : 260,
        marginLeft: 40,
        x: {
          type: 'point',
          domain: months,
          label: null,
          inset: 12,
          ticks: months.filter((_, i) => i % every === 0 || i === months.length - 1),
          tickFormat: (m: string) => monthName(m, oneYear && months.length <= 12),
        },
        y: { domain: [-1, 1], grid: true, label: 'E-I index', tickFormat: (v: number) => fmt(v).replace('.00', '').replace('.50', '.5') },
        color: { domain: names, range: [INK, ...SERIES_COLOURS], legend: true },
        marks: [
          Plot.ruleY([0], { stroke: '#cdb9a2' }),
          Plot.lineY(departments, { x: 'month', y: 'value', z: 'name', stroke: 'name', strokeWidth: 2 }),
          Plot.lineY(
            points.filter((p) => p.name === WHOLE),
            { x: 'month', y: 'value', stroke: 'name', strokeWidth: 3, strokeDasharray: '6 4' },
          ),
          Plot.dot(shown, { x: 'month', y: 'value', fill: 'name', r: 3.5 }),
          Plot.tip(shown, Plot.pointer({ x: 'month', y: 'value', title: (p: Point) => `${p.name}\n${monthName(p.month)}: ${fmt(p.value)}` })),
        ],
      };
    },
    [rows, names],
  );
  const first = data.months[0];
  const last = data.months[data.months.length - 1];
  return (
    <Chart
      title="E-I index by department and month"
      description="−1 = all ties inside the department, +1 = all across. A gap is a month without ties."
      summary={`E-I index by department, ${monthName(first)} to ${monthName(last)}. The table view has every value.`}
      csvName="e-i-index-by-month"
      plot={plot}
      rows={rows}
      columns={columns}
    />
  );
}
