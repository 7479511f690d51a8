import { Link } from 'wouter';
import type { ConversationSummary } from '../../../../../contracts/index.ts';
import { Avatar } from '../../../components/ui/avatar.tsx';
import { fullTime, relativeTime } from '../../../lib/relative-time.ts';
import { conversationName } from './conversation-name.ts';

/** The conversation list: who, last message, when, unread count; the open one is marked current. */
export function ConversationList({ items, activeId }: { items: ConversationSummary[]; activeId?: string }) {
  return (
    <ul className="conversation-list" aria-label="Conversations">
      {items.map((c) => {
        const name = conversationName(c);
        const first = c.members[0];
        return (
          <li key={c.id}>
            <Link href={`/messages/${c.id}`} className="conversation-row" aria-current={c.id === activeId ? 'page' : undefined} data-unread={c.unreadCount > 0}>
              {c.isGroup || !first ? (
                <span className="group-avatar" aria-hidden="true">
                  {c.members.length + 1}
                </span>
              ) : (
                <Avatar personId={first.id} name={first.name} size="sm" showPresence />
              )}
              <span className="conversation-row-main">
                <span className="conversation-row-top">
                  <span className="conversation-row-name">{name}</span>
                  {c.lastMessageAt ? (
                    <time className="conversation-row-time" dateTime={c.lastMessageAt} title={fullTime(c.lastMessageAt)}>
                      {relativeTime(c.lastMessageAt)}
                    </time>
                  ) : null}
                </span>
                <span className="conversation-row-preview">{c.lastMessagePreview ?? 'No messages yet'}</span>
              </span>
              {c.unreadCount ? (
                <span className="inbox-badge" aria-label={`${c.unreadCount} unread`}>
                  {c.unreadCount > 99 ? '99+' : c.unreadCount}
                </span>
              ) : null}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
