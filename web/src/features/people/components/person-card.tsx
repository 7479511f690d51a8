import { Link } from 'wouter';
import type { PersonSummary } from '../../../../../contracts/index.ts';
import { Avatar } from '../../../components/ui/avatar.tsx';
import { Icon } from '../../../components/ui/icon.tsx';

/** A directory card: avatar with live presence, name, title, department, location and top skills. */
export function PersonCard({ person }: { person: PersonSummary }) {
  const headingId = `person-${person.id}`;
  return (
    <article className="person-card" aria-labelledby={headingId} data-person-id={person.id} data-department={person.department ?? ''}>
      <div className="person-card-top">
        <Avatar personId={person.id} name={person.name} src={person.avatarUrl} size="md" showPresence />
        <div className="person-card-id">
          <h3 id={headingId} className="person-card-name">
            <Link href={`/people/${person.id}`} className="stretched-link">
              {person.name}
            </Link>
          </h3>
          {person.title ? <p className="person-card-title">{person.title}</p> : null}
        </div>
      </div>
      <dl className="person-card-meta">
        {person.department ? (
          <div>
            <dt className="visually-hidden">Department</dt>
            <dd>
              <Icon name="briefcase" size={15} />
              {person.department}
            </dd>
          </div>
        ) : null}
        {person.location ? (
          <div>
            <dt className="visually-hidden">Location</dt>
            <dd>
              <Icon name="mapPin" size={15} />
              {person.location}
            </dd>
          </div>
        ) : null}
      </dl>
      {person.topSkills.length ? (
        <ul className="chips" aria-label="Top skills">
          {person.topSkills.map((s) => (
            <li key={s} className="chip">
              {s}
            </li>
          ))}
        </ul>
      ) : null}
    </article>
  );
}
