import { Link } from 'wouter';
import type { CommunitySummary } from '../../../../../contracts/index.ts';
import { Icon } from '../../../components/ui/icon.tsx';
import { plural } from '../../../lib/plural.ts';
import { fullTime, relativeTime } from '../../../lib/relative-time.ts';
import { CommunityBadges } from './community-badges.tsx';
import { MembershipChip } from './membership-chip.tsx';

/** A directory card: name, kind and visibility, description, members, threads, last activity, and why it is suggested. */
export function CommunityCard({ community }: { community: CommunitySummary }) {
  const headingId = `community-${community.id}`;
  return (
    <article className="community-card" aria-labelledby={headingId}>
      <div className="community-card-top">
        <span className="community-mark" aria-hidden="true">
          {community.name.trim().charAt(0).toUpperCase()}
        </span>
        <div className="community-card-id">
          <h3 id={headingId} className="community-card-name">
            <Link href={`/communities/${community.slug}`} className="stretched-link">
              {community.name}
            </Link>
          </h3>
          <CommunityBadges community={community} />
        </div>
      </div>
      {community.description ? <p className="community-card-desc">{community.description}</p> : <p className="community-card-desc muted">No description yet.</p>}
      {community.reasons?.length ? (
        <ul className="reasons" aria-label="Why it's suggested">
          {community.reasons.map((r) => (
            <li key={r}>
              <Icon name="sparkle" size={14} />
              {r}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="community-card-meta">
        <span>
          <Icon name="people" size={15} />
          {plural(community.memberCount, 'member')}
        </span>
        <span>
          <Icon name="message" size={15} />
          {plural(community.threadCount, 'thread')}
        </span>
        {community.lastActivityAt ? (
          <span>
            <Icon name="clock" size={15} />
            <time dateTime={community.lastActivityAt} title={fullTime(community.lastActivityAt)}>
              Active {relativeTime(community.lastActivityAt)}
            </time>
          </span>
        ) : null}
        <span className="spacer" />
        <MembershipChip membership={community.membership} />
      </div>
    </article>
  );
}
