import type { Checkin } from '../../../../../contracts/index.ts';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { CheckinItem } from './checkin-item.tsx';

/** Check-ins, the ones that need attention (overdue, then due) first; an empty state when none. */
export function CheckinList({ items, as, empty }: { items: Checkin[]; as: 'learner' | 'manager' | 'facilitator'; empty: string }) {
  if (!items.length) return <EmptyState icon="check" title="No check-ins">{empty}</EmptyState>;
  const rank = { overdue: 0, due: 1, held: 2 } as const;
  const sorted = [...items].sort((a, b) => rank[a.state] - rank[b.state] || b.dueOn.localeCompare(a.dueOn));
  return (
    <ul className="checkin-list">
      {sorted.map((c) => (
        <CheckinItem key={c.id} c={c} as={as} />
      ))}
    </ul>
  );
}
