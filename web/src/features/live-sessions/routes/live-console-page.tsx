import { type FormEvent, useState } from 'react';
import { Link } from 'wouter';
import { useQueryClient } from '@tanstack/react-query';
import { type GroupOverview, LIVE_LIMITS, type LiveState, liveConsoleChannel } from '../../../../../contracts/index.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { ErrorState } from '../../../components/ui/error-state.tsx';
import { Icon } from '../../../components/ui/icon.tsx';
import { PageLoading } from '../../../components/ui/page-loading.tsx';
import { ApiError } from '../../../lib/api-error.ts';
import { plural } from '../../../lib/plural.ts';
import { relativeTime } from '../../../lib/relative-time.ts';
import { useChannel } from '../../../lib/use-channel.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { liveKeys } from '../api/live-keys.ts';
import { useLiveState } from '../api/use-live.ts';
import { useRunActions } from '../api/use-live-actions.ts';
import { Countdown } from '../components/countdown.tsx';
import { GraduationStrip } from '../components/graduation-strip.tsx';
import { PollResultsView } from '../components/poll-panel.tsx';
import { KindIcon, KINDS, minutesText } from '../components/segment-kinds.tsx';
import { AgendaList, BroadcastBanner, StatusBadge } from '../components/session-bits.tsx';
import { useLiveUpdates } from './live-session-page.tsx';
import '../live.css';

const RUN_ERRORS: Record<string, string> = {
  STALE_STATE: 'Another facilitator moved the session on at the same moment. The console now shows where it is.',
};

/** One group's activity: members, message count, last activity — never what was written. */
function GroupCard({ g, index }: { g: GroupOverview; index: number }) {
  return (
    <li className="overview-card" data-group-id={g.id} data-kind={g.kind}>
      <div className="overview-head">
        <h4>
          {g.kind === 'pair' ? 'Pair' : 'Group'} {index + 1}
        </h4>
        <span className="overview-count" data-testid="message-count">
          <Icon name="message" size={14} /> {plural(g.messageCount, 'message')}
        </span>
      </div>
      <p className="overview-members">{g.members.map((m) => m.name).join(', ')}</p>
      <p className="small muted">
        {g.lastActivityAt ? (
          <>
            Last activity <time dateTime={g.lastActivityAt}>{relativeTime(g.lastActivityAt)}</time>
          </>
        ) : (
          'No activity yet'
        )}
        {g.memberCount !== g.members.length ? ` · ${g.memberCount} present` : ''}
      </p>
    </li>
  );
}

type Waiting = NonNullable<LiveState['waitingPeople']>[number];

/** Largest group a facilitator may place someone into (the server checks it too: 409 PLACEMENT_REFUSED). */
const PLACE_MAX = { pair: 3, group: 5 } as const;

/**
 * People waiting without a group during a breakout (late joiners in pairs wait for the next arrival), each with a
 * "Place…" action: the facilitator chooses a group or pair; a pair becomes a trio only by this choice. The placed
 * person reads that group's chat from then on, never what was said before, and the dialog says so.
 */
