import { type FormEvent, useEffect, useRef, useState } from 'react';
import { MENTORING_LIMITS, type GoalStatus, type RelationshipDetail, type RelationshipGoal } from '../../../../../contracts/index.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { Icon } from '../../../components/ui/icon.tsx';
import { Input } from '../../../components/ui/input.tsx';
import { Select } from '../../../components/ui/select.tsx';
import { ApiError } from '../../../lib/api-error.ts';
import { useRelationshipActions } from '../api/use-mentoring-actions.ts';
import { GOAL_STATUS } from '../lib/labels.ts';

/** One goal: title, status and a progress slider; changes are saved a moment after the slider stops. */
function GoalRow({ goal, relationshipId, editable }: { goal: RelationshipGoal; relationshipId: string; editable: boolean }) {
  const { updateGoal } = useRelationshipActions(relationshipId);
  const [progress, setProgress] = useState(goal.progress);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => setProgress(goal.progress), [goal.progress]);
  useEffect(() => () => clearTimeout(timer.current), []);
  const onSlide = (value: number) => {
    setProgress(value);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      // Reaching 100% marks the goal done; moving off 0 starts it.
      const status: GoalStatus | undefined = value === 100 && goal.status !== 'done' ? 'done' : value > 0 && goal.status === 'open' ? 'in_progress' : undefined;
      updateGoal.mutate({ goalId: goal.id, progress: value, ...(status ? { status } : {}) });
    }, 450);
  };
  const sliderId = `goal-${goal.id}-progress`;
  return (
    <li className="goal" data-goal={goal.id} data-status={goal.status}>
      <div className="goal-head">
        <span className="goal-title">
          {goal.status === 'done' ? <Icon name="checkCircle" size={18} /> : null}
          {goal.title}
        </span>
        {editable ? (
          <Select className="goal-status" aria-label={`Status of ${goal.title}`} value={goal.status} onChange={(e) => updateGoal.mutate({ goalId: goal.id, status: e.target.value as GoalStatus })}>
            {Object.entries(GOAL_STATUS).map(([k, v]) => (
              <option key={k} value={k}>
                {v}
              </option>
            ))}
          </Select>
        ) : (
          <span className="badge">{GOAL_STATUS[goal.status]}</span>
        )}
      </div>
      <div className="goal-progress">
        {editable ? (
          <input id={sliderId} type="range" min={0} max={100} step={5} value={progress} onChange={(e) => onSlide(Number(e.target.value))} aria-label={`Progress of ${goal.title}`} aria-valuetext={`${progress}%`} />
        ) : (
          <span className="m-progress" role="img" aria-label={`Progress ${progress}%`}>
            <span style={{ width: `${progress}%` }} />
          </span>
        )}
        <output htmlFor={editable ? sliderId : undefined} className="goal-pct">
          {progress}%
        </output>
      </div>
      {updateGoal.error ? <p className="field-error small">{updateGoal.error instanceof ApiError ? updateGoal.error.detail : 'Not saved.'}</p> : null}
    </li>
  );
}

/** Agreed goals with progress; partners add goals while the relationship is active. */
export function GoalsPanel({ r }: { r: RelationshipDetail }) {
  const { addGoal } = useRelationshipActions(r.id);
  const [title, setTitle] = useState('');
  const editable = r.abilities.canEdit;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!title.trim()) return;
    addGoal.mutate({ title: title.trim(), progress: 0, status: 'open' }, { onSuccess: () => setTitle('') });
  };
  return (
    <Card title="Goals" id="goals">
      {r.goals.length === 0 ? (
        <p className="muted">{editable ? 'Agree on two or three goals in your first meeting and write them here; both of you can update progress.' : 'No goals agreed yet.'}</p>
      ) : (
        <ul className="goal-list">
          {r.goals.map((g) => (
            <GoalRow key={g.id} goal={g} relationshipId={r.id} editable={editable} />
          ))}
        </ul>
      )}
      {editable && r.goals.length < MENTORING_LIMITS.relationshipGoals ? (
        <form className="inline-form" onSubmit={submit}>
          <Input aria-label="New goal" placeholder="e.g. Lead a design review on my own" value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} />
          <Button type="submit" variant="secondary" loading={addGoal.isPending} disabled={!title.trim()}>
            <Icon name="plus" size={16} /> Add goal
          </Button>
        </form>
      ) : null}
      {addGoal.error ? <Alert>{addGoal.error instanceof ApiError ? addGoal.error.detail : 'Could not add the goal.'}</Alert> : null}
    </Card>
  );
}
