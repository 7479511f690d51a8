import * as Plot from '@observablehq/plot';
import type { SurveyResults } from '../../../../../contracts/index.ts';
import { Chart } from '../../../components/charts/chart.tsx';

type Row = { group: string; question: string; responses: number; average: number };

/** Averages of the scale questions by department: only the groups the server shows (5 or more, not derivable). */
export function BreakdownChart({ r }: { r: SurveyResults }) {
  const rows: Row[] = (r.groups ?? []).flatMap((g) =>
    g.questions.filter((q) => !q.withheld && q.average !== null).map((q) => ({ group: g.group, question: q.prompt, responses: g.responses, average: q.average as number })),
  );
  const hidden = r.hiddenGroups ?? 0;
  return (
    <Chart<Row>
      title="Averages by department"
      description={
        hidden
          ? `${hidden} department${hidden === 1 ? ' is' : 's are'} not shown: fewer than 5 people answered there, or showing them would let a smaller group be worked out.`
          : 'Every department with 5 or more answers.'
      }
      csvName="averages-by-department"
      rows={rows}
      empty="No department has enough answers to show on its own."
      columns={[
        { label: 'Department', value: (x) => x.group },
        { label: 'Question', value: (x) => x.question },
        { label: 'Responses', value: (x) => x.responses, numeric: true },
        { label: 'Average', value: (x) => x.average, numeric: true },
      ]}
      plot={(width) => ({
        height: Math.max(140, new Set(rows.map((x) => x.question)).size * 48 + 60),
        marginLeft: width < 480 ? 120 : 260,
        x: { label: 'Average', grid: true, domain: [0, 10] },
        y: { label: null, tickFormat: (s: string) => (s.length > (width < 480 ? 18 : 40) ? `${s.slice(0, width < 480 ? 17 : 39)}…` : s) },
        color: { legend: true },
        marks: [Plot.dot(rows, { x: 'average', y: 'question', fill: 'group', r: 6, tip: true })],
      })}
    />
  );
}
