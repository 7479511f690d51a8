import * as Plot from '@observablehq/plot';
import { useCallback } from 'react';
import type { AnalyticsRow, TalkTimeFigures } from '../../../../../contracts/index.ts';
import { Chart, type ChartColumn } from '../../../components/charts/chart.tsx';

const fmt = (n: number) => n.toLocaleString(undefined, { maximumFractionDigits: 1 });
const PARTS = [
  { key: 'plenaryMinutes', label: 'Plenary', cls: 'stage-plenary' },
  { key: 'groupMinutes', label: 'Small groups', cls: 'stage-groups' },
  { key: 'pairMinutes', label: 'Pairs', cls: 'stage-pairs' },
] as const;

/** One person's minutes as a stacked bar; the figures are in the label. */
function StackedBar({ f, max, name }: { f: TalkTimeFigures; max: number; name: string }) {
  const total = f.plenaryMinutes + f.groupMinutes + f.pairMinutes;
  const label = `${name}: ${fmt(f.plenaryMinutes)} min plenary, ${fmt(f.groupMinutes)} min in small groups, ${fmt(f.pairMinutes)} min in pairs`;
  return (
    <span className="stack-bar-line">
      <span className="stack-bar-track" role="img" aria-label={label}>
        {PARTS.map((p) => (
          <span key={p.key} className={`stack-bar ${p.cls}`} style={{ width: `${(f[p.key] / max) * 100}%` }} title={`${p.label}: ${fmt(f[p.key])} min`} />
        ))}
      </span>
      <span className="stack-bar-total">{fmt(total)} min</span>
    </span>
  );
}

/** Legend of the stacked bars. */
export function TalkLegend() {
  return (
    <p className="talk-legend" aria-hidden="true">
      {PARTS.map((p) => (
        <span key={p.key}>
          <span className={`grad-swatch ${p.cls}`} /> {p.label}
        </span>
      ))}
    </p>
  );
}

const COLOURS: Record<(typeof PARTS)[number]['key'], string> = { plenaryMinutes: '#1f5a8c', groupMinutes: '#b3401a', pairMinutes: '#2f7d4a' };
const COLUMNS: ChartColumn<AnalyticsRow>[] = [
  { label: 'Person', value: (r) => r.name },
  { label: 'Plenary min', value: (r) => r.plenaryMinutes, numeric: true, format: (v) => fmt(Number(v)) },
  { label: 'Group min', value: (r) => r.groupMinutes, numeric: true, format: (v) => fmt(Number(v)) },
  { label: 'Pair min', value: (r) => r.pairMinutes, numeric: true, format: (v) => fmt(Number(v)) },
  { label: 'New people met', value: (r) => r.newPeopleMet, numeric: true },
  { label: 'Chat messages', value: (r) => r.chatMessages, numeric: true },
  { label: 'Poll votes', value: (r) => r.pollVotes, numeric: true },
];

/**
 * Per person: minutes in plenary / small groups / pairs as stacked bars (the chart kit: a table view with new people
 * met, chat messages and poll votes too, and a CSV). Counts and minutes only — never content.
 */
export function TalkTimeChart({ rows }: { rows: AnalyticsRow[] }) {
  const plot = useCallback(
    (width: number): Plot.PlotOptions => {
      const parts = rows.flatMap((r) => PARTS.map((p) => ({ name: r.name, part: p.label, minutes: r[p.key] })));
      return {
        height: 50 + rows.length * 28,
        marginLeft: Math.min(160, Math.max(90, Math.round(width * 0.25))),
        x: { label: 'Minutes', grid: true },
        y: { domain: rows.map((r) => r.name), label: null },
        color: { domain: PARTS.map((p) => p.label), range: PARTS.map((p) => COLOURS[p.key]), legend: true },
        marks: [
          Plot.barX(parts, { y: 'name', x: 'minutes', fill: 'part', tip: true, title: (d: { name: string; part: string; minutes: number }) => `${d.name}\n${d.part}: ${fmt(d.minutes)} min` }),
          Plot.ruleX([0]),
        ],
      };
    },
    [rows],
  );
  return (
    <Chart
      title="Talk time per person"
      description="Minutes in plenary, small groups and pairs; the table adds new people met, chat messages and poll votes."
      csvName="talk-time-per-person"
      plot={plot}
      rows={rows}
      columns={COLUMNS}
    />
  );
}

/** One person's own figures: a stacked bar and the counts, in words. */
export function MyFigures({ f, name }: { f: TalkTimeFigures; name: string }) {
  const total = f.plenaryMinutes + f.groupMinutes + f.pairMinutes;
  const small = f.groupMinutes + f.pairMinutes;
  return (
    <div className="stack-sm my-figures">
      <TalkLegend />
      <StackedBar f={f} max={Math.max(1, total)} name={name} />
      <p>
        {total > 0 ? (
          <>
            <strong>{Math.round((small / total) * 100)}%</strong> of your time was spent talking in small groups or with your partner.
          </>
        ) : (
          'No time recorded yet.'
        )}
      </p>
      <dl className="stats">
        <div className="stat">
          <dt className="stat-label">Small groups</dt>
          <dd className="stat-value">{fmt(f.groupMinutes)} min</dd>
        </div>
        <div className="stat">
          <dt className="stat-label">With partner</dt>
          <dd className="stat-value">{fmt(f.pairMinutes)} min</dd>
        </div>
        <div className="stat">
          <dt className="stat-label">Plenary</dt>
          <dd className="stat-value">{fmt(f.plenaryMinutes)} min</dd>
        </div>
        <div className="stat">
          <dt className="stat-label">New people met</dt>
          <dd className="stat-value">{f.newPeopleMet}</dd>
        </div>
        <div className="stat">
          <dt className="stat-label">Chat messages</dt>
          <dd className="stat-value">{f.chatMessages}</dd>
        </div>
        <div className="stat">
          <dt className="stat-label">Polls voted</dt>
          <dd className="stat-value">{f.pollVotes}</dd>
        </div>
      </dl>
    </div>
  );
}
