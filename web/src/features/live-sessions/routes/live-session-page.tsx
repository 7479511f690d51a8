import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'wouter';
import { type LiveState, liveChannel, liveGroupChannel, liveWaitingChannel } from '../../../../../contracts/index.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { ErrorState } from '../../../components/ui/error-state.tsx';
import { Icon } from '../../../components/ui/icon.tsx';
import { PageLoading } from '../../../components/ui/page-loading.tsx';
import { ApiError } from '../../../lib/api-error.ts';
import { plural } from '../../../lib/plural.ts';
import { useChannel } from '../../../lib/use-channel.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { useMe } from '../../auth/api/use-me.ts';
import { liveKeys } from '../api/live-keys.ts';
import { useDebriefs, useIceServers, useLiveState } from '../api/use-live.ts';
import { useParticipantActions, useParticipation } from '../api/use-live-actions.ts';
import { ChatPanel } from '../components/chat-panel.tsx';
import { refetchDelayMs } from '../api/refetch-spread.ts';
import { Countdown } from '../components/countdown.tsx';
import { DebriefConsentCard, KeepChoice, MyGroupCard } from '../components/my-group-card.tsx';
import { PollPanel } from '../components/poll-panel.tsx';
import { Reflection } from '../components/reflection.tsx';
import { BreakoutMedia } from '../media/breakout-media.tsx';
import { KindIcon, KINDS, minutesText } from '../components/segment-kinds.tsx';
import { AgendaList, BroadcastBanner, StatusBadge, whenText } from '../components/session-bits.tsx';
import '../live.css';

/**
 * Follows the session channel (and my group's): state changes refetch the state (spread over up to a second in big
 * sessions, see refetchDelayMs; the facilitators' console refetches at once); reconnects refetch everything.
 */
export function useLiveUpdates(id: string, state: LiveState | undefined, opts: { spread?: boolean } = {}) {
  const qc = useQueryClient();
  const presentCount = opts.spread === false ? 0 : (state?.session.presentCount ?? 0);
  const onEvent = (e: { type: string; what?: string }) => {
    if (e.type === 'resynced' || e.what !== 'chat') {
      const refetch = () => void qc.invalidateQueries({ queryKey: liveKeys.state(id) });
      const wait = e.type === 'resynced' ? 0 : refetchDelayMs(presentCount);
      if (wait > 0) setTimeout(refetch, wait);
      else refetch();
    }
    if (e.type === 'resynced' || e.what === 'debrief') void qc.invalidateQueries({ queryKey: liveKeys.debriefs(id) });
  };
  useChannel(state ? liveChannel(id) : null, onEvent);
  const groupId = state?.myGroup?.id ?? null;
  useChannel(groupId ? liveGroupChannel(groupId) : null, (e) => {
    if (e.type === 'resynced' || e.what === 'debrief' || e.what === 'groups') void qc.invalidateQueries({ queryKey: liveKeys.state(id) });
  });
  // Only while waiting for a partner: a placement (mine, or someone else's) refetches at once.
  useChannel(state?.waiting ? liveWaitingChannel(id) : null, () => void qc.invalidateQueries({ queryKey: liveKeys.state(id) }));
}

/** A late joiner during a breakout who has no group yet: they wait in the main room, and the screen says why. */
function WaitingCard({ pairs }: { pairs: boolean }) {
  return (
    <Card className="waiting-card" aria-labelledby="waiting-title">
      <div className="waiting-head">
        <span className="kind-icon kind-pairs" aria-hidden="true">
          <Icon name="clock" size={18} />
        </span>
        <h2 id="waiting-title" className="card-title">
          {pairs ? 'Waiting for a partner' : 'Waiting for a group'}
        </h2>
      </div>
      <p role="status">
        {pairs ? "You'll be paired when another person arrives or the facilitator places you." : "You'll join a group when the facilitator places you."} This page updates by itself.
      </p>
      {pairs ? (
        <p className="small muted">
          <Icon name="lock" size={14} /> Pairs that are already talking keep their conversation to themselves, so you start a new one rather than join theirs.
        </p>
      ) : null}
    </Card>
  );
}

