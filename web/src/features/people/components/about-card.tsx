import type { Person } from '../../../../../contracts/index.ts';
import { Card } from '../../../components/ui/card.tsx';

/** The person's own introduction and interests. */
export function AboutCard({ person }: { person: Person }) {
  return (
    <Card id="about" title="About">
      {person.bio ? <p className="bio">{person.bio}</p> : <p className="muted">{person.name} hasn't written an introduction yet.</p>}
      {person.interests.length ? (
        <>
          <h3 className="subheading" style={{ marginTop: 16 }}>
            Interests
          </h3>
          <ul className="chips">
            {person.interests.map((i) => (
              <li key={i} className="chip chip-ember">
                {i}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Card>
  );
}
