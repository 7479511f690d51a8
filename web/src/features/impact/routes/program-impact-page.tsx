import { Link } from 'wouter';
import type { ProgramImpact } from '../../../../../contracts/index.ts';
import { Card } from '../../../components/ui/card.tsx';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { ErrorState } from '../../../components/ui/error-state.tsx';
import { Icon } from '../../../components/ui/icon.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { Skeleton } from '../../../components/ui/skeleton.tsx';
import { ApiError } from '../../../lib/api-error.ts';
import { plural } from '../../../lib/plural.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { useProgramImpact } from '../api/use-program-impact.ts';
import { AgainstRandomChart, PLAN_NAMES } from '../components/against-random-chart.tsx';
import '../components/impact.css';

const day = (d: string) => new Date(`${d}T00:00:00`).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
const pct = (x: number) => `${Math.round(x * 100)}%`;
const times = (a: number, b: number) => (b > 0 && a >= 1.5 * b ? `${(a / b).toLocaleString(undefined, { maximumFractionDigits: 1 })} times as many` : null);

/** One figure in a tile, with a line saying what it is against. */
function Stat({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <div className="stat">
      <dt className="stat-label">{label}</dt>
      <dd className="stat-value">{value}</dd>
      {note && <dd className="stat-note">{note}</dd>}
    </div>
  );
}

/** The sentence a sponsor reads first. */
function lead(r: ProgramImpact): string {
  const parts = [`${plural(r.members, 'member')} from ${plural(r.departments, 'department')} made ${plural(r.observed.newTies, 'new tie')} during the program`];
  if (r.observed.silosBefore > 0) parts.push(`bridging ${r.observed.silosBridged} of the ${plural(r.observed.silosBefore, 'department pair')} that had no tie before`);
  let s = `${parts.join(', ')}.`;
  const best = [...r.plans].sort((a, b) => b.newCrossDepartmentPairs.program - a.newCrossDepartmentPairs.program)[0];
  if (best) {
    const c = best.newCrossDepartmentPairs;
    const x = times(c.program, c.random);
    s += ` Its ${PLAN_NAMES[best.kind].toLowerCase()} introduced ${plural(c.program, 'new pair')} across departments, against ${c.random.toLocaleString()} for random groups of the same sizes${x ? ` (${x})` : ''}.`;
  }
  return s;
}

function Report({ r }: { r: ProgramImpact }) {
  const e = r.engagement;
  return (
    <div className="stack">
      <p className="impact-lead">{lead(r)}</p>
      <Card title="Who became connected">
        <dl className="stats impact-stats">
          <Stat label="New ties among members" value={r.observed.newTies.toLocaleString()} note={`${r.observed.tiesBefore.toLocaleString()} pairs were tied before`} />
          <Stat label="Of those, across departments" value={r.observed.newCrossDepartmentTies.toLocaleString()} />
          <Stat label="Silos bridged" value={`${r.observed.silosBridged} of ${r.observed.silosBefore}`} note="department pairs with no tie before" />
        </dl>
        <p className="small muted">Ties come from replies, mentions, answers, messages (counts only), mentoring, cohorts, groups and pairs, among this program's members.</p>
      </Card>
      <Card title="What the groups arranged">
        {r.plans.length ? (
          <AgainstRandomChart plans={r.plans} draws={r.draws} />
        ) : (
          <p className="muted">No plan has been published for this program yet, so there is nothing to compare with random groups.</p>
        )}
      </Card>
      <Card title="Feedback">
        {r.surveys.length === 0 ? (
          <p className="muted">No survey of this program has results you can see yet. Feedback opens by itself when its live sessions end.</p>
        ) : (
          <ul className="impact-surveys">
            {r.surveys.map((v) => (
              <li key={v.id}>
                <div className="impact-survey-head">
                  <Link href={`/surveys/${v.id}/results`}>{v.title}</Link>
                  <span className="small muted">{v.withheld ? 'Fewer than 5 responses: results are kept back until there are 5.' : plural(v.responses ?? 0, 'response')}</span>
                </div>
                {v.questions.length > 0 && (
                  <dl className="impact-survey-figures small">
                    {v.questions.map((q) => (
                      <div key={q.prompt}>
                        <dt>{q.prompt}</dt>
                        <dd>{q.nps !== null ? `NPS ${q.nps > 0 ? '+' : ''}${Math.round(q.nps)}` : `${(q.average ?? 0).toLocaleString(undefined, { maximumFractionDigits: 1 })} of 5`}</dd>
                      </div>
                    ))}
                  </dl>
                )}
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card title="Taking part">
        <dl className="stats impact-stats">
          <Stat label="Completed every session" value={e.sessions ? `${e.completed} of ${r.members}` : '–'} note={e.sessions ? plural(e.sessions, 'session') : 'no sessions scheduled'} />
          <Stat label="Sessions marked done" value={e.progress === null ? '–' : pct(e.progress)} />
          <Stat label="Attended a live session" value={e.liveSessions ? `${e.attended} of ${r.members}` : '–'} note={plural(e.liveSessions, 'live session')} />
          <Stat label="Minutes in live sessions" value={e.liveMinutes.toLocaleString()} note={e.medianLiveMinutes === null ? undefined : `median ${e.medianLiveMinutes} per attendee`} />
        </dl>
      </Card>
    </div>
  );
}

/** /programs/:id/impact: before and after for a program's members, printable and as CSV. */
export function ProgramImpactPage({ id }: { id: string }) {
  const q = useProgramImpact(id);
  useDocumentTitle(q.data ? `Impact · ${q.data.program.title}` : 'Program impact');
  if (q.isPending)
    return (
      <div className="stack" aria-busy="true" aria-label="Loading the impact report">
        <Skeleton height={60} />
        <Skeleton height={160} />
        <Skeleton height={260} />
      </div>
    );
  if (q.isError) {
    if (q.error instanceof ApiError && q.error.status === 404)
      return (
        <EmptyState icon="search" title="We couldn't find that report" action={<Link href="/programs" className="btn btn-primary">Browse programs</Link>}>
          Impact reports are for a program's facilitators, org admins and analysts.
        </EmptyState>
      );
    return <ErrorState error={q.error} title="We couldn't load the report" onRetry={() => q.refetch()} />;
  }
  const r = q.data;
  return (
    <>
      <PageHeader
        title={`Impact: ${r.program.title}`}
        subtitle={`${day(r.from)} to ${day(r.to)}${r.program.endsOn && r.to < r.program.endsOn ? ' (so far)' : ''}`}
        actions={
          <div className="row impact-actions">
            <Link href={`/programs/${r.program.id}`} className="btn btn-ghost btn-sm">
              Back to the program
            </Link>
            <a className="btn btn-secondary btn-sm" href={`/api/programs/${encodeURIComponent(r.program.id)}/impact.csv`} download>
              <Icon name="download" size={16} /> CSV
            </a>
            <button type="button" className="btn btn-primary btn-sm" onClick={() => window.print()}>
              Print
            </button>
          </div>
        }
      />
      <Report r={r} />
    </>
  );
}
