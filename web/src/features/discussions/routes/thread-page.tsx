import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Link, useLocation } from 'wouter';
import type { Post } from '../../../../../contracts/index.ts';
import { appendQuote } from '../../../components/editor/markdown-edits.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { ErrorState } from '../../../components/ui/error-state.tsx';
import { Icon } from '../../../components/ui/icon.tsx';
import { Skeleton } from '../../../components/ui/skeleton.tsx';
import { ApiError } from '../../../lib/api-error.ts';
import { plural } from '../../../lib/plural.ts';
import { useChannel } from '../../../lib/use-channel.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { ExpertsList } from '../../communities/components/experts-list.tsx';
import { discussionKeys } from '../api/discussion-keys.ts';
import { useThread } from '../api/use-thread.ts';
import { useThreadActions } from '../api/use-thread-actions.ts';
import { PostCard, type PostHandlers } from '../components/post-card.tsx';
import { ReplyComposer } from '../components/reply-composer.tsx';
import { ThreadBadges } from '../components/thread-badges.tsx';
import { ThreadModeration } from '../components/thread-moderation.tsx';

function ThreadSkeleton() {
  return (
    <div className="stack" aria-busy="true" aria-label="Loading thread">
      <Skeleton width="30%" height={14} />
      <Skeleton width="70%" height={30} />
      {[0, 1].map((i) => (
        <div key={i} className="post">
          <div className="post-head">
            <Skeleton circle width={36} height={36} />
            <Skeleton width={160} height={14} />
          </div>
          <Skeleton width="95%" height={14} />
          <Skeleton width="80%" height={14} />
          <Skeleton width="60%" height={14} />
        </div>
      ))}
    </div>
  );
}

