import type { Person } from '../../../../../contracts/index.ts';
import { Avatar } from '../../../components/ui/avatar.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { Icon } from '../../../components/ui/icon.tsx';
import { PresenceLabel } from '../../../components/ui/presence-label.tsx';
import { localTime } from '../../../lib/local-time.ts';

const ROLE_LABELS: Record<string, string> = { admin: 'Org admin', facilitator: 'Facilitator', moderator: 'Moderator', manager: 'Manager' };

/** The top of a profile: who they are, where, their local time, live presence and roles. */
export function ProfileHeader({ person, onEdit, editing }: { person: Person; onEdit?: () => void; editing?: boolean }) {
  const time = localTime(person.timeZone);
  const roles = person.roles.filter((r) => r !== 'member');
  return (
    <Card as="section" warm aria-label="Profile summary">
      <div className="profile-head">
        <Avatar personId={person.id} name={person.name} src={person.avatarUrl} size="lg" showPresence />
        <div className="profile-head-text">
          <div className="row" style={{ gap: 8 }}>
            <h1>{person.name}</h1>
            {person.status !== 'active' ? <span className={`badge ${person.status === 'invited' ? 'badge-ember' : 'badge-danger'}`}>{person.status}</span> : null}
          </div>
          {person.title ? <p className="profile-title">{person.title}</p> : null}
          <div className="row" style={{ marginTop: 8, gap: 8 }}>
            <PresenceLabel personId={person.id} />
            {roles.map((r) => (
              <span key={r} className="badge badge-moss">
                {ROLE_LABELS[r] ?? r}
              </span>
            ))}
          </div>
          <ul className="profile-facts">
            {person.department ? (
              <li>
                <Icon name="briefcase" size={16} />
                {person.department}
                {person.team ? ` · ${person.team}` : ''}
              </li>
            ) : null}
            {person.location ? (
              <li>
                <Icon name="mapPin" size={16} />
                {person.location}
              </li>
            ) : null}
            {time ? (
              <li>
                <Icon name="clock" size={16} />
                {time} local time
              </li>
            ) : null}
            <li>
              <Icon name="mail" size={16} />
              <a href={`mailto:${person.email}`}>{person.email}</a>
            </li>
          </ul>
        </div>
        {onEdit && !editing ? (
          <Button variant="secondary" onClick={onEdit}>
            <Icon name="edit" size={16} /> Edit profile
          </Button>
        ) : null}
      </div>
    </Card>
  );
}
