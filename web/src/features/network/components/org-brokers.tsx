import { Link } from 'wouter';
import type { NetworkReport } from '../../../../../contracts/index.ts';

/** The top brokers: name, department and betweenness as a bar (relative to the top broker) with its value. */
export function OrgBrokers({ report, limit = 10 }: { report: NetworkReport; limit?: number }) {
  const rows = report.brokers.slice(0, limit);
  if (!rows.length) return <p className="muted">Nobody connects otherwise separate colleagues in this range yet.</p>;
  const max = Math.max(...rows.map((b) => b.betweenness));
  return (
    <div className="stack-sm">
      <p className="small muted">
        People many of the shortest paths between colleagues run through: they connect groups that would otherwise rarely meet. The score is the share of
        other pairs' shortest paths that pass through them{report.brokersMethod && report.brokersMethod !== 'exact' ? ' (estimated from a sample)' : ''}.
      </p>
      <ol className="org-brokers" aria-label="Top brokers">
        {rows.map((b) => (
          <li key={b.id} className="org-broker">
            <span className="org-broker-who">
              <Link href={`/people/${b.id}`}>{b.name}</Link>
              <span className="small muted">{b.department ?? 'No department'}</span>
            </span>
            <span className="org-bar-track" aria-hidden="true">
              <span className="org-bar" style={{ width: `${(b.betweenness / max) * 100}%` }} />
            </span>
            <span className="org-broker-score">{b.betweenness.toFixed(3)}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}
