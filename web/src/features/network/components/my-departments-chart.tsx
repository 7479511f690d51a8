import * as Plot from '@observablehq/plot';
import { useCallback } from 'react';
import type { MyNetwork } from '../../../../../contracts/index.ts';
import { Chart, type ChartColumn } from '../../../components/charts/chart.tsx';
import { MUTED, SERIES_COLOURS } from '../../../components/charts/palette.ts';

type Row = MyNetwork['byDepartment'][number];
const label = (r: Row) => `${r.department ?? 'No department'}${r.mine ? ' (yours)' : ''}`;
const COLUMNS: ChartColumn<Row>[] = [
  { label: 'Department', value: label },
  { label: "People you've met", value: (r) => r.people, numeric: true },
];

/** The people one has met by department, one bar each (one's own department in the muted colour). */
export function MyDepartmentsChart({ rows }: { rows: MyNetwork['byDepartment'] }) {
  const plot = useCallback(
    (width: number): Plot.PlotOptions => ({
      height: 30 + rows.length * 30,
      marginLeft: Math.min(180, Math.max(100, Math.round(width * 0.32))),
      marginRight: 36,
      x: { label: 'People', grid: true, tickFormat: 'd' },
      y: { domain: rows.map(label), label: null },
      marks: [
        Plot.barX(rows, { y: label, x: 'people', fill: (r: Row) => (r.mine ? MUTED : SERIES_COLOURS[1]), tip: true, title: (r: Row) => `${label(r)}: ${r.people}` }),
        Plot.text(rows, { y: label, x: 'people', text: (r: Row) => String(r.people), dx: 4, textAnchor: 'start', fill: '#2a1f17' }),
        Plot.ruleX([0]),
      ],
    }),
    [rows],
  );
  return <Chart title="People you've met, by department" csvName="people-met-by-department" plot={plot} rows={rows} columns={COLUMNS} />;
}
