import { Link } from 'wouter';
import type { ThreadSummary } from '../../../../../contracts/index.ts';
import { Avatar } from '../../../components/ui/avatar.tsx';
import { Icon } from '../../../components/ui/icon.tsx';
import { plural } from '../../../lib/plural.ts';
import { fullTime, relativeTime } from '../../../lib/relative-time.ts';
import { ThreadBadges } from './thread-badges.tsx';

/** One thread in a list: badges, title, excerpt, author, last activity and reply count. */
export function ThreadRow({ thread }: { thread: ThreadSummary }) {
  const headingId = `thread-${thread.id}`;
  return (
    <article className="thread-row" aria-labelledby={headingId} data-pinned={thread.isPinned || undefined}>
      <Avatar personId={thread.author.id} name={thread.author.name} size="sm" />
      <div className="thread-row-main">
        <ThreadBadges thread={thread} />
        <h3 id={headingId} className="thread-row-title">
          <Link href={`/threads/${thread.id}`} className="stretched-link">
            {thread.title}
          </Link>
        </h3>
        {thread.excerpt ? <p className="thread-row-excerpt">{thread.excerpt}</p> : null}
        <p className="thread-row-meta">
          {thread.author.name} · <time dateTime={thread.lastActivityAt} title={fullTime(thread.lastActivityAt)}>active {relativeTime(thread.lastActivityAt)}</time>
        </p>
      </div>
      <div className="thread-row-count">
        <Icon name="message" size={16} />
        <span aria-hidden="true">{thread.replyCount}</span>
        <span className="visually-hidden">{plural(thread.replyCount, 'reply', 'replies')}</span>
      </div>
    </article>
  );
}
