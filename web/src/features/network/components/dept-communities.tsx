import type { NetworkDepartments } from '../../../../../contracts/index.ts';

const SHADES = ['dept-part-0', 'dept-part-1', 'dept-part-2'];

/** Communities found in the ties against departments: each one's size and its three largest departments. */
export function DeptCommunities({ communities }: { communities: NetworkDepartments['communities'] }) {
  if (!communities.length) return <p className="muted">No group of 5 or more people interacts mostly among itself in this range yet.</p>;
  return (
    <div className="stack-sm">
      <p className="small muted">
        Groups of people who interact more with each other than with everyone else, found in the ties. A group that is mostly one department is a team
        working among itself; a mixed one is a bridge between departments.
      </p>
      <ol className="dept-communities" aria-label="Communities, largest first">
        {communities.map((c, i) => {
          return (
            <li key={i} className="dept-community">
              <span className="dept-community-name">
                Community {i + 1} <span className="muted">· {c.size} people</span>
              </span>
              <span className="dept-parts" aria-hidden="true">
                {c.departments.map((d, k) => (
                  <span key={d.name} className={`dept-part ${SHADES[k]}`} style={{ width: `${(d.people / c.size) * 100}%` }} />
                ))}
              </span>
              <span className="small dept-community-text">
                {c.departments.map((d, k) => (
                  <span key={d.name} className="dept-community-part">
                    <span className={`dept-key ${SHADES[k]}`} aria-hidden="true" />
                    {d.name} {d.people}
                  </span>
                ))}
                {c.otherPeople ? <span className="dept-community-part">others {c.otherPeople}</span> : null}
              </span>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
