import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'wouter';
import type { Program } from '../../../../../contracts/index.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { ErrorState } from '../../../components/ui/error-state.tsx';
import { Icon } from '../../../components/ui/icon.tsx';
import { PageLoading } from '../../../components/ui/page-loading.tsx';
import { RenderedHtml } from '../../../components/ui/rendered-html.tsx';
import { ApiError } from '../../../lib/api-error.ts';
import { plural } from '../../../lib/plural.ts';
import { useChannel } from '../../../lib/use-channel.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { useMe } from '../../auth/api/use-me.ts';
import { StartProgramPlan } from '../../follow-through/components/start-program-plan.tsx';
import { ProgramLiveSessions } from '../../live-sessions/components/program-live-sessions.tsx';
import { programKeys } from '../api/program-keys.ts';
import { useProgramActions } from '../api/use-program-actions.ts';
import { useProgram } from '../api/use-programs.ts';
import { Placement } from '../components/placement.tsx';
import { formatDays, ProgramBadges, seatsText } from '../components/program-badges.tsx';
import { StatusActions } from '../components/status-actions.tsx';

const dayFmt = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
const timeFmt = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });
const zoneName = (d: Date) => new Intl.DateTimeFormat(undefined, { timeZoneName: 'short' }).formatToParts(d).find((p) => p.type === 'timeZoneName')?.value ?? '';

/** The sessions, each in the viewer's own time zone; past ones are marked. */
function Schedule({ sessions }: { sessions: Program['sessions'] }) {
  if (!sessions.length) return <p className="section-empty">No sessions are scheduled yet.</p>;
  const now = Date.now();
  const sorted = [...sessions].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  return (
    <ol className="session-list">
      {sorted.map((s, i) => {
        const start = new Date(s.startsAt);
        const end = new Date(start.getTime() + s.durationMinutes * 60_000);
        const past = end.getTime() < now;
        return (
          <li key={s.id} className="session" data-past={past || undefined}>
            <span className="session-number" aria-hidden="true">
              {i + 1}
            </span>
            <div className="session-main">
              <h3 className="session-title">{s.title}</h3>
              <p className="session-when">
                <Icon name="clock" size={15} />
                <span>
                  <time dateTime={s.startsAt}>
                    {dayFmt.format(start)}, {timeFmt.format(start)}–{timeFmt.format(end)} {zoneName(start)}
                  </time>{' '}
                  · {s.durationMinutes} min
                </span>
                {past ? <span className="visually-hidden"> (past)</span> : null}
              </p>
            </div>
          </li>
        );
      })}
    </ol>
  );
}

/** Enrol, join the waitlist, or leave; explains why one cannot enrol. */
function Enrolment({ program, actions }: { program: Program; actions: ReturnType<typeof useProgramActions> }) {
  const [confirmLeave, setConfirmLeave] = useState(false);
  const mine = program.myEnrollment;
  const { cohort, groups, partners, waiting } = program.myPlacement;
  const placed = !!cohort || groups.length > 0 || partners.length > 0 || waiting.cohort || waiting.partner;
  const full = program.capacity !== null && program.enrolledCount >= program.capacity;
  const leave = () => actions.enroll.mutate(false, { onSuccess: () => setConfirmLeave(false) });
  if (mine)
    return (
      <Card className="enrol-card" warm title={mine.status === 'enrolled' ? 'You are enrolled' : 'You are on the waitlist'}>
        {mine.status === 'waitlisted' ? (
          <p className="waitlist-position">
            You are <strong>number {mine.waitlistPosition ?? '?'}</strong> in line. You get a seat as soon as one frees up.
          </p>
        ) : placed ? null : (
          <p>Your cohort and breakout groups appear here once the facilitators publish them.</p>
        )}
        <Button variant="ghost" size="sm" onClick={() => setConfirmLeave(true)}>
          {mine.status === 'enrolled' ? 'Leave program' : 'Leave the waitlist'}
        </Button>
        <Dialog
          open={confirmLeave}
          onClose={() => setConfirmLeave(false)}
          title={mine.status === 'enrolled' ? 'Leave this program?' : 'Leave the waitlist?'}
          footer={
            <>
              <Button variant="ghost" onClick={() => setConfirmLeave(false)}>
                Stay
              </Button>
              <Button variant="danger" onClick={leave} loading={actions.enroll.isPending}>
                Leave
              </Button>
            </>
          }
        >
          <p>{mine.status === 'enrolled' ? 'Your seat goes to the first person on the waitlist.' : 'You lose your place in line.'}</p>
        </Dialog>
      </Card>
    );
  if (program.abilities.canEnroll)
    return (
      <Card className="enrol-card" warm>
        <p>{full ? `All ${program.capacity} seats are taken. Join the waitlist and you move up as people leave.` : `${seatsText(program)}. Enrol to be placed in a cohort.`}</p>
        <Button onClick={() => actions.enroll.mutate(true)} loading={actions.enroll.isPending}>
          <Icon name="plus" size={18} /> {full ? 'Join the waitlist' : 'Enrol'}
        </Button>
      </Card>
    );
  if (program.status === 'open' && program.enrollment === 'assigned' && !program.abilities.canFacilitate)
    return (
      <Card className="enrol-card">
        <p className="muted">Facilitators choose who takes part in this program.</p>
      </Card>
    );
  return null;
}

