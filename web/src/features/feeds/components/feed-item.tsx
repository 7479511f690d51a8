import { Link } from 'wouter';
import type { FeedItem as Item } from '../../../../../contracts/index.ts';
import { Avatar } from '../../../components/ui/avatar.tsx';
import { fullTime, relativeTime } from '../../../lib/relative-time.ts';
import { TagChip } from './tag-chip.tsx';

const PHRASES: Record<Item['verb'], string> = {
  thread_created: 'started',
  reply_posted: 'replied to',
  answer_accepted: 'accepted an answer on',
  community_created: 'created the community',
  member_joined: 'joined',
  resource_shared: 'shared',
  pathway_published: 'published the pathway',
};

/** One feed line: who did what, where and when; the subject links to where it lives. */
export function FeedItem({ item }: { item: Item }) {
  const inCommunity = item.community && item.subject.kind !== 'community' ? item.community : null;
  return (
    <li className="feed-item">
      <Avatar personId={item.actor.id} name={item.actor.name} size="sm" />
      <div className="feed-item-body">
        <p className="feed-item-text">
          <Link href={`/people/${item.actor.id}`} className="feed-actor">
            {item.actor.name}
          </Link>{' '}
          {PHRASES[item.verb]}{' '}
          <Link href={item.url} className="feed-subject">
            {item.subject.title}
          </Link>
        </p>
        <p className="feed-item-meta">
          {inCommunity ? (
            <>
              in <Link href={`/communities/${inCommunity.slug}`}>{inCommunity.name}</Link>
              <span aria-hidden="true"> · </span>
            </>
          ) : null}
          <time dateTime={item.at} title={fullTime(item.at)}>
            {relativeTime(item.at)}
          </time>
        </p>
        {item.tags.length ? (
          <ul className="chips feed-item-tags" aria-label="Tags">
            {item.tags.slice(0, 4).map((t) => (
              <TagChip key={t} tag={t} />
            ))}
          </ul>
        ) : null}
      </div>
    </li>
  );
}