const JOIN_ERRORS: Record<string, string> = {
  SESSION_FULL: 'This session is full: every seat is taken. A seat frees up when someone leaves — try again in a moment.',
  SESSION_ENDED: 'This session has ended, so it can no longer be joined.',
};

/** Notes that groups unanimously agreed to share, for everyone in the debrief. */
function SharedDebriefs({ id }: { id: string }) {
  const debriefs = useDebriefs(id, true);
  if (debriefs.isPending) return null;
  if (debriefs.isError) return <p className="muted">Could not load shared notes.</p>;
  return (
    <section className="stack-sm" aria-labelledby="shared-title">
      <h3 id="shared-title">Shared by groups</h3>
      {debriefs.data.items.length === 0 ? (
        <p className="muted">No group has shared its notes yet. A group's notes appear here once every member agrees.</p>
      ) : (
        <ul className="debrief-list">
          {debriefs.data.items.map((d) => (
            <li key={d.groupId} className="debrief-item" data-group-id={d.groupId}>
              <p className="small muted">
                {d.members.map((m) => m.name).join(', ')} · {d.segmentTitle}
              </p>
              <p className="debrief-notes">{d.notes || '(no notes were written)'}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Before joining: what the session is, its agenda, and a clear join button with its errors. */
function JoinCard({ state, onJoin, joining, error }: { state: LiveState; onJoin: () => void; joining: boolean; error: unknown }) {
  const s = state.session;
  const err = error instanceof ApiError ? error : null;
  const full = s.capacity !== null && s.presentCount >= s.capacity;
  return (
    <Card warm className="join-card">
      <h2 className="card-title">{s.status === 'live' ? 'This session is live now' : s.status === 'ended' ? 'This session has ended' : `Starts ${whenText(s.startsAt)}`}</h2>
      {s.status === 'ended' ? (
        <p>Thanks to everyone who took part.</p>
      ) : state.session.abilities.join ? (
        <>
          <p>
            {s.status === 'live' ? 'Join to be placed with colleagues as the groups form. ' : 'Join now and wait in the main room until the facilitator starts. '}
            {s.capacity !== null ? `${plural(s.presentCount, 'person')} of ${s.capacity} here.` : `${plural(s.presentCount, 'person', 'people')} here.`}
          </p>
          {err ? <Alert>{JOIN_ERRORS[err.code] ?? err.detail}</Alert> : null}
          <div className="row">
            <Button onClick={onJoin} loading={joining} disabled={full && !err}>
              <Icon name="arrowRight" size={18} /> {state.session.myParticipation === 'left' ? 'Join again' : 'Join session'}
            </Button>
            {full ? <span className="field-hint">Full right now.</span> : null}
          </div>
        </>
      ) : (
        <p className="muted">You are not in this session's audience.</p>
      )}
    </Card>
  );
}

/** The current segment: kind, title, prompt, timer and who can see what. */
function SegmentCard({ state }: { state: LiveState }) {
  const seg = state.segment;
  const s = state.session;
  if (!seg)
    return (
      <Card className="segment-card" data-kind="main">
        <div className="segment-head">
          <span className="kind-icon kind-plenary">
            <Icon name="home" size={18} />
          </span>
          <div>
            <p className="segment-kicker">{s.status === 'scheduled' ? 'Waiting room' : s.status === 'ended' ? 'Ended' : 'Main room'}</p>
            <h2 className="segment-title">
              {s.status === 'scheduled' ? 'The facilitator will start soon' : s.status === 'ended' ? 'This session has ended' : 'Everyone is back together'}
            </h2>
          </div>
        </div>
        {s.status === 'scheduled' ? <p className="muted">Planned for {whenText(s.startsAt)}. This page updates by itself when it starts.</p> : null}
      </Card>
    );
  return (
    <Card className="segment-card" data-kind={seg.kind} aria-labelledby="segment-title">
      <div className="segment-head">
        <KindIcon kind={seg.kind} size={20} />
        <div className="segment-head-text">
          <p className="segment-kicker">
            {KINDS[seg.kind].label} · {minutesText(seg.durationMinutes)}
          </p>
          <h2 id="segment-title" className="segment-title">
            {seg.title}
          </h2>
        </div>
        <Countdown endsAt={seg.timerEndsAt} />
      </div>
      {seg.prompt ? <p className="segment-prompt">{seg.prompt}</p> : null}
      <p className="segment-who">
        <Icon name="eyeOff" size={15} /> Who sees what you write here: {KINDS[seg.kind].who.toLowerCase()}.
      </p>
      {seg.kind === 'plenary' && seg.config.meetingUrl ? (
        <a className="btn btn-primary" href={seg.config.meetingUrl} target="_blank" rel="noopener noreferrer">
          <Icon name="link" size={18} /> Open the meeting link
        </a>
      ) : null}
    </Card>
  );
}

/**
 * /live/:id — the participant view. Joins, then follows the session: the current segment with its prompt and timer,
 * broadcasts, plenary chat, polls, my group or learning partner with chat and shared notes, reflection, the debrief
 * and the keep-partner-chat choice. Everything updates live from ids on the session and group channels.
 */
export function LiveSessionPage({ id }: { id: string }) {
  const me = useMe();
  const state = useLiveState(id);
  const participation = useParticipation(id);
  const actions = useParticipantActions(id);
  useDocumentTitle(state.data?.session.title ?? 'Live session');
  useLiveUpdates(id, state.data);
  // Calls need the STUN/TURN servers first (a call is never rebuilt mid-way because they arrived late).
  const ice = useIceServers(Boolean(state.data?.myGroup?.active));

  if (state.isPending) return <PageLoading label="Loading session" />;
  if (state.isError) {
    if (state.error instanceof ApiError && state.error.status === 404)
      return (
        <EmptyState icon="search" title="We couldn't find that session" action={<Link href="/live" className="btn btn-primary">Live sessions</Link>}>
          It may have been removed, or it is for people you are not among.
        </EmptyState>
      );
    return <ErrorState error={state.error} title="We couldn't load this session" onRetry={() => state.refetch()} />;
  }
  const st = state.data;
  const s = st.session;
  const seg = st.segment;
  const group = st.myGroup;
  const inBreakout = !!seg && (seg.kind === 'icebreaker' || seg.kind === 'groups' || seg.kind === 'pairs');
  const isFacilitator = st.role === 'facilitator';

  const main = () => {
    if (!st.present && !isFacilitator) return <JoinCard state={st} onJoin={() => participation.join.mutate()} joining={participation.join.isPending} error={participation.join.error} />;
    return (
      <>
        <SegmentCard state={st} />
        {seg && st.poll ? (
          <Card>
            <PollPanel poll={st.poll} onVote={(v) => actions.vote.mutate({ segmentId: st.poll?.segmentId ?? seg.id, ...v })} voting={actions.vote.isPending} error={actions.vote.error} />
          </Card>
        ) : null}
        {seg && (seg.kind === 'chat' || seg.kind === 'plenary') ? (
          <Card>
            <ChatPanel sessionId={id} groupId={null} channel={liveChannel(id)} meId={me.person.id} title="Session chat" notice={<span className="small muted">Everyone in the session sees this chat.</span>} />
          </Card>
        ) : null}
        {inBreakout && st.waiting ? <WaitingCard pairs={seg?.kind === 'pairs'} /> : null}
        {inBreakout && !group && !st.waiting && !isFacilitator ? (
          <Card>
            <p className="muted">You are being placed in a group… this updates by itself.</p>
          </Card>
        ) : null}
        {inBreakout && isFacilitator ? (
          <Alert tone="info">Breakouts are private to their members. Follow activity (never content) in the console.</Alert>
        ) : null}
        {group && s.status === 'ended' && group.kind === 'pair' && !group.keep?.all ? (
          <Card>
            <p>
              <Icon name="lock" size={16} /> Your learning-partner conversation with {group.members.filter((m) => m.id !== me.person.id).map((m) => m.name).join(' and ')} was deleted when the session ended, as
              agreed: it was not kept by both of you.
            </p>
          </Card>
        ) : group && (group.active || !seg || seg.kind === 'debrief' || seg.kind === 'reflection') ? (
          <>
            {seg?.kind === 'debrief' ? <DebriefConsentCard group={group} saving={actions.consent.isPending} onChange={(share) => actions.consent.mutate({ groupId: group.id, share })} /> : null}
            <MyGroupCard
              sessionId={id}
              group={group}
              meId={me.person.id}
              media={
                // Opt-in audio/video for the group or pair (peer-to-peer); chat and notes work without it.
                group.active && !ice.isPending ? (
                  <BreakoutMedia groupId={group.id} me={{ id: me.person.id, name: me.person.name }} members={group.members} iceServers={ice.data?.iceServers ?? []} />
                ) : null
              }
              ended={s.status === 'ended'}
              footer={s.status === 'ended' ? null : <KeepChoice group={group} saving={actions.keep.isPending} onChange={(keep) => actions.keep.mutate({ groupId: group.id, keep })} />}
            />
          </>
        ) : null}
        {seg?.kind === 'reflection' ? (
          <Card>
            <Reflection sessionId={id} segmentId={seg.id} prompt={seg.prompt} />
          </Card>
        ) : null}
        {seg?.kind === 'debrief' ? (
          <Card>
            <SharedDebriefs id={id} />
          </Card>
        ) : null}
        {actions.consent.error instanceof ApiError || actions.keep.error instanceof ApiError ? <Alert>{((actions.consent.error ?? actions.keep.error) as ApiError).detail}</Alert> : null}
        {s.status === 'ended' && st.present !== undefined ? (
          <Card>
            <p>
              Thanks for taking part. <Link href={`/live/${id}/analytics`}>See your talk time</Link>
            </p>
          </Card>
        ) : null}
      </>
    );
  };

  return (
    <div className="live-page">
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <Link href="/live">Live</Link>
        <span aria-hidden="true">/</span>
        <span aria-current="page" className="breadcrumb-current">
          {s.title}
        </span>
      </nav>
      <header className="live-head">
        <div className="live-head-text">
          <div className="row">
            <StatusBadge status={s.status} />
            {s.program ? (
              <Link href={`/programs/${s.program.id}`} className="chip chip-sky">
                {s.program.title}
              </Link>
            ) : null}
            <span className="small muted">
              <Icon name="people" size={14} /> {plural(s.presentCount, 'person', 'people')} here
            </span>
          </div>
          <h1>{s.title}</h1>
          {s.facilitators.length ? <p className="muted small">Facilitated by {s.facilitators.map((f) => f.name).join(', ')}</p> : null}
        </div>
        <div className="row live-head-actions">
          {s.abilities.facilitate ? (
            <Link href={`/live/${id}/console`} className="btn btn-primary btn-sm">
              <Icon name="megaphone" size={16} /> Console
            </Link>
          ) : null}
          {st.present && s.status !== 'ended' ? (
            <Button variant="ghost" size="sm" onClick={() => participation.leave.mutate()} loading={participation.leave.isPending}>
              Leave
            </Button>
          ) : null}
        </div>
      </header>
      <BroadcastBanner broadcasts={st.broadcasts} />
      {isFacilitator ? (
        <p className="small muted facilitator-note">
          <Icon name="shield" size={14} /> You facilitate this session, so you see what everyone sees — but not the groups' or pairs' chat and notes.
        </p>
      ) : null}
      <div className="live-layout">
        <div className="stack live-main">{main()}</div>
        <aside className="live-aside" aria-label="Agenda">
          <Card title="Agenda">
            <AgendaList segments={s.segments} currentId={s.currentSegmentId} compact />
          </Card>
        </aside>
      </div>
    </div>
  );
}
