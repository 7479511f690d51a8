import { PATHWAY_LIMITS, type StepKind } from '../../../../../contracts/index.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Field } from '../../../components/ui/field.tsx';
import { Icon, type IconName } from '../../../components/ui/icon.tsx';
import { Input } from '../../../components/ui/input.tsx';
import { Textarea } from '../../../components/ui/textarea.tsx';
import { ResourcePicker, type TargetRef, ThreadPicker } from './target-pickers.tsx';

/** A step as the editor keeps it: `key` is local, `id` the server's (kept so everyone's progress stays). */
export type DraftStep = {
  key: string;
  id?: string;
  kind: StepKind;
  title: string;
  instructions: string;
  dueDate: string;
  resource: TargetRef | null;
  thread: TargetRef | null;
};

/** Field errors of one step, by field name (title, resourceId, threadId, dueDate, instructions). */
export type StepErrors = Record<string, string>;

export const KIND: Record<StepKind, { label: string; icon: IconName; add: string }> = {
  resource: { label: 'Resource', icon: 'file', add: 'Add a resource' },
  discussion: { label: 'Discussion', icon: 'message', add: 'Add a discussion' },
  task: { label: 'Task', icon: 'checkCircle', add: 'Add a task' },
};

let counter = 0;
/** A new, empty step of a kind. */
export function newStep(kind: StepKind): DraftStep {
  counter += 1;
  return { key: `new-${Date.now()}-${counter}`, kind, title: '', instructions: '', dueDate: '', resource: null, thread: null };
}

/** After a move, keeps keyboard focus on the same step's button (or its other arrow when that one is now disabled). */
function refocus(key: string, direction: 'up' | 'down') {
  requestAnimationFrame(() => {
    const root = document.querySelector(`[data-step-key="${CSS.escape(key)}"]`);
    const same = root?.querySelector<HTMLButtonElement>(`[data-move="${direction}"]`);
    const other = root?.querySelector<HTMLButtonElement>(`[data-move="${direction === 'up' ? 'down' : 'up'}"]`);
    (same && !same.disabled ? same : other)?.focus();
  });
}

/**
 * The ordered step list of a pathway: add resource, discussion or task steps, reorder with Move up /
 * Move down buttons (keyboard friendly, focus follows the step), remove; each step shows its own errors.
 */