function WaitingPeople({ st, run }: { st: LiveState; run: ReturnType<typeof useRunActions> }) {
  const [placing, setPlacing] = useState<Waiting | null>(null);
  const [choice, setChoice] = useState<string | null>(null);
  const waiting = st.waitingPeople ?? [];
  const groups = (st.groups ?? []).filter((g) => g.kind === (st.segment?.kind === 'pairs' ? 'pair' : 'group'));
  const pairs = st.segment?.kind === 'pairs';
  const error = run.place.error instanceof ApiError ? run.place.error : null;
  const open = (p: Waiting) => {
    run.place.reset();
    setChoice(null);
    setPlacing(p);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!placing || !choice) return;
    run.place.mutate({ personId: placing.id, groupId: choice }, { onSuccess: () => setPlacing(null) });
  };
  if (!st.segment || !waiting.length) return null;
  return (
    <Card title="Waiting to be placed" className="waiting-people">
      <p className="small muted">
        {pairs ? 'They arrived after the pairs formed. The next person to arrive is paired with them, or place them now.' : 'They have no group yet. Place them in one.'}
      </p>
      <ul className="waiting-list">
        {waiting.map((p) => (
          <li key={p.id} className="waiting-person" data-person-id={p.id}>
            <span>
              <strong>{p.name}</strong> <span className="muted small">{p.department ?? 'No department'}</span>
            </span>
            <Button size="sm" variant="secondary" onClick={() => open(p)} aria-label={`Place ${p.name}…`}>
              Place…
            </Button>
          </li>
        ))}
      </ul>
      <Dialog
        open={placing !== null}
        onClose={() => setPlacing(null)}
        title={placing ? `Place ${placing.name}` : 'Place'}
        footer={
          <>
            <Button variant="ghost" onClick={() => setPlacing(null)}>
              Cancel
            </Button>
            <Button type="submit" form="place-form" loading={run.place.isPending} disabled={!choice}>
              Place
            </Button>
          </>
        }
      >
        <form id="place-form" onSubmit={submit} className="stack-sm">
          <p>
            {placing?.name} will see what is written from now on — never what {pairs ? 'a pair' : 'a group'} said before.
          </p>
          {groups.length ? (
            <fieldset className="place-choices">
              <legend className="field-label">{pairs ? 'Into which pair?' : 'Into which group?'}</legend>
              {groups.map((g, i) => {
                const full = g.members.length >= PLACE_MAX[g.kind];
                return (
                  <label key={g.id} className="place-choice" data-checked={choice === g.id || undefined} data-disabled={full || undefined}>
                    <input type="radio" name="place-group" value={g.id} checked={choice === g.id} disabled={full} onChange={() => setChoice(g.id)} />
                    <span>
                      <strong>
                        {g.kind === 'pair' ? 'Pair' : 'Group'} {i + 1}
                      </strong>{' '}
                      <span className="muted small">
                        {g.members.map((m) => m.name).join(', ')}
                        {full ? (g.kind === 'pair' ? ' · already a trio' : ' · full') : g.kind === 'pair' ? ' · becomes a trio' : ''}
                      </span>
                    </span>
                  </label>
                );
              })}
            </fieldset>
          ) : (
            <p className="muted">There is no {pairs ? 'pair' : 'group'} to place them in yet.</p>
          )}
          {error ? <Alert>{error.detail}</Alert> : null}
        </form>
      </Dialog>
    </Card>
  );
}

