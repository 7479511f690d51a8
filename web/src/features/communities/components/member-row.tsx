import { Link } from 'wouter';
import type { CommunityMember, CommunityRole } from '../../../../../contracts/index.ts';
import { Avatar } from '../../../components/ui/avatar.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Icon } from '../../../components/ui/icon.tsx';
import { type MenuAction, MenuButton } from '../../../components/ui/menu-button.tsx';
import { plural } from '../../../lib/plural.ts';
import { relativeTime } from '../../../lib/relative-time.ts';
import { ROLE_LABEL } from './community-labels.ts';

/** What the viewer may do on a member row. */
export type MemberRowProps = {
  member: CommunityMember;
  isMe: boolean;
  canEndorse: boolean;
  canModerate: boolean;
  onEndorse: (endorse: boolean) => void;
  onRole: (role: CommunityRole) => void;
  onRemove: () => void;
  busy?: boolean;
};

/** One active member: presence, name, title, role, expert endorsements with a toggle, and moderator actions. */
export function MemberRow({ member, isMe, canEndorse, canModerate, onEndorse, onRole, onRemove, busy }: MemberRowProps) {
  const actions: MenuAction[] = [];
  if (canModerate && !isMe) {
    if (member.role !== 'moderator') actions.push({ label: 'Make moderator', icon: 'shield', onSelect: () => onRole('moderator') });
    if (member.role !== 'member') actions.push({ label: 'Make member', icon: 'people', onSelect: () => onRole('member') });
    actions.push({ label: 'Remove from community', icon: 'trash', danger: true, onSelect: onRemove });
  }
  return (
    <li className="member-row">
      <Avatar personId={member.id} name={member.name} src={member.avatarUrl} size="sm" showPresence />
      <div className="member-id">
        <Link href={`/people/${member.id}`} className="member-name">
          {member.name}
          {isMe ? <span className="muted"> (you)</span> : null}
        </Link>
        <span className="member-sub">{[member.title, member.department].filter(Boolean).join(' · ') || `Joined ${relativeTime(member.since)}`}</span>
      </div>
      <div className="member-tags">
        {member.role !== 'member' ? <span className={`badge ${member.role === 'owner' ? 'badge-ember' : 'badge-sky'}`}>{ROLE_LABEL[member.role]}</span> : null}
        {member.endorsements > 0 ? (
          <span className="expert-tag" title={`${plural(member.endorsements, 'member')} endorsed ${member.name} as an expert here`}>
            <Icon name="award" size={15} />
            Expert · {member.endorsements}
          </span>
        ) : null}
      </div>
      <div className="member-actions">
        {canEndorse && !isMe ? (
          <Button variant={member.endorsedByMe ? 'secondary' : 'ghost'} size="sm" aria-pressed={member.endorsedByMe} disabled={busy} onClick={() => onEndorse(!member.endorsedByMe)} aria-label={`Endorse ${member.name} as an expert`}>
            <Icon name="award" size={15} />
            {member.endorsedByMe ? 'Endorsed' : 'Endorse'}
          </Button>
        ) : null}
        {actions.length ? <MenuButton label={`Actions for ${member.name}`} actions={actions} /> : null}
      </div>
    </li>
  );
}
