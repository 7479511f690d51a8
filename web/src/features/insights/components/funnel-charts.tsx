import * as Plot from '@observablehq/plot';
import { useCallback, useState } from 'react';
import type { AnalyticsFunnels } from '../../../../../contracts/index.ts';
import { Chart } from '../../../components/charts/chart.tsx';
import { SERIES_COLOURS } from '../../../components/charts/palette.ts';
import { Field } from '../../../components/ui/field.tsx';
import { Select } from '../../../components/ui/select.tsx';

type Stage = { stage: string; people: number; share: number };
const pct = (x: number) => `${Math.round(x * 100)}%`;

/** A funnel as horizontal bars, one per stage, each labelled with its count and share of the first stage. */
function Funnel({ title, description, stages, actions, colour }: { title: string; description: string; stages: Stage[]; actions?: React.ReactNode; colour: string }) {
  const plot = useCallback(
    (width: number): Plot.PlotOptions => ({
      height: 34 + stages.length * 30,
      marginLeft: width < 480 ? 120 : 200,
      x: { grid: true, label: 'People', nice: true },
      y: { domain: stages.map((s) => s.stage), label: null },
      marks: [
        Plot.barX(stages, { x: 'people', y: 'stage', fill: colour }),
        Plot.text(stages, { x: 'people', y: 'stage', text: (s: Stage) => `${s.people} (${pct(s.share)})`, dx: 4, textAnchor: 'start' }),
      ],
    }),
    [stages, colour],
  );
  return (
    <Chart
      title={title}
      description={description}
      plot={plot}
      rows={stages}
      actions={actions}
      columns={[
        { label: 'Stage', value: (s) => s.stage },
        { label: 'People', value: (s) => s.people, numeric: true },
        { label: 'Share of enrolled', value: (s) => Math.round(s.share * 1000) / 1000, format: (v) => pct(Number(v)), numeric: true },
      ]}
    />
  );
}

const stagesOf = (enrolled: number, rest: [string, number][]): Stage[] =>
  [['Enrolled', enrolled] as [string, number], ...rest].map(([stage, people]) => ({ stage, people, share: enrolled ? people / enrolled : 0 }));

/** Pathway funnels (one at a time, chosen from the top 10) and program funnels. */
export function FunnelCharts({ data }: { data: AnalyticsFunnels }) {
  const [pathwayId, setPathwayId] = useState<string | null>(null);
  const [programId, setProgramId] = useState<string | null>(null);
  const pathway = data.pathways.find((p) => p.id === pathwayId) ?? data.pathways[0];
  const program = data.programs.find((p) => p.id === programId) ?? data.programs[0];
  return (
    <div className="insights-pair">
      {pathway ? (
        <Funnel
          title={`Pathway: ${pathway.title}`}
          description="People who enrolled in this range, how many did each step, and how many completed."
          colour={SERIES_COLOURS[2]}
          stages={stagesOf(pathway.enrolled, [...pathway.steps.map((s, i) => [`${i + 1}. ${s.title}`, s.done] as [string, number]), ['Completed', pathway.completed]])}
          actions={
            data.pathways.length > 1 && (
              <Field label="Pathway">{(p) => <Select {...p} value={pathway.id} onChange={(e) => setPathwayId(e.target.value)}>{data.pathways.map((x) => <option key={x.id} value={x.id}>{x.title}</option>)}</Select>}</Field>
            )
          }
        />
      ) : (
        <p className="muted">No pathway enrolments in this range.</p>
      )}
      {program ? (
        <Funnel
          title={`Program: ${program.title}`}
          description="People who enrolled in this range, attended (a session done or a live session joined), and completed every session."
          colour={SERIES_COLOURS[3]}
          stages={stagesOf(program.enrolled, [['Attended', program.attended], ['Completed', program.completed]])}
          actions={
            data.programs.length > 1 && (
              <Field label="Program">{(p) => <Select {...p} value={program.id} onChange={(e) => setProgramId(e.target.value)}>{data.programs.map((x) => <option key={x.id} value={x.id}>{x.title}</option>)}</Select>}</Field>
            )
          }
        />
      ) : (
        <p className="muted">No program enrolments in this range.</p>
      )}
    </div>
  );
}
