import type { IconName } from '../../../components/ui/icon.tsx';

/** A 0–1000 compatibility score as a percentage people read at a glance. */
export const scorePct = (score: number) => Math.round(score / 10);

/** Icon of each explanation factor. */
export const FACTOR_ICON: Record<string, IconName> = {
  skills: 'award',
  goals: 'route',
  department: 'briefcase',
  seniority: 'arrowUp',
  timezone: 'globe',
  availability: 'clock',
};

/** Why a mentee was left without a mentor, in words for an admin. */
export const UNMATCHED_REASON: Record<string, string> = {
  NO_FEASIBLE_MENTOR: 'No mentor fits the hard rules',
  NO_CAPACITY: 'Mentors who fit are full',
  NOT_BENEFICIAL: 'No pair scores well enough',
  INVALID_PROFILE: 'Profile is incomplete or invalid',
};

/** The three matching objectives with a one-line explanation each. */
export const MODES = [
  { mode: 'optimal', label: 'Best overall', line: 'Maximizes the total compatibility of all pairs. Usually the strongest programme, though one or two people may get a weaker pair.' },
  { mode: 'fair', label: 'Fair to the worst-off', line: 'First makes the weakest pair as good as possible, then the total. Use it when nobody should feel an afterthought.' },
  { mode: 'participation', label: 'Most people matched', line: 'Matches as many mentees as capacity allows, even with lower scores. Use it when everyone should get a mentor.' },
] as const;

/** Goal statuses in words. */
export const GOAL_STATUS = { open: 'Not started', in_progress: 'In progress', done: 'Done', dropped: 'Dropped' } as const;

/** Check-in ratings in words. */
export const RATING_WORDS = ['', 'Not working', 'Struggling', 'Okay', 'Going well', 'Excellent'];

/** Expert route statuses in words. */
export const ROUTE_STATUS = { routed: 'Sent', seen: 'Seen', answered: 'Answered', declined: 'Declined', expired: 'No reply' } as const;
