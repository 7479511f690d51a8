import type { CommunityKind, CommunityRole, CommunityVisibility } from '../../../../../contracts/index.ts';
import type { IconName } from '../../../components/ui/icon.tsx';

/** What each kind of community is called. */
export const KIND_LABEL: Record<CommunityKind, string> = {
  practice: 'Community of practice',
  interest: 'Interest group',
  team: 'Team',
  cohort: 'Cohort',
};

/** Short descriptions of the kinds people can create. */
export const KIND_HINT: Record<Exclude<CommunityKind, 'cohort'>, string> = {
  practice: 'People who share a craft and get better at it together.',
  interest: 'A topic people enjoy, at work or beyond it.',
  team: 'A working group with a shared goal.',
};

/** Visibility in a word or two, with an icon. */
export const VISIBILITY: Record<CommunityVisibility, { label: string; icon: IconName; explain: string }> = {
  open: { label: 'Open', icon: 'globe', explain: 'Anyone in your organization can read it and join right away.' },
  request: { label: 'Request to join', icon: 'userPlus', explain: 'Listed in the directory. Anyone can ask to join; a moderator approves. Only members read the discussions.' },
  private: { label: 'Private', icon: 'lock', explain: 'Listed in the directory, but people join only when a moderator invites them. Only members read the discussions.' },
  secret: { label: 'Secret', icon: 'eyeOff', explain: 'Hidden from the directory and search. Only invited members know it exists.' },
};

/** Role names as people say them. */
export const ROLE_LABEL: Record<CommunityRole, string> = { owner: 'Owner', moderator: 'Moderator', member: 'Member' };
