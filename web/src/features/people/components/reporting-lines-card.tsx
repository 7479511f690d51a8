import type { Person } from '../../../../../contracts/index.ts';
import { PersonRow } from '../../../components/people/person-row.tsx';
import { Card } from '../../../components/ui/card.tsx';

/** Manager and direct reports, each a link to their profile. */
export function ReportingLinesCard({ person }: { person: Person }) {
  return (
    <Card id="reporting-lines" title="Works with">
      {!person.manager && !person.reports.length ? <p className="muted">No reporting lines recorded.</p> : null}
      {person.manager ? (
        <>
          <h3 className="subheading">Manager</h3>
          <PersonRow id={person.manager.id} name={person.manager.name} sub={person.manager.title} />
        </>
      ) : null}
      {person.reports.length ? (
        <>
          <h3 className="subheading" style={{ marginTop: 12 }}>
            Direct reports ({person.reports.length})
          </h3>
          <ul className="quick-links" style={{ gap: 0 }}>
            {person.reports.map((r) => (
              <li key={r.id}>
                <PersonRow id={r.id} name={r.name} sub={r.title} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Card>
  );
}