/** Run controls: start, next segment (naming what comes next), +5 min, pull everyone back, end (confirmed). */
function RunControls({ st, run }: { st: LiveState; run: ReturnType<typeof useRunActions> }) {
  const [confirmEnd, setConfirmEnd] = useState(false);
  const s = st.session;
  const seg = st.segment;
  const idx = seg ? s.segments.findIndex((x) => x.id === seg.id) : -1;
  const next = s.segments.find((x, i) => x.status === 'pending' && i > idx) ?? null;
  const breakout = !!seg && (seg.kind === 'icebreaker' || seg.kind === 'groups' || seg.kind === 'pairs');
  const busy = Object.values(run).some((m) => m.isPending);
  // A refused placement is shown in its own dialog.
  const error = Object.entries(run)
    .filter(([k]) => k !== 'place')
    .map(([, m]) => m.error)
    .find((e) => e instanceof ApiError) as ApiError | undefined;

  return (
    <Card className="run-card" aria-labelledby="run-title">
      <div className="run-now">
        {seg ? <KindIcon kind={seg.kind} size={22} /> : <span className="kind-icon kind-plenary"><Icon name="home" size={22} /></span>}
        <div className="run-now-text">
          <p className="segment-kicker" id="run-title">
            {s.status === 'scheduled' ? 'Not started' : s.status === 'ended' ? 'Ended' : seg ? `Now · ${KINDS[seg.kind].label}` : 'Now · Main room'}
          </p>
          <h2 className="segment-title">{seg ? seg.title : s.status === 'live' ? 'Everyone is in the main room' : s.status === 'ended' ? 'Session ended' : 'Ready when you are'}</h2>
        </div>
        {seg ? <Countdown endsAt={seg.timerEndsAt} /> : null}
      </div>
      {error ? <Alert>{RUN_ERRORS[error.code] ?? error.detail}</Alert> : null}
      {s.status === 'scheduled' ? (
        <div className="run-actions">
          <Button onClick={() => run.start.mutate()} loading={run.start.isPending} disabled={busy}>
            <Icon name="flame" size={18} /> Start session
          </Button>
          <p className="field-hint">
            Starts the first segment{s.segments[0] ? `: ${s.segments[0].title} (${minutesText(s.segments[0].durationMinutes)})` : ''}. People who joined early are waiting.
          </p>
        </div>
      ) : s.status === 'live' ? (
        <>
          <div className="run-actions">
            <Button onClick={() => run.advance.mutate({ fromSegmentId: seg?.id ?? null })} loading={run.advance.isPending} disabled={busy || (!next && !seg)}>
              <Icon name="arrowRight" size={18} /> {next ? 'Next segment' : 'Finish segment'}
            </Button>
            <Button variant="secondary" onClick={() => run.extend.mutate({ minutes: 5 })} loading={run.extend.isPending} disabled={busy || !seg}>
              <Icon name="clock" size={16} /> +5 min
            </Button>
            <Button variant="secondary" onClick={() => run.recall.mutate()} loading={run.recall.isPending} disabled={busy || !breakout}>
              <Icon name="home" size={16} /> Pull everyone back
            </Button>
            <span className="spacer" />
            <Button variant="danger" onClick={() => setConfirmEnd(true)} disabled={busy}>
              End session
            </Button>
          </div>
          <p className="run-next">
            {next ? (
              <>
                <span className="muted">Up next:</span> <KindIcon kind={next.kind} size={14} /> <strong>{next.title}</strong> · {KINDS[next.kind].label} · {minutesText(next.durationMinutes)}
              </>
            ) : seg ? (
              <span className="muted">This is the last segment. “Finish segment” returns everyone to the main room.</span>
            ) : (
              <span className="muted">Every segment is done. End the session when you are ready.</span>
            )}
          </p>
        </>
      ) : (
        <p className="muted">
          The session has ended. <Link href={`/live/${s.id}/analytics`}>See talk-time analytics</Link>
        </p>
      )}
      <Dialog
        open={confirmEnd}
        onClose={() => setConfirmEnd(false)}
        title="End the session for everyone?"
        footer={
          <>
            <Button variant="ghost" onClick={() => setConfirmEnd(false)}>
              Keep running
            </Button>
            <Button variant="danger" loading={run.end.isPending} onClick={() => run.end.mutate(undefined, { onSettled: () => setConfirmEnd(false) })}>
              End session
            </Button>
          </>
        }
      >
        <p>Everyone returns to the summary. Pair chats and notes are deleted unless both partners chose to keep them. This cannot be undone.</p>
      </Dialog>
    </Card>
  );
}

/** Sends a banner to everyone. */
function BroadcastBox({ run }: { run: ReturnType<typeof useRunActions> }) {
  const [text, setText] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return;
    run.broadcast.mutate({ text: text.trim() }, { onSuccess: () => setText('') });
  };
  return (
    <form className="broadcast-form" onSubmit={submit}>
      <label htmlFor="broadcast-text" className="field-label">
        Broadcast to everyone
      </label>
      <div className="broadcast-row">
        <input id="broadcast-text" className="input" value={text} maxLength={LIVE_LIMITS.broadcast} placeholder="e.g. Two minutes left — wrap up your notes" onChange={(e) => setText(e.target.value)} />
        <Button type="submit" variant="secondary" loading={run.broadcast.isPending} disabled={!text.trim()}>
          <Icon name="megaphone" size={16} /> Send
        </Button>
      </div>
    </form>
  );
}

/**
 * /live/:id/console — the facilitator console for running a session on a laptop: where we are and what comes next,
 * run controls, broadcasts, the groups' activity (counts and times, never content) and live poll results.
 */
