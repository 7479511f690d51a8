import { Link } from 'wouter';
import type { Pathway, PathwayStep } from '../../../../../contracts/index.ts';
import { Icon } from '../../../components/ui/icon.tsx';
import { InstantCheckbox } from '../../../components/ui/instant-checkbox.tsx';
import { dueState, formatDate } from './due-date.ts';
import { KIND } from './step-editor.tsx';

/** Where a step leads: the resource (its link, or its page for uploads), the thread, or nothing for tasks. */
function Target({ step }: { step: PathwayStep }) {
  if (step.kind === 'resource') {
    if (!step.resource) return <span className="step-target muted">This resource was removed or is not visible to you.</span>;
    return step.resource.url ? (
      <a className="step-target" href={step.resource.url} target="_blank" rel="noopener noreferrer">
        <Icon name="link" size={15} />
        {step.resource.title}
        <span className="visually-hidden"> (opens in a new tab)</span>
      </a>
    ) : (
      <Link className="step-target" href={`/resources/${step.resource.id}`}>
        <Icon name="file" size={15} />
        {step.resource.title}
      </Link>
    );
  }
  if (step.kind === 'discussion') {
    if (!step.thread) return <span className="step-target muted">This discussion was removed or is not visible to you.</span>;
    return (
      <Link className="step-target" href={`/threads/${step.thread.id}`}>
        <Icon name="message" size={15} />
        {step.thread.title}
      </Link>
    );
  }
  return null;
}

/** The due date; overdue and due-today are highlighted for people doing the pathway. */
function Due({ step, enrolled }: { step: PathwayStep; enrolled: boolean }) {
  if (!step.dueDate) return null;
  const state = enrolled ? dueState(step.dueDate, step.isDone) : 'upcoming';
  return (
    <span className="step-due" data-state={state}>
      <Icon name={state === 'overdue' ? 'alert' : 'calendar'} size={15} />
      {state === 'overdue' ? 'Overdue · ' : state === 'today' ? 'Due today · ' : 'Due '}
      <time dateTime={step.dueDate}>{formatDate(step.dueDate)}</time>
    </span>
  );
}

/**
 * The steps in order. Enrolled people get a checkbox per step to mark it done; others see numbers.
 * `pendingStepId` dims the step whose change is on its way.
 */
export function StepChecklist({ pathway, enrolled, onMark, pendingStepId }: { pathway: Pathway; enrolled: boolean; onMark: (stepId: string, done: boolean) => void; pendingStepId: string | null }) {
  return (
    <ol className="step-list" aria-label="Steps">
      {pathway.steps.map((s, i) => {
        const titleId = `step-title-${s.id}`;
        return (
          <li key={s.id} className="step" data-done={(enrolled && s.isDone) || undefined} data-pending={pendingStepId === s.id || undefined}>
            <div className="step-check">
              {enrolled ? (
                <InstantCheckbox checked={s.isDone} onChange={(done) => onMark(s.id, done)} aria-labelledby={titleId} aria-describedby={`${titleId}-n`} />
              ) : (
                <span className="step-number" aria-hidden="true">
                  {i + 1}
                </span>
              )}
            </div>
            <div className="step-main">
              <div className="step-kind">
                <span id={`${titleId}-n`}>Step {i + 1}</span> · <Icon name={KIND[s.kind].icon} size={14} /> {KIND[s.kind].label}
                {enrolled && s.isDone ? <span className="visually-hidden"> (done)</span> : null}
              </div>
              <h3 id={titleId} className="step-title">
                {s.title}
              </h3>
              <Target step={s} />
              {s.instructions ? <p className="step-instructions">{s.instructions}</p> : null}
              <Due step={s} enrolled={enrolled} />
            </div>
          </li>
        );
      })}
    </ol>
  );
}
