import type { Actor } from '../../kernel/auth/sessions.ts';

/** A person as the follow policy sees them. */
export interface FollowTarget {
  id: string;
  orgId: string;
  status: string;
}

/** One may follow any active or invited colleague of one's own organization, except oneself. */
export const canFollowPerson = (actor: Actor, p: FollowTarget | undefined): p is FollowTarget =>
  p !== undefined && p.orgId === actor.orgId && p.status !== 'deactivated' && p.id !== actor.personId;

/** A feed (or one community's) is read by people who can read the community's content: checked by loadCommunityAccess. */
export const canReadCommunityFeed = (access: { canRead: boolean }) => access.canRead;

/** Where the web app opens the subject of an activity. */
export function activityUrl(a: { subjectKind: string; subjectId: string; threadId: string | null; communitySlug: string | null }): string {
  switch (a.subjectKind) {
    case 'thread':
      return `/threads/${a.subjectId}`;
    case 'post':
      return `/threads/${a.threadId}#post-${a.subjectId}`;
    case 'community':
      return `/communities/${a.communitySlug}`;
    case 'resource':
      return `/resources/${a.subjectId}`;
    default:
      return `/pathways/${a.subjectId}`;
  }
}