export function LiveConsolePage({ id }: { id: string }) {
  const state = useLiveState(id, { console: true });
  const qc = useQueryClient();
  // Arrivals, group activity (counts) and votes come on the facilitators' own channel.
  useChannel(state.data?.session.abilities.facilitate ? liveConsoleChannel(id) : null, () => void qc.invalidateQueries({ queryKey: liveKeys.state(id) }));
  const run = useRunActions(id);
  useDocumentTitle(state.data ? `Console · ${state.data.session.title}` : 'Console');
  useLiveUpdates(id, state.data, { spread: false });

  if (state.isPending) return <PageLoading label="Loading console" />;
  if (state.isError) {
    if (state.error instanceof ApiError && state.error.status === 404)
      return <EmptyState icon="search" title="We couldn't find that session" action={<Link href="/live" className="btn btn-primary">Live sessions</Link>} />;
    return <ErrorState error={state.error} title="We couldn't load the console" onRetry={() => state.refetch()} />;
  }
  const st = state.data;
  const s = st.session;
  if (!s.abilities.facilitate)
    return (
      <EmptyState icon="lock" title="Only facilitators run this session" action={<Link href={`/live/${id}`} className="btn btn-primary">Open the session</Link>}>
        You can take part from the session page.
      </EmptyState>
    );
  const groups = st.groups ?? [];
  return (
    <div className="live-page console">
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <Link href="/live">Live</Link>
        <span aria-hidden="true">/</span>
        <Link href={`/live/${id}`}>{s.title}</Link>
        <span aria-hidden="true">/</span>
        <span aria-current="page">Console</span>
      </nav>
      <header className="live-head">
        <div className="live-head-text">
          <div className="row">
            <StatusBadge status={s.status} />
            <span className="present-count" aria-live="polite">
              <Icon name="people" size={16} /> <strong>{s.presentCount}</strong> {s.presentCount === 1 ? 'participant' : 'participants'} here
              {s.capacity !== null ? ` of ${s.capacity}` : ''}
            </span>
          </div>
          <h1>{s.title}</h1>
        </div>
        <div className="row live-head-actions">
          <Link href={`/live/${id}`} className="btn btn-secondary btn-sm">
            Participant view
          </Link>
          {s.abilities.edit ? (
            <Link href={`/live/${id}/plan`} className="btn btn-secondary btn-sm">
              <Icon name="edit" size={16} /> Plan
            </Link>
          ) : null}
          <Link href={`/live/${id}/analytics`} className="btn btn-secondary btn-sm">
            Analytics
          </Link>
        </div>
      </header>
      <BroadcastBanner broadcasts={st.broadcasts} />
      <div className="console-layout">
        <div className="stack">
          <RunControls st={st} run={run} />
          {s.status === 'live' ? (
            <Card>
              <BroadcastBox run={run} />
            </Card>
          ) : null}
          <WaitingPeople st={st} run={run} />
          <Card title={st.segment?.kind === 'pairs' || groups[0]?.kind === 'pair' ? 'Pairs' : 'Groups'} className="overview" aria-live="off">
            <p className="overview-privacy">
              <Icon name="lock" size={15} /> You see activity only — members, message counts and last activity. What groups and pairs write stays private to them.
            </p>
            {groups.length ? (
              <ul className="overview-grid">
                {groups.map((g, i) => (
                  <GroupCard key={g.id} g={g} index={i} />
                ))}
              </ul>
            ) : (
              <p className="muted">Groups form when an icebreaker, small-group or pairs segment starts, among the people present.</p>
            )}
          </Card>
          {st.poll ? (
            <Card title="Poll results (live)">
              <h3 className="poll-question">{st.poll.question}</h3>
              {st.poll.results ? <PollResultsView results={st.poll.results} question={st.poll.question} scale={st.poll.scale} /> : <p className="muted">No votes yet.</p>}
            </Card>
          ) : null}
        </div>
        <aside className="stack">
          <Card title="Agenda">
            <GraduationStrip segments={s.segments} currentId={s.currentSegmentId} />
            <AgendaList segments={s.segments} currentId={s.currentSegmentId} />
          </Card>
        </aside>
      </div>
    </div>
  );
}
