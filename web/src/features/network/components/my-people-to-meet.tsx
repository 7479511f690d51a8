import { Link } from 'wouter';
import type { PersonToMeet } from '../../../../../contracts/index.ts';
import { Avatar } from '../../../components/ui/avatar.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { FollowButton } from '../../feeds/components/follow-button.tsx';

/** Why someone is worth meeting, in one line. */
function reason(s: PersonToMeet): string {
  const parts: string[] = [];
  if (s.canHelpWith.length) parts.push(`Can help with ${s.canHelpWith.join(', ')}`);
  if (s.sharedInterests.length) parts.push(`Also into ${s.sharedInterests.join(', ')}`);
  parts.push(`You haven't met anyone in ${s.person.department} yet`);
  return parts.join(' · ');
}

/** Colleagues in departments one has not met yet, each with the reason and a Follow or View profile action. */
export function MyPeopleToMeet({ items, meId }: { items: PersonToMeet[]; meId: string }) {
  return (
    <Card id="people-to-meet" title="People to meet">
      {items.length === 0 ? (
        <EmptyState icon="people" title="You've met every department">
          Nobody left to suggest from a department you haven't met. Add what you want to learn to <Link href={`/people/${meId}`}>your profile</Link> to find more.
        </EmptyState>
      ) : (
        <ul className="my-to-meet" aria-label="People to meet">
          {items.map((s) => (
            <li key={s.person.id} className="my-to-meet-card">
              <div className="row my-to-meet-who">
                <Avatar personId={s.person.id} name={s.person.name} size="md" showPresence />
                <span className="my-to-meet-text">
                  <span className="person-row-name">{s.person.name}</span>
                  <span className="person-row-sub">{[s.person.title, s.person.department].filter(Boolean).join(' · ')}</span>
                </span>
              </div>
              <p className="my-to-meet-why">{reason(s)}</p>
              <div className="row my-to-meet-actions">
                <FollowButton kind="person" target={s.person.id} label={s.person.name} size="sm" />
                <Link href={`/people/${s.person.id}`} className="btn btn-ghost btn-sm">
                  View profile<span className="visually-hidden"> of {s.person.name}</span>
                </Link>
              </div>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
