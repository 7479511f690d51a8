import type { CommunitySummary, MeResponse } from '../../../../../contracts/index.ts';

/** Org admins and facilitators plan events in any calendar. */
export const plansAnyCalendar = (me: MeResponse) => me.person.roles.includes('admin') || me.person.roles.includes('facilitator');

/** Community owners and moderators plan events in their community's calendar. */
export const moderates = (c: Pick<CommunitySummary, 'membership'>) => c.membership?.status === 'active' && (c.membership.role === 'owner' || c.membership.role === 'moderator');
