import type { Plan, PlanMetrics } from '../../../../../contracts/index.ts';

type Row = { key: keyof PlanMetrics; label: string; better: 'higher' | 'lower'; digits?: number };

/**
 * Plan against random assignment of the same people, one pair of bars per figure. Plain text carries
 * every number (the bars only illustrate), so screen readers and high-contrast modes lose nothing.
 */
export function PlanChart({ plan, pending }: { plan: Plan; pending?: boolean }) {
  const unit = plan.kind === 'cohorts' ? 'cohort' : plan.kind === 'partners' ? 'pair' : 'group';
  const rows: Row[] = [
    { key: 'avgDepartments', label: `Departments per ${unit}`, better: 'higher', digits: 1 },
    { key: 'newTies', label: 'New ties', better: 'higher' },
    { key: 'knownPairMeetings', label: 'Close colleagues together', better: 'lower' },
  ];
  if (plan.kind === 'rotation') rows.push({ key: 'repeats', label: 'Repeated meetings', better: 'lower' });
  const fmt = (n: number, digits = 0) => n.toLocaleString(undefined, { maximumFractionDigits: digits, minimumFractionDigits: digits });
  return (
    <figure className="plan-chart" aria-busy={pending || undefined} data-pending={pending || undefined}>
      <figcaption className="plan-chart-caption">
        <span>This plan compared with random assignment of the same people</span>
        <span className="plan-chart-legend" aria-hidden="true">
          <span className="legend-swatch legend-plan" /> Plan <span className="legend-swatch legend-random" /> Random
        </span>
      </figcaption>
      <dl className="plan-chart-rows">
        {rows.map((r) => {
          const a = plan.metrics[r.key];
          const b = plan.baseline[r.key];
          const max = Math.max(a, b, r.key === 'avgDepartments' ? 1 : 0) || 1;
          const better = r.better === 'higher' ? a > b : a < b;
          return (
            <div key={r.key} className="plan-chart-row" data-metric={r.key}>
              <dt>
                {r.label} <span className="muted small">({r.better} is better)</span>
              </dt>
              <dd>
                <span className="bar-line">
                  <span className="bar-label">Plan</span>
                  <span className="bar-track">
                    <span className="bar bar-plan" style={{ width: `${(a / max) * 100}%` }} />
                  </span>
                  <span className="bar-value" data-testid={`metric-${r.key}`}>
                    {fmt(a, r.digits)}
                  </span>
                </span>
                <span className="bar-line">
                  <span className="bar-label">Random</span>
                  <span className="bar-track">
                    <span className="bar bar-random" style={{ width: `${(b / max) * 100}%` }} />
                  </span>
                  <span className="bar-value">{fmt(b, r.digits)}</span>
                </span>
                {better ? <span className="visually-hidden">The plan does better than random here.</span> : null}
              </dd>
            </div>
          );
        })}
      </dl>
    </figure>
  );
}
