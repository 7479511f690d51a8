import type { NetworkReport } from '../../../../../contracts/index.ts';

const pct = (x: number) => `${(x * 100).toLocaleString(undefined, { maximumFractionDigits: x < 0.01 ? 2 : 1 })}%`;
const signed = (x: number) => (x > 0 ? '+' : x < 0 ? '−' : '') + Math.abs(x).toLocaleString(undefined, { maximumFractionDigits: 2, minimumFractionDigits: 2 });

/** What an E-I value means, in words. */
export function eiWords(ei: number): string {
  if (ei <= -0.6) return 'most ties stay inside departments';
  if (ei < -0.2) return 'more ties inside departments than across';
  if (ei <= 0.2) return 'about as many ties across departments as inside';
  if (ei < 0.6) return 'more ties across departments than inside';
  return 'most ties cross departments';
}

/** The network's headline figures: people, ties, density, isolates (highlighted) and the E-I index in words. */
export function OrgHeadline({ report }: { report: NetworkReport }) {
  const ei = report.eiIndex.overall;
  return (
    <div className="stack-sm">
      <dl className="stats org-stats">
        <div className="stat">
          <dt className="stat-label">People</dt>
          <dd className="stat-value">{report.people.toLocaleString()}</dd>
        </div>
        <div className="stat">
          <dt className="stat-label">Ties</dt>
          <dd className="stat-value">{report.ties.toLocaleString()}</dd>
        </div>
        <div className="stat">
          <dt className="stat-label">Density</dt>
          <dd className="stat-value">{pct(report.density)}</dd>
        </div>
        <div className={`stat${report.isolates > 0 ? ' org-stat-flag' : ''}`}>
          <dt className="stat-label">Isolates</dt>
          <dd className="stat-value">{report.isolates.toLocaleString()}</dd>
        </div>
        <div className="stat">
          <dt className="stat-label">E-I index</dt>
          <dd className="stat-value">{ei === null ? '–' : signed(ei)}</dd>
        </div>
      </dl>
      <ul className="org-explain small muted">
        <li>
          <strong>Ties</strong> are pairs of people who replied to, mentioned or messaged each other, or met in a program or live session. <strong>Density</strong> is the share of all possible pairs that are tied.
        </li>
        <li>
          <strong>Isolates</strong> are people with no interaction in this range{report.isolates > 0 ? ': worth a welcome, an introduction or a place in the next cohort.' : '.'}
        </li>
        <li>
          <strong>E-I index</strong>: −1 = all ties inside departments, +1 = all across.{' '}
          {ei === null ? 'No ties between people with a department yet.' : `Here ${signed(ei)}: ${eiWords(ei)}.`}
        </li>
      </ul>
    </div>
  );
}
