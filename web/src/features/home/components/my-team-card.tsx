import type { Person } from '../../../../../contracts/index.ts';
import { PersonRow } from '../../../components/people/person-row.tsx';
import { Card } from '../../../components/ui/card.tsx';

/** Your manager and direct reports: the people you work with most. */
export function MyTeamCard({ person }: { person: Person }) {
  const empty = !person.manager && person.reports.length === 0;
  return (
    <Card id="my-team" title="Your team">
      {empty ? (
        <p className="muted">No reporting lines yet. Your admin can add them from an HR import.</p>
      ) : (
        <>
          {person.manager ? (
            <>
              <h3 className="subheading">Your manager</h3>
              <PersonRow id={person.manager.id} name={person.manager.name} sub={person.manager.title} />
            </>
          ) : null}
          {person.reports.length ? (
            <>
              <h3 className="subheading">Reporting to you ({person.reports.length})</h3>
              <ul className="quick-links" style={{ gap: 0 }}>
                {person.reports.map((r) => (
                  <li key={r.id}>
                    <PersonRow id={r.id} name={r.name} sub={r.title} />
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      )}
    </Card>
  );
}
