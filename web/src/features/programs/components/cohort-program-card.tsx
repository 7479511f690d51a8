import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'wouter';
import type { CohortProgram, Community } from '../../../../../contracts/index.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Avatar } from '../../../components/ui/avatar.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { Icon } from '../../../components/ui/icon.tsx';
import { InstantCheckbox } from '../../../components/ui/instant-checkbox.tsx';
import { RenderedHtml } from '../../../components/ui/rendered-html.tsx';
import { Skeleton } from '../../../components/ui/skeleton.tsx';
import { ApiError } from '../../../lib/api-error.ts';
import { useChannel } from '../../../lib/use-channel.ts';
import { useMe } from '../../auth/api/use-me.ts';
import { programKeys } from '../api/program-keys.ts';
import { useCohortProgressActions } from '../api/use-program-actions.ts';
import { useCohortProgram } from '../api/use-programs.ts';

const dayFmt = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short' });
const dayYearFmt = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
/** The day, with the year only when it is not this year. */
const day = (d: Date) => (d.getFullYear() === new Date().getFullYear() ? dayFmt : dayYearFmt).format(d);
const timeFmt = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit', timeZoneName: 'short' });

/** The sessions as deadlines in the viewer's time zone; enrolled people tick the ones they have done. */
function Deadlines({ data, actions, personId }: { data: CohortProgram; actions: ReturnType<typeof useCohortProgressActions>; personId: string }) {
  if (!data.sessions.length) return <p className="muted small">No sessions are scheduled yet.</p>;
  const canTick = data.hideMyProgress !== null;
  const now = Date.now();
  const next = data.sessions.find((s) => new Date(s.startsAt).getTime() + s.durationMinutes * 60_000 >= now)?.id;
  return (
    <ol className="cohort-sessions">
      {data.sessions.map((s) => {
        const start = new Date(s.startsAt);
        const past = start.getTime() + s.durationMinutes * 60_000 < now;
        const when = (
          <time dateTime={s.startsAt} className="cohort-session-when">
            {day(start)}, {timeFmt.format(start)}
            {past ? <span className="visually-hidden"> (past)</span> : null}
          </time>
        );
        return (
          <li key={s.id} className="cohort-session" data-past={past || undefined} data-next={s.id === next || undefined}>
            {canTick ? (
              <label className="cohort-session-check">
                <InstantCheckbox checked={s.isDone} onChange={(done) => actions.tick({ sessionId: s.id, done, personId })} />
                <span className="cohort-session-text">
                  <span className="cohort-session-title">{s.title}</span>
                  {when}
                </span>
              </label>
            ) : (
              <span className="cohort-session-text">
                <span className="cohort-session-title">{s.title}</span>
                {when}
              </span>
            )}
            {s.id === next ? <span className="cohort-next">Next</span> : null}
          </li>
        );
      })}
    </ol>
  );
}

/** Each member's sessions done as a bar, or "progress hidden". */
function MembersProgress({ data, personId }: { data: CohortProgram; personId: string }) {
  if (!data.members.length) return <p className="muted small">No members yet.</p>;
  return (
    <ul className="cohort-members">
      {data.members.map((m) => {
        const you = m.id === personId;
        const name = you ? `${m.name} (you)` : m.name;
        return (
          <li key={m.id} className="cohort-member">
            <Avatar personId={m.id} name={m.name} size="sm" />
            <div className="cohort-member-main">
              <Link href={`/people/${m.id}`} className="cohort-member-name">
                {name}
              </Link>
              {m.done === null ? (
                <span className="cohort-hidden">
                  <Icon name="lock" size={13} /> Progress hidden
                </span>
              ) : (
                <div className="progress progress-compact" data-complete={m.total > 0 && m.done >= m.total ? 'true' : undefined}>
                  <div
                    className="progress-track"
                    role="progressbar"
                    aria-label={`${name}: sessions done`}
                    aria-valuemin={0}
                    aria-valuemax={m.total}
                    aria-valuenow={m.done}
                    aria-valuetext={`${m.done} of ${m.total} sessions done`}
                  >
                    <span className="progress-fill" style={{ width: `${m.total ? Math.round((m.done / m.total) * 100) : 0}%` }} />
                  </div>
                  <span className="progress-text" aria-hidden="true">
                    {m.done} of {m.total}
                  </span>
                </div>
              )}
            </div>
          </li>
        );
      })}
    </ul>
  );
}

function Loaded({ community, data }: { community: Community; data: CohortProgram }) {
  const personId = useMe().person.id;
  const actions = useCohortProgressActions(community.id, data.program.id);
  const qc = useQueryClient();
  // Peers ticking sessions (and schedule edits) refresh the card live.
  useChannel(`program:${data.program.id}`, () => void qc.invalidateQueries({ queryKey: programKeys.cohortSpace(community.id) }));
  const failed = actions.error;
  return (
    <Card
      id="cohort-program"
      className="cohort-program"
      title={
        <>
          <Icon name="calendar" size={18} /> Program
        </>
      }
      actions={
        <Link href={`/programs/${data.program.id}`} className="btn btn-secondary btn-sm">
          Open program
        </Link>
      }
    >
      <p className="cohort-program-name">
        <strong>{data.program.title}</strong> <span className="muted">· {data.cohortName}</span>
      </p>
      {failed ? <Alert tone="error">{failed instanceof ApiError ? failed.message : 'That change was not saved. Try again.'}</Alert> : null}
      <div className="cohort-program-grid">
        <div className="stack">
          <section aria-labelledby="cohort-goals-title">
            <h3 id="cohort-goals-title" className="cohort-subtitle">
              Goals
            </h3>
            {data.program.goalsHtml ? <RenderedHtml html={data.program.goalsHtml} className="cohort-goals" /> : <p className="muted small">No goals written yet.</p>}
          </section>
          <section aria-labelledby="cohort-deadlines-title">
            <h3 id="cohort-deadlines-title" className="cohort-subtitle">
              Sessions and deadlines
            </h3>
            <Deadlines data={data} actions={actions} personId={personId} />
          </section>
        </div>
        <section aria-labelledby="cohort-progress-title">
          <h3 id="cohort-progress-title" className="cohort-subtitle">
            Members’ progress
          </h3>
          <MembersProgress data={data} personId={personId} />
          {data.hideMyProgress !== null ? (
            <label className="checkbox cohort-hide">
              <InstantCheckbox checked={data.hideMyProgress} onChange={actions.hide} />
              Hide my progress
              <span className="muted small">Others see “Progress hidden”; you still see yours.</span>
            </label>
          ) : null}
        </section>
      </div>
    </Card>
  );
}

/** The "Program" card of a cohort space: goals, sessions as deadlines to tick, and members' progress. */
export function CohortProgramCard({ community }: { community: Community }) {
  const q = useCohortProgram(community.id);
  if (q.isPending)
    return (
      <Card className="cohort-program" aria-busy="true" aria-label="Loading the program">
        <div className="stack-sm">
          <Skeleton width="40%" height={20} />
          <Skeleton height={14} />
          <Skeleton width="70%" height={14} />
        </div>
      </Card>
    );
  if (q.isError) {
    // A cohort space without a program behind it (e.g. the program was deleted) shows nothing.
    if (q.error instanceof ApiError && q.error.status === 404) return null;
    return (
      <Card className="cohort-program">
        <Alert tone="error">The program could not be loaded.</Alert>
        <button type="button" className="btn btn-secondary btn-sm cohort-retry" onClick={() => q.refetch()}>
          Try again
        </button>
      </Card>
    );
  }
  return <Loaded community={community} data={q.data} />;
}
