import { Link } from 'wouter';
import { Button } from '../../../components/ui/button.tsx';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { ErrorState } from '../../../components/ui/error-state.tsx';
import { Icon } from '../../../components/ui/icon.tsx';
import { Skeleton } from '../../../components/ui/skeleton.tsx';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { useConversations } from '../api/use-conversations.ts';
import { ConversationList } from '../components/conversation-list.tsx';
import { ConversationView } from '../components/conversation-view.tsx';

/**
 * /messages and /messages/:id: conversations beside the open one on wide screens; on phones the list and the
 * conversation are separate screens (the conversation has a back link).
 */
export function MessagesPage({ id }: { id?: string }) {
  useDocumentTitle('Messages');
  const list = useConversations();
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div className="messages-layout" data-open={id ? 'conversation' : 'list'}>
      <aside className="messages-list-pane" aria-labelledby="messages-title">
        <div className="messages-list-header">
          <h1 id="messages-title">{id ? <span className="messages-title-sm">Messages</span> : 'Messages'}</h1>
          <Link href="/messages/new" className="btn btn-primary btn-sm">
            <Icon name="plus" size={16} /> New
          </Link>
        </div>
        {list.isPending ? (
          <div className="stack-sm" style={{ padding: 16 }} aria-busy="true" aria-label="Loading conversations">
            {[0, 1, 2].map((i) => (
              <Skeleton key={i} height={44} />
            ))}
          </div>
        ) : list.isError && !items.length ? (
          <ErrorState error={list.error} title="We couldn't load your conversations" onRetry={() => list.refetch()} />
        ) : items.length === 0 ? (
          <EmptyState icon="message" title="No conversations yet" action={<Link href="/messages/new" className="btn btn-primary">Start a conversation</Link>}>
            Message a colleague from their profile, or start a small group.
          </EmptyState>
        ) : (
          <>
            <ConversationList items={items} activeId={id} />
            {list.hasNextPage ? (
              <Button variant="ghost" size="sm" onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
                Show more
              </Button>
            ) : null}
          </>
        )}
      </aside>
      <div className="messages-conversation-pane">
        {id ? (
          <ConversationView key={id} id={id} />
        ) : (
          <EmptyState icon="message" title="Pick a conversation">
            Choose one on the left, or start a new one.
          </EmptyState>
        )}
      </div>
    </div>
  );
}
