import type { PersonRef } from '../../../../../contracts/index.ts';
import { PersonRow } from '../../../components/people/person-row.tsx';
import { plural } from '../../../lib/plural.ts';

/** Endorsed experts as linked rows with presence, optionally with their endorsement counts. */
export function ExpertsList({ experts, label = 'Experts' }: { experts: (PersonRef & { endorsements?: number })[]; label?: string }) {
  return (
    <ul className="expert-list" aria-label={label}>
      {experts.map((e) => (
        <li key={e.id}>
          <PersonRow id={e.id} name={e.name} sub={e.endorsements !== undefined ? `${e.title ? `${e.title} · ` : ''}${plural(e.endorsements, 'endorsement')}` : e.title} />
        </li>
      ))}
    </ul>
  );
}
