import type { CommunityMember } from '../../../../../contracts/index.ts';
import { PersonRow } from '../../../components/people/person-row.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { relativeTime } from '../../../lib/relative-time.ts';

/** Join requests (approve / decline) or open invitations (withdraw), for moderators. */
export function PendingMembers({
  kind,
  members,
  onApprove,
  onRemove,
  busyId,
}: {
  kind: 'requested' | 'invited';
  members: CommunityMember[];
  onApprove?: (id: string) => void;
  onRemove: (id: string) => void;
  busyId?: string | null;
}) {
  return (
    <ul className="pending-list" aria-label={kind === 'requested' ? 'Join requests' : 'Open invitations'}>
      {members.map((m) => (
        <li key={m.id} className="pending-row">
          <PersonRow id={m.id} name={m.name} sub={`${kind === 'requested' ? 'Asked' : 'Invited'} ${relativeTime(m.since)}${m.title ? ` · ${m.title}` : ''}`} avatarUrl={m.avatarUrl} />
          <div className="row" style={{ gap: 8 }}>
            {onApprove ? (
              <Button size="sm" onClick={() => onApprove(m.id)} disabled={busyId === m.id} aria-label={`Approve ${m.name}`}>
                Approve
              </Button>
            ) : null}
            <Button variant="secondary" size="sm" onClick={() => onRemove(m.id)} disabled={busyId === m.id} aria-label={`${kind === 'requested' ? 'Decline' : 'Withdraw the invitation of'} ${m.name}`}>
              {kind === 'requested' ? 'Decline' : 'Withdraw'}
            </Button>
          </div>
        </li>
      ))}
    </ul>
  );
}
