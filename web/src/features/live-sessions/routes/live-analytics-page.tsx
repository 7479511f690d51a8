import { Link } from 'wouter';
import { Card } from '../../../components/ui/card.tsx';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { ErrorState } from '../../../components/ui/error-state.tsx';
import { Icon } from '../../../components/ui/icon.tsx';
import { PageLoading } from '../../../components/ui/page-loading.tsx';
import { ApiError } from '../../../lib/api-error.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { useMe } from '../../auth/api/use-me.ts';
import { useLiveSession, useMySessionAnalytics, useSessionAnalytics } from '../api/use-live.ts';
import { KindIcon, KINDS, minutesText } from '../components/segment-kinds.tsx';
import { StatusBadge, whenText } from '../components/session-bits.tsx';
import { MyFigures, TalkTimeChart } from '../components/talk-time-chart.tsx';
import { FeedbackCard } from '../../surveys/components/feedback-card.tsx';
import '../live.css';

const fmt = (n: number) => n.toLocaleString(undefined, { maximumFractionDigits: 1 });

/** Facilitators: totals, per-person stacked bars (or a table), minutes per segment, and the CSV export. */
function FacilitatorAnalytics({ id }: { id: string }) {
  const a = useSessionAnalytics(id, true);
  if (a.isPending) return <PageLoading label="Loading analytics" />;
  if (a.isError) return <ErrorState error={a.error} title="We couldn't load analytics" onRetry={() => a.refetch()} />;
  const t = a.data.totals;
  const people = Math.max(1, t.participants);
  const small = t.groupMinutes + t.pairMinutes;
  const all = small + t.plenaryMinutes;
  return (
    <div className="stack">
      <FeedbackCard source={{ liveSessionId: id }} />
      <Card title="Totals">
        <dl className="stats">
          <div className="stat">
            <dt className="stat-label">Participants</dt>
            <dd className="stat-value">{t.participants}</dd>
          </div>
          <div className="stat">
            <dt className="stat-label">Talking in groups & pairs</dt>
            <dd className="stat-value">{all ? Math.round((small / all) * 100) : 0}%</dd>
          </div>
          <div className="stat">
            <dt className="stat-label">Small-group min / person</dt>
            <dd className="stat-value">{fmt(t.groupMinutes / people)}</dd>
          </div>
          <div className="stat">
            <dt className="stat-label">Pair min / person</dt>
            <dd className="stat-value">{fmt(t.pairMinutes / people)}</dd>
          </div>
          <div className="stat">
            <dt className="stat-label">New people met / person</dt>
            <dd className="stat-value">{fmt(t.newPeopleMet / people)}</dd>
          </div>
          <div className="stat">
            <dt className="stat-label">Chat messages</dt>
            <dd className="stat-value">{t.chatMessages}</dd>
          </div>
          <div className="stat">
            <dt className="stat-label">Poll votes</dt>
            <dd className="stat-value">{t.pollVotes}</dd>
          </div>
        </dl>
      </Card>
      <Card title="Per person" actions={<a className="btn btn-secondary btn-sm" href={`/api/live-sessions/${encodeURIComponent(id)}/export.csv`} download><Icon name="download" size={16} /> Export CSV</a>}>
        <p className="small muted">
          <Icon name="lock" size={14} /> Minutes and counts only: what people wrote in groups and pairs is never part of analytics or exports.
        </p>
        {a.data.rows.length ? <TalkTimeChart rows={a.data.rows} /> : <p className="muted">Nobody has joined yet.</p>}
      </Card>
      <Card title="Time per segment">
        <ul className="segment-minutes">
          {a.data.segments.map((s) => (
            <li key={s.id}>
              <KindIcon kind={s.kind} size={14} /> <span className="segment-minutes-title">{s.title}</span>
              <span className="muted small">{KINDS[s.kind].label}</span>
              <strong>{fmt(s.minutes)} min</strong>
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}

/** Participants: their own talk time in this session. */
function MyAnalytics({ id, name }: { id: string; name: string }) {
  const mine = useMySessionAnalytics(id, true);
  if (mine.isPending) return <PageLoading label="Loading your talk time" />;
  if (mine.isError) {
    if (mine.error instanceof ApiError && mine.error.status === 404) return <EmptyState icon="clock" title="You did not take part in this session">Your talk time appears here after you join a session.</EmptyState>;
    return <ErrorState error={mine.error} title="We couldn't load your talk time" onRetry={() => mine.refetch()} />;
  }
  return (
    <Card title="My talk time">
      <MyFigures f={mine.data} name={name} />
      <p className="small muted">Only you see these figures. Facilitators see minutes and counts, never what you wrote.</p>
    </Card>
  );
}

/** /live/:id/analytics — talk-time analytics: charts for facilitators, "My talk time" for each participant. */
export function LiveAnalyticsPage({ id }: { id: string }) {
  const me = useMe();
  const session = useLiveSession(id);
  useDocumentTitle(session.data ? `Analytics · ${session.data.title}` : 'Analytics');
  if (session.isPending) return <PageLoading label="Loading session" />;
  if (session.isError) {
    if (session.error instanceof ApiError && session.error.status === 404)
      return <EmptyState icon="search" title="We couldn't find that session" action={<Link href="/live" className="btn btn-primary">Live sessions</Link>} />;
    return <ErrorState error={session.error} title="We couldn't load this session" onRetry={() => session.refetch()} />;
  }
  const s = session.data;
  return (
    <div className="live-page">
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <Link href="/live">Live</Link>
        <span aria-hidden="true">/</span>
        <Link href={`/live/${id}`}>{s.title}</Link>
        <span aria-hidden="true">/</span>
        <span aria-current="page">Analytics</span>
      </nav>
      <header className="live-head">
        <div className="live-head-text">
          <div className="row">
            <StatusBadge status={s.status} />
            <span className="small muted">{whenText(s.startsAt)}</span>
            {s.startedAt && s.endedAt ? <span className="small muted">· ran {minutesText(Math.round((Date.parse(s.endedAt) - Date.parse(s.startedAt)) / 60000))}</span> : null}
          </div>
          <h1>{s.abilities.facilitate ? 'Talk time' : 'My talk time'}</h1>
          <p className="muted">What counts is the minutes people spend talking in small groups and pairs, not minutes logged in.</p>
        </div>
        {s.abilities.facilitate ? (
          <div className="row live-head-actions">
            <Link href={`/live/${id}/console`} className="btn btn-secondary btn-sm">
              Console
            </Link>
          </div>
        ) : null}
      </header>
      {s.abilities.facilitate ? <FacilitatorAnalytics id={id} /> : <MyAnalytics id={id} name={me.person.name} />}
    </div>
  );
}