export function StepEditor({
  steps,
  onChange,
  errors,
  communityId,
}: {
  steps: DraftStep[];
  onChange: (steps: DraftStep[]) => void;
  errors: Record<string, StepErrors>;
  communityId: string | null;
}) {
  const set = (key: string, patch: Partial<DraftStep>) => onChange(steps.map((s) => (s.key === key ? { ...s, ...patch } : s)));
  const move = (i: number, by: -1 | 1) => {
    const next = [...steps];
    const [s] = next.splice(i, 1);
    if (!s) return;
    next.splice(i + by, 0, s);
    onChange(next);
    refocus(s.key, by < 0 ? 'up' : 'down');
  };
  const remove = (i: number) => {
    const next = steps.filter((_, j) => j !== i);
    onChange(next);
    // Focus the step that took its place, or the add buttons when the list ends.
    const target = next[i] ?? next[i - 1];
    requestAnimationFrame(() => {
      const el = target ? document.querySelector<HTMLElement>(`[data-step-key="${CSS.escape(target.key)}"] h3`) : document.querySelector<HTMLElement>('[data-add-step]');
      el?.focus();
    });
  };
  const add = (kind: StepKind) => {
    const s = newStep(kind);
    onChange([...steps, s]);
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-step-key="${CSS.escape(s.key)}"] h3`)?.focus());
  };

  return (
    <fieldset className="step-editor">
      <legend className="field-label">Steps</legend>
      {steps.length === 0 ? <p className="section-empty">No steps yet. Add resources to read or watch, discussions to join and tasks to do.</p> : null}
      <ol className="step-edit-list" aria-label="Steps">
        {steps.map((s, i) => {
          const e = errors[s.key] ?? {};
          const stepLabel = `step ${i + 1}`;
          return (
            <li key={s.key} className="step-edit" data-step-key={s.key} data-kind={s.kind}>
              <div className="step-edit-head">
                <span className="step-number" aria-hidden="true">
                  {i + 1}
                </span>
                <h3 className="step-edit-title" tabIndex={-1}>
                  <Icon name={KIND[s.kind].icon} size={17} />
                  <span>
                    <span className="visually-hidden">Step {i + 1}: </span>
                    {KIND[s.kind].label}
                  </span>
                </h3>
                <span className="spacer" />
                <button type="button" className="icon-btn" data-move="up" onClick={() => move(i, -1)} disabled={i === 0} aria-label={`Move step ${i + 1} up`} title="Move up">
                  <Icon name="arrowUp" size={18} />
                </button>
                <button type="button" className="icon-btn" data-move="down" onClick={() => move(i, 1)} disabled={i === steps.length - 1} aria-label={`Move step ${i + 1} down`} title="Move down">
                  <Icon name="arrowDown" size={18} />
                </button>
                <button type="button" className="icon-btn icon-btn-danger" onClick={() => remove(i)} aria-label={`Remove step ${i + 1}`} title="Remove">
                  <Icon name="trash" size={18} />
                </button>
              </div>
              <div className="step-edit-body">
                {s.kind === 'resource' ? (
                  <Field label="Resource" error={e.resourceId}>
                    {(p) => (
                      <ResourcePicker
                        id={p.id}
                        describedBy={p['aria-describedby']}
                        invalid={!!p['aria-invalid']}
                        value={s.resource}
                        stepLabel={stepLabel}
                        onChange={(r) => set(s.key, { resource: r, title: s.title.trim() ? s.title : r.title.slice(0, PATHWAY_LIMITS.stepTitle) })}
                      />
                    )}
                  </Field>
                ) : null}
                {s.kind === 'discussion' ? (
                  <Field label="Discussion" error={e.threadId}>
                    {(p) => (
                      <ThreadPicker
                        id={p.id}
                        describedBy={p['aria-describedby']}
                        invalid={!!p['aria-invalid']}
                        value={s.thread}
                        stepLabel={stepLabel}
                        defaultCommunityId={communityId}
                        onChange={(t) => set(s.key, { thread: t, title: s.title.trim() ? s.title : `Join the discussion: ${t.title}`.slice(0, PATHWAY_LIMITS.stepTitle) })}
                      />
                    )}
                  </Field>
                ) : null}
                <Field label="Step title" error={e.title}>
                  {(p) => (
                    <Input
                      {...p}
                      value={s.title}
                      onChange={(ev) => set(s.key, { title: ev.target.value })}
                      maxLength={PATHWAY_LIMITS.stepTitle}
                      placeholder={s.kind === 'task' ? 'e.g. Run a retro with your team' : 'What to do'}
                    />
                  )}
                </Field>
                <div className={s.kind === 'task' ? 'step-edit-task' : undefined}>
                  <Field label="Instructions" optional error={e.instructions}>
                    {(p) => <Textarea {...p} value={s.instructions} onChange={(ev) => set(s.key, { instructions: ev.target.value })} maxLength={PATHWAY_LIMITS.instructions} rows={2} />}
                  </Field>
                  {s.kind === 'task' ? (
                    <Field label="Due date" optional error={e.dueDate}>
                      {(p) => <Input {...p} type="date" value={s.dueDate} onChange={(ev) => set(s.key, { dueDate: ev.target.value })} />}
                    </Field>
                  ) : null}
                </div>
              </div>
            </li>
          );
        })}
      </ol>
      <div className="step-add" data-add-step tabIndex={-1} role="group" aria-label="Add a step">
        {(['resource', 'discussion', 'task'] as const).map((k) => (
          <Button key={k} variant="secondary" size="sm" onClick={() => add(k)} disabled={steps.length >= PATHWAY_LIMITS.steps}>
            <Icon name="plus" size={16} />
            {KIND[k].add}
          </Button>
        ))}
      </div>
    </fieldset>
  );
}
