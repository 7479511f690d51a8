import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import { LIVE_LIMITS, type SegmentKind } from '../../../../../contracts/index.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { ErrorState } from '../../../components/ui/error-state.tsx';
import { Icon } from '../../../components/ui/icon.tsx';
import { PageLoading } from '../../../components/ui/page-loading.tsx';
import { Select } from '../../../components/ui/select.tsx';
import { ApiError } from '../../../lib/api-error.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { useLiveSession } from '../api/use-live.ts';
import { usePlanActions } from '../api/use-live-actions.ts';
import { applyPatch, type DraftSegment, localErrors, newDraft, SegmentRow, toDraft, toInput } from '../components/agenda-editor.tsx';
import { GraduationStrip } from '../components/graduation-strip.tsx';
import { KIND_ORDER, KINDS, minutesText } from '../components/segment-kinds.tsx';
import { StatusBadge, whenText } from '../components/session-bits.tsx';
import '../live.css';

/**
 * /live/:id/plan — the agenda editor: segments with kind, title, prompt, minutes and per-kind settings; add, remove
 * and reorder with buttons (keyboard-friendly); total time and the graduation strip update as you type. While the
 * session runs, done and running segments are locked. Server field errors land on their field.
 */
export function LivePlanPage({ id }: { id: string }) {
  const session = useLiveSession(id);
  const { saveAgenda } = usePlanActions(id);
  const [drafts, setDrafts] = useState<DraftSegment[] | null>(null);
  const [dirty, setDirty] = useState(false);
  const [touched, setTouched] = useState(false);
  const [addKind, setAddKind] = useState<SegmentKind>('groups');
  const [saved, setSaved] = useState(false);
  useDocumentTitle(session.data ? `Plan · ${session.data.title}` : 'Plan');

  useEffect(() => {
    if (session.data && (!drafts || !dirty)) setDrafts(session.data.segments.map((s) => toDraft(s, session.data.status === 'live')));
    // biome-ignore lint/correctness/useExhaustiveDependencies: adopt the server's agenda only while there are no edits
  }, [session.data, dirty]);

  if (session.isPending || (session.data && !drafts)) return <PageLoading label="Loading plan" />;
  if (session.isError) {
    if (session.error instanceof ApiError && session.error.status === 404)
      return <EmptyState icon="search" title="We couldn't find that session" action={<Link href="/live" className="btn btn-primary">Live sessions</Link>} />;
    return <ErrorState error={session.error} title="We couldn't load the plan" onRetry={() => session.refetch()} />;
  }
  const s = session.data;
  const list = drafts ?? [];
  if (!s.abilities.edit)
    return (
      <EmptyState icon="lock" title={s.status === 'ended' ? 'This session has ended' : 'Only facilitators edit the plan'} action={<Link href={`/live/${id}`} className="btn btn-primary">Open the session</Link>}>
        {s.status === 'ended' ? 'Its agenda can no longer change.' : 'Ask a facilitator of this session.'}
      </EmptyState>
    );

  const apiError = saveAgenda.error instanceof ApiError ? saveAgenda.error : null;
  const fe = apiError?.fieldErrors ?? {};
  const errorsFor = (i: number, d: DraftSegment): Record<string, string> => {
    const out: Record<string, string> = {};
    const prefix = `segments.${i}.`;
    for (const [k, v] of Object.entries(fe)) if (k.startsWith(prefix)) out[k.slice(prefix.length)] = v;
    return { ...out, ...(touched ? localErrors(d) : {}) };
  };
  const anyLocal = list.some((d) => !d.locked && Object.keys(localErrors(d)).length > 0);
  const otherError = apiError && !Object.keys(fe).some((k) => k.startsWith('segments.')) ? apiError.detail : null;
  const firstEditable = list.findIndex((d) => !d.locked);
  const total = list.reduce((n, d) => n + (Number(d.minutes) || 0), 0);

  const edit = (next: DraftSegment[]) => {
    setDrafts(next);
    setDirty(true);
    setSaved(false);
  };
  const move = (i: number, delta: -1 | 1) => {
    const j = i + delta;
    if (j < 0 || j >= list.length || list[j]?.locked) return;
    const next = [...list];
    [next[i], next[j]] = [next[j] as DraftSegment, next[i] as DraftSegment];
    edit(next);
    // Keep focus on the same button of the moved segment so several moves in a row work from the keyboard.
    const label = `Move ${(list[i] as DraftSegment).title.trim() || KINDS[(list[i] as DraftSegment).kind].label} ${delta < 0 ? 'up' : 'down'}`;
    requestAnimationFrame(() => document.querySelector<HTMLButtonElement>(`button[aria-label="${CSS.escape(label)}"]:not(:disabled)`)?.focus());
  };
  const save = () => {
    setTouched(true);
    if (anyLocal) {
      requestAnimationFrame(() => document.querySelector<HTMLElement>('.agenda-editor [aria-invalid="true"]')?.focus());
      return;
    }
    saveAgenda.mutate(list.map(toInput), {
      onSuccess: () => {
        setDirty(false);
        setSaved(true);
      },
      onError: () => requestAnimationFrame(() => document.querySelector<HTMLElement>('.agenda-editor [aria-invalid="true"]')?.focus()),
    });
  };

  return (
    <div className="live-page">
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <Link href="/live">Live</Link>
        <span aria-hidden="true">/</span>
        <Link href={`/live/${id}`}>{s.title}</Link>
        <span aria-hidden="true">/</span>
        <span aria-current="page">Plan</span>
      </nav>
      <header className="live-head">
        <div className="live-head-text">
          <div className="row">
            <StatusBadge status={s.status} />
            <span className="small muted">{whenText(s.startsAt)}</span>
            {s.program ? <span className="chip chip-sky">{s.program.title}</span> : null}
          </div>
          <h1>Plan: {s.title}</h1>
          <p className="muted">Start everyone together, then small groups of new faces, then learning partners — connection needs time and safety.</p>
        </div>
        <div className="row live-head-actions">
          <Link href={`/live/${id}/console`} className="btn btn-secondary btn-sm">
            <Icon name="megaphone" size={16} /> Console
          </Link>
        </div>
      </header>
      <div className="plan-editor-layout">
        <div className="stack agenda-editor">
          {s.status === 'live' ? <Alert tone="info">The session is running: only the segments still to come can change.</Alert> : null}
          {otherError ? <Alert>{otherError}</Alert> : null}
          <ol className="seg-list">
            {list.map((d, i) => (
              <SegmentRow
                key={d.key}
                d={d}
                index={i}
                count={list.length}
                errors={errorsFor(i, d)}
                canMoveUp={i > 0 && i > firstEditable}
                onChange={(patch) => edit(list.map((x) => (x.key === d.key ? applyPatch(x, patch) : x)))}
                onMove={(delta) => move(i, delta)}
                onRemove={() => edit(list.filter((x) => x.key !== d.key))}
              />
            ))}
          </ol>
          <Card className="seg-add">
            <div className="seg-add-row">
              <label htmlFor="add-kind" className="field-label">
                Add a segment
              </label>
              <Select id="add-kind" value={addKind} onChange={(e) => setAddKind(e.target.value as SegmentKind)}>
                {KIND_ORDER.map((k) => (
                  <option key={k} value={k}>
                    {KINDS[k].label}
                  </option>
                ))}
              </Select>
              <Button
                variant="secondary"
                disabled={list.length >= LIVE_LIMITS.segments}
                onClick={() => {
                  edit([...list, newDraft(addKind)]);
                  requestAnimationFrame(() => {
                    const inputs = document.querySelectorAll<HTMLInputElement>('.seg-title-field input');
                    inputs[inputs.length - 1]?.focus();
                  });
                }}
              >
                <Icon name="plus" size={16} /> Add
              </Button>
            </div>
            <p className="field-hint">{KINDS[addKind].hint}</p>
          </Card>
        </div>
        <aside className="plan-aside">
          <Card title="Shape of the session" className="plan-summary">
            <GraduationStrip segments={list.map((d) => ({ id: d.id, kind: d.kind, title: d.title, durationMinutes: Number(d.minutes) || 0, status: d.status }))} currentId={s.currentSegmentId} />
            <p className="plan-total">
              <Icon name="clock" size={16} /> {list.length} segments · <strong data-testid="plan-total">{minutesText(total)}</strong>
            </p>
            <div className="plan-save">
              <Button onClick={save} loading={saveAgenda.isPending} disabled={!dirty && !saveAgenda.isError}>
                <Icon name="check" size={16} /> Save plan
              </Button>
              <span className="field-hint" role="status">
                {saveAgenda.isPending ? 'Saving…' : dirty ? 'Unsaved changes' : saved ? 'Saved' : 'No changes'}
              </span>
            </div>
            {touched && anyLocal ? <p className="field-error">Fix the highlighted fields first.</p> : null}
          </Card>
        </aside>
      </div>
    </div>
  );
}
