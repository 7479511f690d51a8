import { Link } from 'wouter';
import type { MyPlacement, PersonRef } from '../../../../../contracts/index.ts';
import { Avatar } from '../../../components/ui/avatar.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { Icon } from '../../../components/ui/icon.tsx';
import { plural } from '../../../lib/plural.ts';

function People({ people, label }: { people: PersonRef[]; label: string }) {
  return (
    <ul className="placement-people" aria-label={label}>
      {people.map((p) => (
        <li key={p.id}>
          <Link href={`/people/${p.id}`} className="placement-person">
            <Avatar personId={p.id} name={p.name} size="xs" />
            <span className="placement-person-name">{p.name}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

/**
 * "Your cohort", "Your breakout groups" per round and "Your learning partner", once facilitators publish them; someone
 * who enrolled later and still waits (every cohort full, nobody to pair with yet) is told so in the same place.
 */
export function Placement({ placement, myId }: { placement: MyPlacement; myId: string }) {
  const { cohort, groups, partners, waiting } = placement;
  if (!cohort && groups.length === 0 && partners.length === 0 && !waiting.cohort && !waiting.partner) return null;
  return (
    <>
      {waiting.cohort ? (
        <Card title="Your cohort" id="my-cohort" className="placement-card" data-waiting="true">
          <p className="placement-waiting">
            <Icon name="clock" size={18} />
            <span>Every cohort is full at the moment. A facilitator will place you in one, and you will see it here.</span>
          </p>
        </Card>
      ) : null}
      {cohort ? (
        <Card title="Your cohort" id="my-cohort" className="placement-card">
          <p className="placement-name">
            <Icon name="people" size={18} />
            <strong>{cohort.name}</strong>
            <span className="muted small">· {plural(cohort.members.length, 'person', 'people')}</span>
          </p>
          {cohort.communitySlug ? (
            <Link href={`/communities/${cohort.communitySlug}`} className="btn btn-secondary btn-sm placement-space">
              <Icon name="message" size={16} /> Open the cohort space
            </Link>
          ) : null}
          <People people={cohort.members.filter((m) => m.id !== myId)} label={`Other members of ${cohort.name}`} />
        </Card>
      ) : null}
      {groups.length ? (
        <Card title="Your breakout groups" id="my-groups" className="placement-card">
          <ol className="placement-rounds">
            {groups.map((g) => (
              <li key={g.round}>
                <h3 className="placement-round">Round {g.round}</h3>
                <People people={g.members} label={`Your group in round ${g.round}`} />
              </li>
            ))}
          </ol>
        </Card>
      ) : null}
      {waiting.partner ? (
        <Card title="Your learning partner" id="my-partner" className="placement-card" data-waiting="true">
          <p className="placement-waiting">
            <Icon name="clock" size={18} />
            <span>Waiting for a partner: you will be paired with the next person who joins, or your facilitator will pair you.</span>
          </p>
        </Card>
      ) : null}
      {partners.length ? (
        <Card title={partners.length > 1 ? 'Your learning partners' : 'Your learning partner'} id="my-partner" className="placement-card">
          <p className="muted small">For the whole program: check in with each other between sessions.</p>
          <People people={partners} label="Your learning partners" />
        </Card>
      ) : null}
    </>
  );
}