/** /threads/:id: the question or first post, the accepted answer right under it, replies, and the reply box. */
export function ThreadPage({ id }: { id: string }) {
  const qc = useQueryClient();
  const [, navigate] = useLocation();
  const thread = useThread(id);
  const first = thread.data?.pages[0];
  const actions = useThreadActions(id, first?.communityId);
  const [draft, setDraft] = useState('');
  const [replyTo, setReplyTo] = useState<Post | null>(null);
  const [news, setNews] = useState('');
  const composer = useRef<HTMLTextAreaElement | null>(null);
  useDocumentTitle(first?.title ?? 'Thread');

  // Someone else replied, edited or reacted: refetch (the socket carries ids, never content).
  useChannel(first ? `thread:${id}` : null, (event) => {
    void qc.invalidateQueries({ queryKey: discussionKeys.thread(id) });
    if (event.type === 'changed' && /post|repl/.test(event.what)) setNews('The thread has new activity.');
  });

  if (thread.isPending) return <ThreadSkeleton />;
  if (thread.isError || !first) {
    if (thread.error instanceof ApiError && thread.error.status === 404)
      return (
        <EmptyState icon="search" title="We couldn't find that thread" action={<Link href="/communities" className="btn btn-primary">Browse communities</Link>}>
          It may have been deleted, or it belongs to a community you're not in.
        </EmptyState>
      );
    return <ErrorState error={thread.error} title="We couldn't load this thread" onRetry={() => thread.refetch()} />;
  }

  const t = first;
  const posts = thread.data.pages.flatMap((p) => p.posts);
  const question = posts.find((p) => p.isFirst) ?? posts[0];
  // The accepted answer comes with the first page even when it sits on a later one.
  const accepted = t.acceptedPostId ? (posts.find((p) => p.id === t.acceptedPostId) ?? t.acceptedPost ?? undefined) : undefined;
  const replies = posts.filter((p) => p !== question && p.id !== t.acceptedPostId);
  const isQuestion = t.kind === 'question';
  const communityHref = `/communities/${t.community.slug}`;
  const actionError = [actions.update, actions.accept, actions.deletePost, actions.react, actions.edit, actions.remove].find((m) => m.isError)?.error;

  const handlers: PostHandlers = {
    onReact: (post, kind, on) => actions.react.mutate({ postId: post.id, kind, on }),
    onQuote: (post) => {
      setReplyTo(post);
      setDraft((d) => appendQuote(d, post.author?.name ?? 'Someone', post.body));
      requestAnimationFrame(() => {
        const el = composer.current;
        if (!el) return;
        el.focus();
        el.setSelectionRange(el.value.length, el.value.length);
        el.scrollIntoView({ block: 'center', behavior: 'smooth' });
      });
    },
    onAccept: (post, accept) => actions.accept.mutate(accept ? post.id : null),
    onEdit: (post, body) => actions.edit.mutateAsync({ postId: post.id, body }),
    onDelete: (post) => {
      if (window.confirm('Delete this post? Moderators can still see it.')) actions.deletePost.mutate(post.id);
    },
  };
  const card = (post: Post, variant: 'question' | 'accepted' | 'reply') => (
    <PostCard
      key={post.id}
      post={post}
      variant={variant}
      isAsker={post.author?.id === t.author.id}
      isQuestion={isQuestion}
      canReply={t.abilities.canReply}
      handlers={handlers}
      busy={actions.react.isPending || actions.accept.isPending}
    />
  );

  return (
    <>
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <Link href="/communities">Communities</Link>
        <span aria-hidden="true">/</span>
        <Link href={communityHref}>{t.community.name}</Link>
        <span aria-hidden="true">/</span>
        <span aria-current="page" className="breadcrumb-current">
          {t.title}
        </span>
      </nav>
      <header className="thread-head">
        <div className="thread-head-text">
          <ThreadBadges thread={t} />
          <h1>{t.title}</h1>
          <p className="muted small">
            Started by {t.author.name} · {plural(t.replyCount, 'reply', 'replies')}
          </p>
        </div>
        {t.abilities.canModerate ? (
          <ThreadModeration
            thread={t}
            onUpdate={(patch) => actions.update.mutate(patch)}
            deleting={actions.remove.isPending}
            onDelete={() => actions.remove.mutate(undefined, { onSuccess: () => navigate(communityHref) })}
          />
        ) : null}
      </header>
      <p className="visually-hidden" aria-live="polite">
        {news}
      </p>
      {actionError ? <Alert>{actionError.message}</Alert> : null}
      <div className={isQuestion && t.experts.length ? 'thread-layout with-aside' : 'thread-layout'}>
        <div className="thread-main">
          {question ? card(question, 'question') : null}
          {isQuestion && accepted ? card(accepted, 'accepted') : null}
          {replies.length ? (
            <h2 className="replies-title">{isQuestion ? plural(replies.length + (accepted ? 1 : 0), 'answer') : plural(replies.length, 'reply', 'replies')}</h2>
          ) : null}
          <div className="post-list">{replies.map((p) => card(p, 'reply'))}</div>
          {thread.hasNextPage ? (
            <div className="load-more">
              <Button variant="secondary" onClick={() => thread.fetchNextPage()} loading={thread.isFetchingNextPage}>
                Load more replies
              </Button>
            </div>
          ) : null}
          <ReplyComposer
            value={draft}
            onChange={setDraft}
            replyTo={replyTo}
            onCancelReplyTo={() => setReplyTo(null)}
            pending={actions.reply.isPending}
            error={actions.reply.error}
            blockedReason={t.abilities.canReply ? null : (t.abilities.replyBlockedReason ?? 'You can’t reply here.')}
            textareaRef={composer}
            isQuestion={isQuestion}
            communityHref={communityHref}
            onSubmit={() =>
              actions.reply.mutate(
                { body: draft, replyToId: replyTo?.id },
                {
                  onSuccess: () => {
                    setDraft('');
                    setReplyTo(null);
                  },
                },
              )
            }
          />
        </div>
        {isQuestion && t.experts.length ? (
          <aside className="thread-aside" aria-labelledby="thread-experts">
            <Card>
              <h2 id="thread-experts" className="card-title aside-title">
                <Icon name="award" size={18} /> Experts here
              </h2>
              <p className="muted small">Endorsed by members of {t.community.name}. Mention them with @ to ask for their view.</p>
              <ExpertsList experts={t.experts} label="Experts here" />
            </Card>
          </aside>
        ) : null}
      </div>
    </>
  );
}
