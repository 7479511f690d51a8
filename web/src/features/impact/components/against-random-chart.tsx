import * as Plot from '@observablehq/plot';
import { useCallback } from 'react';
import type { ProgramImpact } from '../../../../../contracts/index.ts';
import { Chart, type ChartColumn } from '../../../components/charts/chart.tsx';
import { SERIES_COLOURS } from '../../../components/charts/palette.ts';

type Plan = ProgramImpact['plans'][number];
export const PLAN_NAMES: Record<Plan['kind'], string> = { cohorts: 'Cohorts', rotation: 'Breakout rotation', partners: 'Learning partners' };
const SIDES = ['This program', 'Random groups'];
const COLUMNS: ChartColumn<Plan>[] = [
  { label: 'Plan', value: (p) => PLAN_NAMES[p.kind] },
  { label: 'Pairs meeting', value: (p) => p.pairsMet, numeric: true },
  { label: 'New pairs', value: (p) => p.newPairs.program, numeric: true },
  { label: 'New pairs, random', value: (p) => p.newPairs.random, numeric: true },
  { label: 'New across departments', value: (p) => p.newCrossDepartmentPairs.program, numeric: true },
  { label: 'Across departments, random', value: (p) => p.newCrossDepartmentPairs.random, numeric: true },
  { label: 'Silos bridged', value: (p) => p.silosBridged.program, numeric: true },
  { label: 'Silos bridged, random', value: (p) => p.silosBridged.random, numeric: true },
];

/** Each plan's new pairs across departments against random groups of the same people in the same sizes. */
export function AgainstRandomChart({ plans, draws }: { plans: Plan[]; draws: number }) {
  const plot = useCallback(
    (width: number): Plot.PlotOptions => {
      const bars = plans.flatMap((p) => [
        { plan: PLAN_NAMES[p.kind], side: SIDES[0], value: p.newCrossDepartmentPairs.program },
        { plan: PLAN_NAMES[p.kind], side: SIDES[1], value: p.newCrossDepartmentPairs.random },
      ]);
      return {
        height: 60 + plans.length * 56,
        marginLeft: Math.min(150, Math.max(100, Math.round(width * 0.28))),
        marginRight: 40,
        x: { label: 'New pairs across departments', grid: true },
        y: { axis: null, domain: SIDES },
        fy: { domain: plans.map((p) => PLAN_NAMES[p.kind]), label: null, axis: 'left' },
        color: { domain: SIDES, range: [SERIES_COLOURS[0], '#b9a793'], legend: true },
        marks: [
          Plot.barX(bars, { fy: 'plan', y: 'side', x: 'value', fill: 'side', tip: true, title: (d: { side: string; value: number }) => `${d.side}: ${d.value}` }),
          Plot.text(bars, { fy: 'plan', y: 'side', x: 'value', text: (d: { value: number }) => d.value.toLocaleString(), dx: 4, textAnchor: 'start', fill: '#2a1f17' }),
          Plot.ruleX([0]),
        ],
      };
    },
    [plans],
  );
  return (
    <Chart
      title="Against random groups"
      description={`New pairs across departments each plan introduced, against the mean of ${draws} random groupings of the same people in the same sizes (within the same cohorts). The table has every figure.`}
      csvName="program-against-random"
      plot={plot}
      rows={plans}
      columns={COLUMNS}
    />
  );
}
