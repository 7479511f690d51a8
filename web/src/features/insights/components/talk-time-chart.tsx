import * as Plot from '@observablehq/plot';
import { useCallback } from 'react';
import type { AnalyticsLive } from '../../../../../contracts/index.ts';
import { Chart } from '../../../components/charts/chart.tsx';
import { SERIES_COLOURS } from '../../../components/charts/palette.ts';

type Row = { where: string; minutes: number };

/** Live-session minutes by where people talked: the whole room, small groups, pairs. */
export function TalkTimeChart({ live }: { live: NonNullable<AnalyticsLive['live']> }) {
  const rows: Row[] = [
    { where: 'Whole room', minutes: live.plenaryMinutes },
    { where: 'Small groups', minutes: live.groupMinutes },
    { where: 'Pairs', minutes: live.pairMinutes },
  ];
  const plot = useCallback(
    (width: number): Plot.PlotOptions => ({
      height: 130,
      marginLeft: width < 480 ? 100 : 120,
      x: { grid: true, label: 'Minutes', nice: true },
      y: { domain: rows.map((r) => r.where), label: null },
      marks: [
        Plot.barX(rows, { x: 'minutes', y: 'where', fill: 'where', fillOpacity: 0.9 }),
        Plot.text(rows, { x: 'minutes', y: 'where', text: (r: Row) => Math.round(r.minutes).toLocaleString(), dx: 4, textAnchor: 'start' }),
      ],
      color: { domain: rows.map((r) => r.where), range: SERIES_COLOURS.slice(0, 3) },
    }),
    [rows],
  );
  return (
    <Chart
      title="Talk time in live sessions"
      description="Minutes people spent in each kind of segment."
      plot={plot}
      rows={live.sessions ? rows : []}
      empty="No live session in this range."
      columns={[
        { label: 'Where', value: (r) => r.where },
        { label: 'Minutes', value: (r) => Math.round(r.minutes), numeric: true },
      ]}
    />
  );
}
