import { useState } from 'react';
import type { Plan } from '../../../../../contracts/index.ts';
import { Icon } from '../../../components/ui/icon.tsx';
import { plural } from '../../../lib/plural.ts';

/** Up to this many pairs are listed openly; more fold into a disclosure so the preview stays short. */
const OPEN_LIMIT = 4;

/**
 * The department pairs a plan brings together that had no ties in the past year ("Sales and Engineering meet for the
 * first time"): the count, then the list, collapsible when long. Nothing when there are none.
 */
export function FirstTimePairs({ plan }: { plan: Plan }) {
  const pairs = plan.firstTimeDepartmentPairs;
  const [open, setOpen] = useState(false);
  if (!pairs.length) return null;
  const headingId = `first-time-${plan.id}`;
  const title = `${plural(pairs.length, 'pair')} of departments ${pairs.length === 1 ? 'meets' : 'meet'} for the first time`;
  const list = (
    <ul className="first-time-list">
      {pairs.map((p) => (
        <li key={`${p.a}|${p.b}`}>
          {p.a} and {p.b} meet for the first time
        </li>
      ))}
    </ul>
  );
  return (
    <section className="first-time" aria-labelledby={headingId} data-testid="first-time-pairs">
      <h4 id={headingId} className="first-time-title">
        <Icon name="link" size={16} />
        <span>{title}</span>
      </h4>
      <p className="muted small">These departments had no interactions with each other in Hearth over the past year{plan.firstTimeDepartmentPairsRandom !== null ? ` (random groups: ${plan.firstTimeDepartmentPairsRandom})` : ''}.</p>
      {pairs.length <= OPEN_LIMIT ? (
        list
      ) : (
        <details className="first-time-more" onToggle={(e) => setOpen(e.currentTarget.open)}>
          <summary>{open ? 'Hide the list' : `Show all ${pairs.length}`}</summary>
          {list}
        </details>
      )}
    </section>
  );
}