/** /programs/:id: goals, schedule in local time, enrolment and, once published, the person's cohort, groups and partner. */
export function ProgramPage({ id }: { id: string }) {
  const me = useMe();
  const program = useProgram(id);
  const actions = useProgramActions(id);
  const qc = useQueryClient();
  useDocumentTitle(program.data?.title ?? 'Program');
  // Enrolment changes and published plans arrive as ids only: refetch the page through the normal route.
  useChannel(program.data ? `program:${id}` : null, () => void qc.invalidateQueries({ queryKey: programKeys.detail(id) }));
  if (program.isPending) return <PageLoading label="Loading program" />;
  if (program.isError) {
    if (program.error instanceof ApiError && program.error.status === 404)
      return (
        <EmptyState icon="search" title="We couldn't find that program" action={<Link href="/programs" className="btn btn-primary">Browse programs</Link>}>
          It may be a draft only its facilitators can see.
        </EmptyState>
      );
    return <ErrorState error={program.error} title="We couldn't load this program" onRetry={() => program.refetch()} />;
  }
  const p = program.data;
  const days = formatDays(p.startsOn, p.endsOn);
  const error = [actions.enroll.error, actions.update.error].find((e) => e instanceof ApiError) as ApiError | undefined;

  return (
    <>
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <Link href="/programs">Programs</Link>
        <span aria-hidden="true">/</span>
        <span aria-current="page" className="breadcrumb-current">
          {p.title}
        </span>
      </nav>
      {p.status === 'draft' ? (
        <div className="banner banner-amber" role="status">
          <Icon name="edit" size={18} />
          <p>
            <strong>Draft.</strong> Only facilitators see this program. Open enrolment when it is ready.
          </p>
        </div>
      ) : null}
      <header className="pathway-head program-head">
        <span className="pathway-mark pathway-mark-lg program-mark" aria-hidden="true">
          <Icon name="calendar" size={34} />
        </span>
        <div className="pathway-head-text">
          <ProgramBadges program={p} />
          <h1>{p.title}</h1>
          {p.description ? <p className="pathway-head-desc">{p.description}</p> : null}
          <ul className="community-facts">
            {days ? (
              <li>
                <Icon name="calendar" size={16} />
                {days}
              </li>
            ) : null}
            {p.facilitators.length ? (
              <li>
                <Icon name="award" size={16} />
                <span>
                  Facilitated by{' '}
                  {p.facilitators.map((f, i) => (
                    <span key={f.id}>
                      {i ? ', ' : ''}
                      <Link href={`/people/${f.id}`}>{f.name}</Link>
                    </span>
                  ))}
                </span>
              </li>
            ) : null}
            <li>
              <Icon name="people" size={16} />
              {plural(p.enrolledCount, 'person', 'people')} enrolled
              {p.status === 'open' ? ` · ${seatsText(p)}` : ''}
            </li>
            {p.waitlistCount ? (
              <li>
                <Icon name="clock" size={16} />
                {plural(p.waitlistCount, 'person', 'people')} waiting
              </li>
            ) : null}
          </ul>
        </div>
        {p.abilities.canFacilitate ? (
          <div className="pathway-manage">
            <StatusActions program={p} actions={actions} />
            <Link href={`/programs/${p.id}/plan`} className="btn btn-secondary btn-sm">
              <Icon name="people" size={16} /> People & groups
            </Link>
            <Link href={`/programs/${p.id}/edit`} className="btn btn-secondary btn-sm">
              <Icon name="edit" size={16} /> Edit
            </Link>
            <Link href={`/surveys/new?${new URLSearchParams({ audienceKind: 'program', audienceId: p.id, audienceName: `People in ${p.title}`, kind: 'program_feedback' })}`} className="btn btn-secondary btn-sm">
              <Icon name="checkCircle" size={16} /> Survey
            </Link>
            {p.status !== 'draft' && (
              <Link href={`/programs/${p.id}/impact`} className="btn btn-secondary btn-sm">
                <Icon name="globe" size={16} /> Impact
              </Link>
            )}
            {p.checkinWeeks !== null && p.status !== 'draft' && (
              <Link href={`/programs/${p.id}/checkins`} className="btn btn-secondary btn-sm">
                <Icon name="calendarCheck" size={16} /> Check-ins
              </Link>
            )}
          </div>
        ) : null}
        {p.status !== 'draft' ? (
          <nav className="pathway-manage" aria-label="Apply what you learn">
            <StartProgramPlan programId={p.id} programTitle={p.title} />
            <Link href="/plans" className="btn btn-secondary btn-sm">
              <Icon name="checkCircle" size={16} /> My plans
            </Link>
            <Link href="/journal" className="btn btn-secondary btn-sm">
              <Icon name="edit" size={16} /> Journal
            </Link>
          </nav>
        ) : null}
      </header>
      {error ? <Alert>{error.detail}</Alert> : null}
      <div className="pathway-layout">
        <div className="stack">
          <section aria-labelledby="goals-title">
            <h2 id="goals-title" className="section-title">
              Goals
            </h2>
            {p.goalsHtml ? <RenderedHtml html={p.goalsHtml} className="prose card" /> : <p className="section-empty">No goals written yet.</p>}
          </section>
          <section aria-labelledby="schedule-title">
            <h2 id="schedule-title" className="section-title">
              Schedule
            </h2>
            <Schedule sessions={p.sessions} />
          </section>
          <ProgramLiveSessions programId={p.id} canFacilitate={p.abilities.canFacilitate} />
        </div>
        <aside className="pathway-aside" aria-label="Your place in the program">
          <Enrolment program={p} actions={actions} />
          <Placement placement={p.myPlacement} myId={me.person.id} />
        </aside>
      </div>
    </>
  );
}
