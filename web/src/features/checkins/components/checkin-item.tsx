import { useState } from 'react';
import { Link } from 'wouter';
import type { Checkin } from '../../../../../contracts/index.ts';
import { Button } from '../../../components/ui/button.tsx';
import { formatDay } from '../../programs/components/program-badges.tsx';
import { CheckinOutcomeForm } from './checkin-outcome-form.tsx';

const STATE_LABELS: Record<Checkin['state'], string> = { due: 'Due', overdue: 'Overdue', held: 'Held' };

/** One check-in: with whom, after which program, due when, its state and outcome; the manager records it here. */
export function CheckinItem({ c, as }: { c: Checkin; as: 'learner' | 'manager' | 'facilitator' }) {
  const [editing, setEditing] = useState(false);
  const who = as === 'learner' ? `With ${c.manager.name}` : as === 'manager' ? `With ${c.learner.name}` : `${c.learner.name} with ${c.manager.name}`;
  return (
    <li className={`checkin-item checkin-${c.state}`}>
      <div className="checkin-head">
        <div>
          <p className="checkin-who">{who}</p>
          <p className="muted small">
            After <Link href={`/programs/${c.program.id}`}>{c.program.title}</Link> · due {formatDay(c.dueOn)}
          </p>
        </div>
        <span className={`checkin-state checkin-state-${c.state}`}>{STATE_LABELS[c.state]}</span>
      </div>
      {c.outcome && !editing ? (
        <dl className="checkin-outcome small">
          <dt>Met on</dt>
          <dd>{formatDay(c.outcome.heldOn)}</dd>
          {c.outcome.note ? (
            <>
              <dt>Note</dt>
              <dd className="checkin-note">{c.outcome.note}</dd>
            </>
          ) : null}
          {c.outcome.nextStep ? (
            <>
              <dt>Next step</dt>
              <dd>{c.outcome.nextStep}</dd>
            </>
          ) : null}
        </dl>
      ) : null}
      {!c.outcome && as === 'learner' ? <p className="small">{c.manager.name} will record how it went after you meet.</p> : null}
      {c.abilities.canRecord ? (
        editing ? (
          <CheckinOutcomeForm c={c} onDone={() => setEditing(false)} />
        ) : (
          <Button variant={c.outcome ? 'ghost' : 'primary'} size="sm" onClick={() => setEditing(true)}>
            {c.outcome ? 'Edit check-in' : 'Record check-in'}
          </Button>
        )
      ) : null}
    </li>
  );
}
