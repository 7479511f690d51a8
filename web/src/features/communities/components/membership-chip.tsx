import type { Membership } from '../../../../../contracts/index.ts';
import { ROLE_LABEL } from './community-labels.ts';

/** The person's relation to a community in a word: Owner, Member, Requested, Invited (nothing when none). */
export function MembershipChip({ membership }: { membership: Membership | null }) {
  if (!membership) return null;
  if (membership.status === 'requested') return <span className="chip chip-amber">Request sent</span>;
  if (membership.status === 'invited') return <span className="chip chip-sky">You're invited</span>;
  return <span className="chip chip-moss">{membership.role === 'member' ? 'Member' : ROLE_LABEL[membership.role]}</span>;
}
