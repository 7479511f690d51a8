import * as Plot from '@observablehq/plot';
import type { QuestionResult } from '../../../../../contracts/index.ts';
import { Chart } from '../../../components/charts/chart.tsx';
import { SERIES_COLOURS } from '../../../components/charts/palette.ts';

type Bar = { label: string; value: number; count: number; share: number };

const pct = (n: number) => `${Math.round(n * 100)}%`;

/** One question's results: a bar per answer (table view and CSV from the chart kit), its average or NPS, or the written answers. */
export function QuestionChart({ q, index }: { q: QuestionResult; index: number }) {
  const title = `${index + 1}. ${q.prompt}`;
  if (q.withheld)
    return (
      <section className="survey-result" aria-label={title}>
        <h3 className="survey-result-title">{title}</h3>
        <p className="muted">Fewer than 5 people answered this question, so its results are not shown.</p>
      </section>
    );
  if (q.type === 'text')
    return (
      <section className="survey-result" aria-label={title}>
        <h3 className="survey-result-title">{title}</h3>
        {q.texts.length ? (
          <ul className="survey-texts">
            {q.texts.map((t, i) => (
              // Anonymous answers arrive shuffled and without who or when; the index is their only key.
              // biome-ignore lint/suspicious/noArrayIndexKey: the list has no ids by design.
              <li key={i}>
                <blockquote>{t.text}</blockquote>
                {t.by ? <span className="muted">— {t.by}</span> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{q.answered ? 'Written answers are shown on the whole results only.' : 'No written answers.'}</p>
        )}
      </section>
    );
  const total = q.distribution.reduce((a, d) => a + d.count, 0) || 1;
  const rows: Bar[] = q.distribution.map((d) => ({ label: d.label, value: d.value, count: d.count, share: d.count / total }));
  const headline = q.type === 'nps' ? `NPS ${q.nps ?? '–'} · average ${q.average ?? '–'} of 10` : q.type === 'likert' ? `Average ${q.average ?? '–'} of 5` : null;
  return (
    <section className="survey-result" aria-label={title}>
      <Chart<Bar>
        title={title}
        description={`${q.answered} answered${headline ? ` · ${headline}` : ''}.`}
        csvName={`question-${index + 1}`}
        rows={rows}
        columns={[
          { label: 'Answer', value: (r) => r.label },
          { label: 'People', value: (r) => r.count, numeric: true },
          { label: 'Share', value: (r) => Math.round(r.share * 1000) / 10, format: (v) => `${v}%`, numeric: true },
        ]}
        plot={(width) => ({
          height: Math.max(120, rows.length * (width < 480 ? 26 : 30) + 40),
          marginLeft: Math.min(220, Math.max(...rows.map((r) => r.label.length)) * 7 + 12),
          // Counts are whole people: whole ticks only.
          x: { label: 'People', grid: true, ticks: Math.min(10, Math.max(1, ...rows.map((r) => r.count))), tickFormat: 'd' },
          y: { label: null, domain: rows.map((r) => r.label) },
          marks: [
            Plot.barX(rows, { x: 'count', y: 'label', fill: SERIES_COLOURS[q.type === 'nps' ? 1 : 0] }),
            Plot.text(rows, { x: 'count', y: 'label', text: (r: Bar) => (r.count ? `${r.count} (${pct(r.share)})` : ''), dx: 6, textAnchor: 'start' }),
            Plot.ruleX([0]),
          ],
        })}
      />
    </section>
  );
}
