import * as Plot from '@observablehq/plot';
import { useCallback, useMemo } from 'react';
import type { MatchRunAssignment } from '../../../../../contracts/index.ts';
import { Chart, type ChartColumn } from '../../../components/charts/chart.tsx';
import { SERIES_COLOURS } from '../../../components/charts/palette.ts';

type Band = { band: string; from: number; pairs: number };
const COLUMNS: ChartColumn<Band>[] = [
  { label: 'Match score', value: (b) => b.band },
  { label: 'Pairs', value: (b) => b.pairs, numeric: true },
];

/** How the pair scores spread, in ten bands of 10%; the lower half in the muted colour. */
export function ScoreHistogram({ assignments }: { assignments: MatchRunAssignment[] }) {
  const bands: Band[] = useMemo(() => {
    const counts = Array.from({ length: 10 }, () => 0);
    for (const a of assignments) counts[Math.min(9, Math.max(0, Math.floor(a.score / 100)))]++;
    return counts.map((pairs, i) => ({ band: `${i * 10}–${i * 10 + 10}%`, from: i * 10, pairs }));
  }, [assignments]);
  const plot = useCallback(
    (width: number): Plot.PlotOptions => ({
      height: width < 480 ? 160 : 180,
      x: { domain: bands.map((b) => b.band), label: 'Match score', tickFormat: (b: string, i: number) => (i % 2 === 0 ? b.split('–')[0] : '') },
      y: { label: 'Pairs', grid: true, tickFormat: 'd' },
      marks: [
        Plot.barY(bands, { x: 'band', y: 'pairs', fill: (b: Band) => (b.from < 50 ? '#c9b8a6' : SERIES_COLOURS[0]), tip: true, title: (b: Band) => `${b.band}: ${b.pairs} pairs` }),
        Plot.text(bands.filter((b) => b.pairs > 0), { x: 'band', y: 'pairs', text: (b: Band) => String(b.pairs), dy: -7, fill: '#2a1f17' }),
        Plot.ruleY([0]),
      ],
    }),
    [bands],
  );
  return (
    <Chart
      title="Pairs by match score"
      summary={`Number of pairs in each score band: ${bands.map((b) => `${b.band}: ${b.pairs}`).join('; ')}.`}
      csvName="pairs-by-match-score"
      plot={plot}
      rows={bands}
      columns={COLUMNS}
    />
  );
}
