import * as Plot from '@observablehq/plot';
import { useCallback } from 'react';
import type { SkillGap } from '../../../../../contracts/index.ts';
import { Chart, type ChartColumn } from '../../../components/charts/chart.tsx';
import { SERIES_COLOURS } from '../../../components/charts/palette.ts';

const COLUMNS: ChartColumn<SkillGap>[] = [
  { label: 'Skill', value: (s) => s.skill },
  { label: 'Want to learn', value: (s) => s.wanted, numeric: true },
  { label: 'Could teach', value: (s) => s.offered, numeric: true },
  { label: 'Gap', value: (s) => s.gap, numeric: true },
];

/** The skills with the largest gaps: people who want each against people who could teach it, side by side. */
export function SkillGapsChart({ skills }: { skills: SkillGap[] }) {
  const top = skills.slice(0, 12);
  const plot = useCallback(
    (width: number): Plot.PlotOptions => {
      const bars = top.flatMap((s) => [
        { skill: s.skill, side: 'Want to learn', people: s.wanted },
        { skill: s.skill, side: 'Could teach', people: s.offered },
      ]);
      return {
        height: 40 + top.length * 36,
        marginLeft: Math.min(180, Math.max(90, Math.round(width * 0.3))),
        x: { label: 'People', grid: true },
        y: { axis: null, domain: ['Want to learn', 'Could teach'] },
        fy: { domain: top.map((s) => s.skill), label: null, axis: 'left', tickFormat: (s: string) => (s.length > 22 ? `${s.slice(0, 21)}…` : s) },
        color: { domain: ['Want to learn', 'Could teach'], range: [SERIES_COLOURS[0], SERIES_COLOURS[1]], legend: true },
        marks: [
          Plot.barX(bars, { fy: 'skill', y: 'side', x: 'people', fill: 'side', tip: true, title: (d: { skill: string; side: string; people: number }) => `${d.skill}\n${d.side}: ${d.people}` }),
          Plot.ruleX([0]),
        ],
      };
    },
    [top],
  );
  return (
    <Chart
      title="Largest gaps"
      description="People who want to learn each skill against people who could teach it."
      csvName="skill-gaps"
      plot={plot}
      rows={skills}
      columns={COLUMNS}
    />
  );
}
