import { useMemo, useState } from 'react';
import type { MatchRun, MatchRunEdit, PersonRef } from '../../../../../contracts/index.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { Icon } from '../../../components/ui/icon.tsx';
import { Input } from '../../../components/ui/input.tsx';
import { Select } from '../../../components/ui/select.tsx';
import { ApiError } from '../../../lib/api-error.ts';
import { plural } from '../../../lib/plural.ts';
import { fullTime } from '../../../lib/relative-time.ts';
import { useRunActions } from '../api/use-mentoring-actions.ts';
import { MODES, scorePct, UNMATCHED_REASON } from '../lib/labels.ts';
import { FactorChips, PersonLine, ScoreMeter } from './match-explanation.tsx';
import { ScoreHistogram } from './score-histogram.tsx';

type Sort = 'score-asc' | 'score-desc' | 'mentee' | 'mentor';

/** The mentors of a run with how many mentees the preview gives each. */
function mentorsOf(run: MatchRun): { mentor: PersonRef; load: number }[] {
  const byId = new Map<string, { mentor: PersonRef; load: number }>();
  for (const a of run.assignments) {
    const m = byId.get(a.mentor.id) ?? { mentor: a.mentor, load: 0 };
    m.load++;
    byId.set(a.mentor.id, m);
  }
  return [...byId.values()].sort((a, b) => a.mentor.name.localeCompare(b.mentor.name));
}

/** "Mentor" select of one mentee: move to another mentor of the run, or unassign. */
function MentorSelect({ run, mentee, current, mentors, disabled, onEdit }: { run: MatchRun; mentee: PersonRef; current: string | null; mentors: { mentor: PersonRef; load: number }[]; disabled: boolean; onEdit: (e: MatchRunEdit, label: string) => void }) {
  return (
    <Select
      className="mentor-select"
      aria-label={current ? `Mentor of ${mentee.name}` : `Assign ${mentee.name} to`}
      value={current ?? ''}
      disabled={disabled || !run.abilities.canEdit}
      onChange={(e) => {
        const to = e.target.value || null;
        const label = to ? (mentors.find((m) => m.mentor.id === to)?.mentor.name ?? 'the mentor') : 'nobody';
        onEdit({ menteeId: mentee.id, mentorId: to }, label);
      }}
    >
      <option value="">{current ? 'Unassign' : 'Choose a mentor…'}</option>
      {mentors.map((m) => (
        <option key={m.mentor.id} value={m.mentor.id}>
          {m.mentor.name} ({m.load} in this run)
        </option>
      ))}
    </Select>
  );
}

