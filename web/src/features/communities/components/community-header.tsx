import type { Community } from '../../../../../contracts/index.ts';
import { Icon } from '../../../components/ui/icon.tsx';
import { plural } from '../../../lib/plural.ts';
import { relativeTime } from '../../../lib/relative-time.ts';
import { CommunityBadges } from './community-badges.tsx';
import { MembershipActions } from './membership-actions.tsx';
import { MembershipChip } from './membership-chip.tsx';
import { TagChip } from '../../feeds/components/tag-chip.tsx';

/** The top of a community page: name, kind, visibility, description, counts, topics and the membership buttons. */
export function CommunityHeader({ community }: { community: Community }) {
  return (
    <header className="community-head">
      <span className="community-mark community-mark-lg" aria-hidden="true">
        {community.name.trim().charAt(0).toUpperCase()}
      </span>
      <div className="community-head-text">
        <div className="row" style={{ gap: 8 }}>
          <CommunityBadges community={community} />
          <MembershipChip membership={community.membership} />
        </div>
        <h1>{community.name}</h1>
        {community.description ? <p className="community-head-desc">{community.description}</p> : null}
        <ul className="community-facts">
          <li>
            <Icon name="people" size={16} />
            {plural(community.memberCount, 'member')}
          </li>
          <li>
            <Icon name="message" size={16} />
            {plural(community.threadCount, 'thread')}
          </li>
          {community.lastActivityAt ? (
            <li>
              <Icon name="clock" size={16} />
              Active {relativeTime(community.lastActivityAt)}
            </li>
          ) : null}
        </ul>
        {community.topics.length ? (
          <ul className="chips" aria-label="Topics">
            {community.topics.map((t) => (
              <TagChip key={t} tag={t} />
            ))}
          </ul>
        ) : null}
      </div>
      <MembershipActions community={community} />
    </header>
  );
}
