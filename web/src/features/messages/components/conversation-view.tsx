import { useEffect, useRef } from 'react';
import { Link, useLocation } from 'wouter';
import { Avatar } from '../../../components/ui/avatar.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { ErrorState } from '../../../components/ui/error-state.tsx';
import { Icon } from '../../../components/ui/icon.tsx';
import { RenderedHtml } from '../../../components/ui/rendered-html.tsx';
import { Skeleton } from '../../../components/ui/skeleton.tsx';
import { ApiError } from '../../../lib/api-error.ts';
import { fullTime, relativeTime } from '../../../lib/relative-time.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { useConversationActions } from '../api/use-message-actions.ts';
import { useConversation } from '../api/use-conversations.ts';
import { useMessageHistory } from '../api/use-message-history.ts';
import { conversationName } from './conversation-name.ts';
import { MessageComposer } from './message-composer.tsx';

/** One conversation: header, history (oldest at the top, live), and the composer. Opening it marks it read. */
export function ConversationView({ id }: { id: string }) {
  const [, navigate] = useLocation();
  const conversation = useConversation(id);
  const history = useMessageHistory(id);
  const actions = useConversationActions(id);
  const endRef = useRef<HTMLDivElement>(null);
  const c = conversation.data;
  const name = c ? conversationName(c) : 'Conversation';
  useDocumentTitle(name);
  const messages = (history.data?.pages.flatMap((p) => p.items) ?? []).slice().reverse();
  const newest = messages[messages.length - 1]?.id;

  // New messages scroll into view; reading the open conversation clears its unread count.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the newest message id is the trigger
  useEffect(() => {
    endRef.current?.scrollIntoView({ block: 'end' });
  }, [newest]);
  const unread = c?.unreadCount ?? 0;
  // biome-ignore lint/correctness/useExhaustiveDependencies: markRead is stable enough; the count is the trigger
  useEffect(() => {
    if (unread > 0 && !actions.markRead.isPending) actions.markRead.mutate();
  }, [unread, newest]);

  if (conversation.isError || history.isError) {
    const err = conversation.error ?? history.error;
    return err instanceof ApiError && err.status === 404 ? (
      <EmptyState icon="message" title="We couldn't find that conversation" action={<Link href="/messages" className="btn btn-primary">All messages</Link>}>
        You may have left it, or the link may be wrong.
      </EmptyState>
    ) : (
      <ErrorState error={err} title="We couldn't load this conversation" onRetry={() => (conversation.refetch(), history.refetch())} />
    );
  }

  return (
    <section className="conversation" aria-labelledby="conversation-title">
      <header className="conversation-header">
        <Link href="/messages" className="btn btn-ghost btn-sm conversation-back" aria-label="All conversations">
          <Icon name="arrowRight" size={18} style={{ transform: 'rotate(180deg)' }} />
        </Link>
        {c && !c.isGroup && c.members[0] ? <Avatar personId={c.members[0].id} name={c.members[0].name} size="sm" showPresence /> : null}
        <div className="conversation-header-text">
          <h1 id="conversation-title" className="conversation-title">
            {c ? c.isGroup || !c.members[0] ? name : <Link href={`/people/${c.members[0].id}`}>{name}</Link> : <Skeleton width={160} />}
          </h1>
          {c?.isGroup ? <p className="conversation-sub">{c.members.map((m) => m.name).join(', ')} and you</p> : null}
        </div>
        {c?.canLeave ? (
          <Button variant="ghost" size="sm" loading={actions.leave.isPending} onClick={() => actions.leave.mutate(undefined, { onSuccess: () => navigate('/messages') })}>
            Leave
          </Button>
        ) : null}
      </header>
      <div className="message-scroll">
        {history.hasNextPage ? (
          <div className="load-earlier">
            <Button variant="ghost" size="sm" onClick={() => history.fetchNextPage()} loading={history.isFetchingNextPage}>
              Show earlier messages
            </Button>
          </div>
        ) : null}
        {history.isPending ? (
          <div className="stack-sm" aria-busy="true" aria-label="Loading messages">
            <Skeleton width="55%" height={38} />
            <Skeleton width="40%" height={38} style={{ alignSelf: 'flex-end' }} />
          </div>
        ) : messages.length === 0 ? (
          <p className="muted message-empty">No messages yet. Say hello!</p>
        ) : (
          <ol className="message-list" aria-label="Messages" aria-live="polite">
            {messages.map((m) => (
              <li key={m.id} className="message" data-mine={m.mine}>
                {!m.mine ? <span className="message-author">{m.author.name}</span> : <span className="visually-hidden">You</span>}
                <RenderedHtml html={m.html} className="message-bubble" />
                <time className="message-time" dateTime={m.createdAt} title={fullTime(m.createdAt)}>
                  {relativeTime(m.createdAt)}
                </time>
              </li>
            ))}
          </ol>
        )}
        <div ref={endRef} />
      </div>
      <MessageComposer pending={actions.send.isPending} error={actions.send.error} onSend={(body, done) => actions.send.mutate(body, { onSuccess: done })} />
    </section>
  );
}
