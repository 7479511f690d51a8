import * as Plot from '@observablehq/plot';
import { useCallback } from 'react';
import type { AnalyticsActivity } from '../../../../../contracts/index.ts';
import { Chart } from '../../../components/charts/chart.tsx';
import { SERIES_COLOURS } from '../../../components/charts/palette.ts';

type Day = AnalyticsActivity['daily'][number];
type Week = AnalyticsActivity['weekly'][number];
const dateOf = (d: string) => new Date(`${d}T00:00:00Z`);
const dayName = (d: string) => dateOf(d).toLocaleDateString(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' });

/** Active people per day, as a line over the range. */
export function DailyActiveChart({ data }: { data: AnalyticsActivity }) {
  const plot = useCallback(
    (width: number): Plot.PlotOptions => ({
      height: width < 480 ? 200 : 240,
      marginLeft: 44,
      x: { type: 'utc', label: null, ticks: Math.max(2, Math.floor(width / 110)) },
      y: { grid: true, label: 'Active people', nice: true, zero: true },
      marks: [
        Plot.areaY(data.daily, { x: (d: Day) => dateOf(d.day), y: 'active', fill: SERIES_COLOURS[1], fillOpacity: 0.12 }),
        Plot.lineY(data.daily, { x: (d: Day) => dateOf(d.day), y: 'active', stroke: SERIES_COLOURS[1], strokeWidth: 2 }),
        Plot.tip(data.daily, Plot.pointerX({ x: (d: Day) => dateOf(d.day), y: 'active', title: (d: Day) => `${dayName(d.day)}: ${d.active} active` })),
      ],
    }),
    [data],
  );
  return (
    <Chart
      title="Active people per day"
      description="People who used Hearth that day (UTC)."
      csvName="active-people-per-day"
      plot={plot}
      rows={data.daily}
      columns={[
        { label: 'Day', value: (d) => d.day },
        { label: 'Active people', value: (d) => d.active, numeric: true },
      ]}
    />
  );
}

/** Per week: active people, threads started and replies posted. */
export function WeeklyPostsChart({ data }: { data: AnalyticsActivity }) {
  const plot = useCallback((width: number): Plot.PlotOptions => {
    const bars = data.weekly.flatMap((w) => [
      { week: w.week, kind: 'Threads started', n: w.posts - w.replies },
      { week: w.week, kind: 'Replies', n: w.replies },
    ]);
    const every = Math.max(1, Math.ceil(data.weekly.length / Math.max(2, Math.floor(width / 70))));
    return {
      height: width < 480 ? 200 : 240,
      marginLeft: 44,
      x: { type: 'band', label: null, tickFormat: (w: string) => dayName(w), ticks: data.weekly.filter((_, i) => i % every === 0).map((w) => w.week) },
      y: { grid: true, label: 'Posts', nice: true },
      color: { domain: ['Threads started', 'Replies'], range: [SERIES_COLOURS[0], SERIES_COLOURS[2]], legend: true },
      marks: [
        Plot.barY(bars, { x: 'week', y: 'n', fill: 'kind' }),
        Plot.tip(bars, Plot.pointerX({ x: 'week', y: 'n', title: (b: { week: string; kind: string; n: number }) => `Week of ${dayName(b.week)}\n${b.kind}: ${b.n}` })),
      ],
    };
  }, [data]);
  return (
    <Chart
      title="Posts per week"
      description="Threads started and replies posted, by the week's Monday."
      csvName="posts-per-week"
      plot={plot}
      rows={data.weekly}
      columns={[
        { label: 'Week of', value: (w: Week) => w.week },
        { label: 'Active people', value: (w: Week) => w.active, numeric: true },
        { label: 'Threads started', value: (w: Week) => w.posts - w.replies, numeric: true },
        { label: 'Replies', value: (w: Week) => w.replies, numeric: true },
      ]}
    />
  );
}
