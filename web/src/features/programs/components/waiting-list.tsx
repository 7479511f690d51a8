import type { Plan } from '../../../../../contracts/index.ts';
import { Icon } from '../../../components/ui/icon.tsx';
import { plural } from '../../../lib/plural.ts';

/** A choice in a waiting person's select: a cohort, another waiting person, or a pair to make a trio. */
interface Choice {
  /** What the server takes (a cohort id, or a person id). */
  value: string;
  label: string;
  disabled?: boolean;
}

/**
 * People in a published plan who wait: for a cohort (every cohort was full) or for a learning partner. Each has one
 * select (keyboard and screen readers) to place them; the page announces the result in its live region.
 */
export function WaitingList({ plan, pending, onChoose }: { plan: Plan; pending: boolean; onChoose: (personId: string, value: string) => void }) {
  if (plan.status !== 'published' || plan.waiting.length === 0) return null;
  const cohorts = plan.kind === 'cohorts';
  const groups = plan.rounds[0]?.groups ?? [];
  const choicesFor = (personId: string): Choice[] =>
    cohorts
      ? groups
          .filter((g) => g.cohortId)
          .map((g) => {
            const full = plan.maxGroupSize !== null && g.members.length >= plan.maxGroupSize;
            return { value: g.cohortId as string, label: `${g.label} (${g.members.length})${full ? ' — full' : ''}`, disabled: full };
          })
      : [
          ...plan.waiting.filter((w) => w.id !== personId).map((w) => ({ value: w.id, label: `${w.name} (waiting)` })),
          ...groups.filter((g) => g.members.length === 2).map((g) => ({ value: g.members[0].id, label: `${g.label}: ${g.members.map((m) => m.name).join(' & ')} → trio` })),
        ];
  const title = cohorts ? 'Waiting for a cohort' : 'Waiting for a learning partner';
  return (
    <section className="waiting-list" aria-labelledby={`waiting-${plan.id}`} data-waiting={plan.kind}>
      <h4 id={`waiting-${plan.id}`} className="waiting-title">
        <Icon name="clock" size={17} /> {title} <span className="badge">{plural(plan.waiting.length, 'person', 'people')}</span>
      </h4>
      <p className="muted small">
        {cohorts
          ? 'Every cohort was full when they enrolled. Place them in a cohort, or raise the cohort size in the program’s settings to let cohorts take more.'
          : 'They enrolled after partners were published and nobody suitable was waiting. Pair them with someone waiting, or add them to a pair to make a trio.'}
      </p>
      <ul className="waiting-people">
        {plan.waiting.map((w) => {
          const choices = choicesFor(w.id);
          return (
            <li key={w.id} className="waiting-person" data-member={w.id}>
              <span className="group-member-name">{w.name}</span>
              {w.department ? <span className="chip chip-sky dept-chip">{w.department}</span> : null}
              {choices.length ? (
                <select className="select move-select" aria-label={cohorts ? `Place ${w.name} in` : `Pair ${w.name} with`} value="" disabled={pending} onChange={(e) => e.target.value && onChoose(w.id, e.target.value)}>
                  <option value="">{cohorts ? 'Place in…' : 'Pair with…'}</option>
                  {choices.map((c) => (
                    <option key={c.value} value={c.value} disabled={c.disabled}>
                      {c.label}
                    </option>
                  ))}
                </select>
              ) : (
                <span className="muted small">Nobody to pair with yet</span>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