/** A run's preview: figures, score chart, the pairs with explanations (editable), the unmatched with reasons, and publish. */
export function RunPreview({ run }: { run: MatchRun }) {
  const actions = useRunActions();
  const [q, setQ] = useState('');
  const [sort, setSort] = useState<Sort>('score-asc');
  const [confirm, setConfirm] = useState(false);
  const [announce, setAnnounce] = useState('');
  const mentors = useMemo(() => mentorsOf(run), [run]);
  const total = run.assignments.length + run.unmatched.length;
  const avg = run.assignments.length ? run.total / run.assignments.length : null;
  const mode = MODES.find((m) => m.mode === run.mode);
  const editError = actions.edit.error instanceof ApiError ? actions.edit.error : null;
  const pending = actions.edit.isPending;
  const preview = run.status === 'preview';

  const rows = useMemo(() => {
    const needle = q.trim().toLowerCase();
    const list = run.assignments.filter((a) => !needle || a.mentee.name.toLowerCase().includes(needle) || a.mentor.name.toLowerCase().includes(needle));
    const by: Record<Sort, (a: (typeof list)[0], b: (typeof list)[0]) => number> = {
      'score-asc': (a, b) => a.score - b.score,
      'score-desc': (a, b) => b.score - a.score,
      mentee: (a, b) => a.mentee.name.localeCompare(b.mentee.name),
      mentor: (a, b) => a.mentor.name.localeCompare(b.mentor.name) || b.score - a.score,
    };
    return [...list].sort(by[sort]);
  }, [run.assignments, q, sort]);

  const edit = (e: MatchRunEdit, label: string) => {
    const who = [...run.assignments.map((a) => a.mentee), ...run.unmatched.map((u) => u.person)].find((p) => p.id === e.menteeId)?.name ?? 'Mentee';
    setAnnounce(`Saving: ${who} to ${label}…`);
    actions.edit.mutate(
      { runId: run.id, edits: [e] },
      {
        onSuccess: () => setAnnounce(e.mentorId ? `${who} is now with ${label}. Figures updated.` : `${who} is unassigned. Figures updated.`),
        onError: () => setAnnounce(''),
      },
    );
  };

  return (
    <section className="run" data-run={run.id} data-status={run.status} aria-labelledby={`run-${run.id}`}>
      <div className="run-head">
        <div>
          <h2 id={`run-${run.id}`} className="run-title">
            {preview ? 'Preview' : 'Published'} <span className={`badge ${preview ? 'badge-ember' : 'badge-moss'}`}>{preview ? 'Not published yet' : 'Live'}</span>
          </h2>
          <p className="small muted">
            {mode?.label ?? run.mode} · run {fullTime(run.createdAt)}
            {run.createdBy ? ` by ${run.createdBy.name}` : ''}
            {run.publishedAt ? ` · published ${fullTime(run.publishedAt)}` : ''}
          </p>
        </div>
        {run.abilities.canPublish ? (
          <Button onClick={() => setConfirm(true)} disabled={pending || run.assignments.length === 0}>
            <Icon name="check" size={16} /> Publish
          </Button>
        ) : null}
      </div>

      <div className="run-figures">
        <dl className="stats">
          <div className="stat">
            <dt className="stat-label">Matched</dt>
            <dd className="stat-value" data-testid="figure-matched">
              {run.assignments.length}
              <span className="stat-of"> of {total}</span>
            </dd>
          </div>
          <div className={`stat${run.worstOffScore !== null && run.worstOffScore < 400 ? ' stat-bad' : ''}`}>
            <dt className="stat-label">Worst-off pair</dt>
            <dd className="stat-value" data-testid="figure-worst">
              {run.worstOffScore === null ? '–' : `${scorePct(run.worstOffScore)}%`}
            </dd>
          </div>
          <div className="stat">
            <dt className="stat-label">Average</dt>
            <dd className="stat-value">{avg === null ? '–' : `${scorePct(avg)}%`}</dd>
          </div>
          <div className="stat">
            <dt className="stat-label">Total score</dt>
            <dd className="stat-value" data-testid="figure-total" title="Sum of the pair scores, 0–1000 each">
              {Math.round(run.total).toLocaleString()}
            </dd>
          </div>
        </dl>
        <ScoreHistogram assignments={run.assignments} />
      </div>

      <p className="visually-hidden" role="status">
        {announce}
      </p>
      {editError ? <Alert>{editError.detail}</Alert> : null}

      <div className="run-tools">
        <Input type="search" aria-label="Filter pairs by name" placeholder="Filter by name" value={q} onChange={(e) => setQ(e.target.value)} />
        <Select aria-label="Sort pairs" value={sort} onChange={(e) => setSort(e.target.value as Sort)}>
          <option value="score-asc">Weakest pairs first</option>
          <option value="score-desc">Strongest pairs first</option>
          <option value="mentee">Mentee A–Z</option>
          <option value="mentor">By mentor</option>
        </Select>
        <span className="small muted" aria-live="polite">
          {q ? `${rows.length} of ${run.assignments.length} pairs` : plural(run.assignments.length, 'pair')}
        </span>
      </div>

      <div className="table-wrap pairs-wrap" aria-busy={pending || undefined}>
        <table className="table pairs-table">
          <caption className="visually-hidden">Proposed pairs with score and the reasons</caption>
          <thead>
            <tr>
              <th scope="col">Mentee</th>
              <th scope="col">Mentor</th>
              <th scope="col">Score</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((a) => (
              <tr key={a.mentee.id} data-mentee={a.mentee.id} data-mentor={a.mentor.id}>
                <td data-label="Mentee">
                  <PersonLine person={a.mentee} size="xs" />
                </td>
                <td data-label="Mentor">
                  <span className="mentor-cell">
                    {preview && run.abilities.canEdit ? <MentorSelect run={run} mentee={a.mentee} current={a.mentor.id} mentors={mentors} disabled={pending} onEdit={edit} /> : <PersonLine person={a.mentor} size="xs" />}
                    {a.edited ? <span className="badge edited-badge">Edited</span> : null}
                  </span>
                </td>
                <td data-label="Score" className="num">
                  <ScoreMeter score={a.score} compact />
                </td>
                <td data-label="Why">
                  <FactorChips factors={a.explanation} label={`Why ${a.mentee.name} and ${a.mentor.name}`} />
                </td>
              </tr>
            ))}
            {rows.length === 0 ? (
              <tr>
                <td colSpan={4} className="muted">
                  {run.assignments.length ? 'No pair matches the filter.' : 'Nobody could be matched. See the reasons below.'}
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>

      {run.unmatched.length ? (
        <section className="unmatched" aria-labelledby={`unmatched-${run.id}`}>
          <h3 id={`unmatched-${run.id}`} className="section-title">
            Without a mentor <span className="count-badge">{run.unmatched.length}</span>
          </h3>
          <ul className="unmatched-list">
            {run.unmatched.map((u) => (
              <li key={u.person.id} className="unmatched-item" data-mentee={u.person.id}>
                <PersonLine person={u.person} size="xs" />
                <div className="unmatched-why">
                  <strong>{UNMATCHED_REASON[u.reason] ?? u.reason}</strong>
                  {u.detail ? <span className="small muted">{u.detail}</span> : null}
                </div>
                {preview && run.abilities.canEdit && mentors.length ? <MentorSelect run={run} mentee={u.person} current={null} mentors={mentors} disabled={pending} onEdit={edit} /> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <Dialog
        open={confirm}
        onClose={() => setConfirm(false)}
        title={`Publish ${plural(run.assignments.length, 'pair')}?`}
        footer={
          <>
            <Button variant="ghost" onClick={() => setConfirm(false)}>
              Keep editing
            </Button>
            <Button loading={actions.publish.isPending} onClick={() => actions.publish.mutate(run.id, { onSuccess: () => setConfirm(false) })}>
              Publish and notify
            </Button>
          </>
        }
      >
        {actions.publish.error instanceof ApiError ? <Alert>{actions.publish.error.detail}</Alert> : null}
        <p>
          Each mentor and mentee is notified and sees their match with the reasons. {run.unmatched.length ? `${plural(run.unmatched.length, 'mentee')} stay without a mentor and keep getting suggestions.` : 'Everyone in the run gets a mentor.'} A published run can't be changed.
        </p>
      </Dialog>
    </section>
  );
}
