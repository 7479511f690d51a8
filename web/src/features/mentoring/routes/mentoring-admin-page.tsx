import { useState } from 'react';
import { Link } from 'wouter';
import type { MentoringMatchMode } from '../../../../../contracts/index.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { ErrorState } from '../../../components/ui/error-state.tsx';
import { Icon } from '../../../components/ui/icon.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { Field } from '../../../components/ui/field.tsx';
import { Select } from '../../../components/ui/select.tsx';
import { Skeleton } from '../../../components/ui/skeleton.tsx';
import { ApiError } from '../../../lib/api-error.ts';
import { plural } from '../../../lib/plural.ts';
import { fullTime } from '../../../lib/relative-time.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { useMe } from '../../auth/api/use-me.ts';
import { useRelationships, useRun, useRuns } from '../api/use-mentoring.ts';
import { useRunActions } from '../api/use-mentoring-actions.ts';
import { PersonLine, ScoreMeter } from '../components/match-explanation.tsx';
import { RunPreview } from '../components/run-preview.tsx';
import { MODES } from '../lib/labels.ts';
import '../mentoring.css';

/** Mode choice (radio cards with a one-line explanation each) and the Run button. */
function RunForm({ onRun }: { onRun: (id: string) => void }) {
  const [mode, setMode] = useState<MentoringMatchMode>('optimal');
  const { create } = useRunActions();
  return (
    <form
      className="stack-sm"
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate({ mode }, { onSuccess: (run) => onRun(run.id) });
      }}
    >
      <fieldset className="mode-picker">
        <legend>What should matching aim for?</legend>
        {MODES.map((m) => (
          <label key={m.mode} className="mode-option" data-checked={mode === m.mode || undefined}>
            <input type="radio" name="mode" value={m.mode} checked={mode === m.mode} onChange={() => setMode(m.mode)} />
            <span>
              <strong>{m.label}</strong>
              <span className="small muted mode-line">{m.line}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <p className="small muted">Everyone with an active mentor or mentee profile who has no active mentor yet takes part. Nobody is told anything until you publish.</p>
      {create.error ? <Alert>{create.error instanceof ApiError ? create.error.detail : 'Matching failed.'}</Alert> : null}
      <div className="row">
        <Button type="submit" loading={create.isPending}>
          <Icon name="sparkle" size={16} /> Run matching
        </Button>
        {create.isPending ? (
          <span className="small muted" role="status">
            Finding the best pairs…
          </span>
        ) : null}
      </div>
    </form>
  );
}

/** The organization's relationships (programme view): pair, status, goal progress; each opens the read-only page. */
function ProgramRelationships() {
  const list = useRelationships('program');
  if (list.isPending) return <Skeleton height={80} />;
  if (list.isError) return <ErrorState error={list.error} title="We couldn't load the relationships" onRetry={() => list.refetch()} />;
  if (!list.data.items.length) return <p className="muted">No relationships yet. They appear here once a run is published or a mentor accepts a request.</p>;
  return (
    <div className="table-wrap">
      <table className="table rel-table">
        <caption className="visually-hidden">Mentoring and coaching relationships in the organization</caption>
        <thead>
          <tr>
            <th scope="col">Mentee</th>
            <th scope="col">Mentor</th>
            <th scope="col">Score</th>
            <th scope="col">Goals</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {list.data.items.map((r) => (
            <tr key={r.id} data-relationship={r.id}>
              <td data-label="Mentee">
                <PersonLine person={r.mentee} size="xs" />
              </td>
              <td data-label="Mentor">
                <PersonLine person={r.mentor} size="xs" />
              </td>
              <td data-label="Score">
                <ScoreMeter score={r.score} compact />
              </td>
              <td data-label="Goals">{r.goalProgress === null ? <span className="muted">–</span> : `${r.goalProgress}%`}</td>
              <td data-label="Status">
                <Link href={`/mentoring/relationships/${r.id}`} aria-label={`${r.status === 'ended' ? 'Closed' : r.kind === 'coaching' ? 'Coaching' : 'Active'}: open ${r.mentee.name} and ${r.mentor.name}`}>
                  {r.status === 'ended' ? 'Closed' : r.kind === 'coaching' ? 'Coaching' : 'Active'} <Icon name="chevronRight" size={14} />
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** /mentoring/admin (admins and facilitators): run matching, preview with explanations, edit, publish; past runs; relationships. */
export function MentoringAdminPage() {
  useDocumentTitle('Programme matching');
  const me = useMe();
  const allowed = me.person.roles.includes('admin') || me.person.roles.includes('facilitator');
  const runs = useRuns(allowed);
  const [picked, setPicked] = useState<string | null>(null);
  const selected = picked ?? runs.data?.items[0]?.id ?? null;
  const run = useRun(selected);

  if (!allowed)
    return (
      <EmptyState icon="lock" title="Only programme admins and facilitators run matching" action={<Link href="/mentoring" className="btn btn-primary">Back to mentoring</Link>}>
        You can still find a mentor or offer to mentor on your mentoring page.
      </EmptyState>
    );
  return (
    <div className="mentoring-admin">
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <Link href="/mentoring">Mentoring</Link>
        <span aria-hidden="true">/</span>
        <span aria-current="page">Programme matching</span>
      </nav>
      <PageHeader title="Programme matching" subtitle="Pair every mentee with a mentor at once: see the preview with the reasons, adjust it, then publish." />
      <Card title="New run" className="new-run">
        <RunForm onRun={setPicked} />
      </Card>
      {runs.isError ? <ErrorState error={runs.error} title="We couldn't load the runs" onRetry={() => runs.refetch()} /> : null}
      {runs.data && runs.data.items.length > 1 ? (
        <div className="run-picker">
          <Field label="Show run">
            {(p) => (
              <Select {...p} value={selected ?? ''} onChange={(e) => setPicked(e.target.value)}>
                {runs.data.items.slice(0, 50).map((r) => (
                  <option key={r.id} value={r.id}>
                    {fullTime(r.createdAt)} · {MODES.find((m) => m.mode === r.mode)?.label ?? r.mode} · {r.status === 'published' ? 'published' : 'preview'} · {plural(r.pairs, 'pair')}, {r.unmatched} unmatched
                  </option>
                ))}
              </Select>
            )}
          </Field>
        </div>
      ) : null}
      {run.data ? (
        <Card className="run-card">
          <RunPreview run={run.data} />
        </Card>
      ) : run.isError ? (
        <ErrorState error={run.error} title="We couldn't load this run" onRetry={() => run.refetch()} />
      ) : selected || runs.isPending ? (
        <Skeleton height={240} />
      ) : (
        <Card>
          <EmptyState icon="sparkle" title="No matching run yet">
            Choose what matching should aim for and press “Run matching”. You see every pair with its reasons before anyone else does.
          </EmptyState>
        </Card>
      )}
      <section className="mentoring-section" aria-labelledby="program-rels">
        <h2 id="program-rels" className="section-title">
          Relationships
        </h2>
        <ProgramRelationships />
      </section>
    </div>
  );
}
