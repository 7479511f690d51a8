import { useState } from 'react';
import { Link } from 'wouter';
import { COMMUNITY_LIMITS, type Post, type ReactionKind } from '../../../../../contracts/index.ts';
import { MarkdownEditor, isTooLong } from '../../../components/editor/markdown-editor.tsx';
import { Avatar } from '../../../components/ui/avatar.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Icon } from '../../../components/ui/icon.tsx';
import { RenderedHtml } from '../../../components/ui/rendered-html.tsx';
import { fullTime, relativeTime } from '../../../lib/relative-time.ts';
import { PostHistoryDialog } from './post-history-dialog.tsx';
import { ReactionsBar } from './reactions-bar.tsx';

/** Callbacks a post needs from its thread page. */
export type PostHandlers = {
  onReact: (post: Post, kind: ReactionKind, on: boolean) => void;
  onQuote: (post: Post) => void;
  onAccept: (post: Post, accept: boolean) => void;
  onEdit: (post: Post, body: string) => Promise<unknown>;
  onDelete: (post: Post) => void;
};

/**
 * One post: author (expert badge, asker), time, edited marker with history, the server-rendered HTML,
 * reactions, and actions (reply with quote, accept answer, edit, delete).
 */
export function PostCard({
  post,
  variant,
  isAsker,
  isQuestion,
  canReply,
  handlers,
  busy,
}: {
  post: Post;
  variant: 'question' | 'accepted' | 'reply';
  isAsker: boolean;
  isQuestion: boolean;
  canReply: boolean;
  handlers: PostHandlers;
  busy?: boolean;
}) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(post.body);
  const [history, setHistory] = useState(false);
  const [saving, setSaving] = useState(false);
  const author = post.author;
  const who = author?.name ?? 'Deleted post';
  const label = variant === 'question' ? `${isQuestion ? 'Question' : 'Post'} by ${who}` : variant === 'accepted' ? `Accepted answer by ${who}` : `Reply by ${who}`;
  const hidden = post.isDeleted && !post.html;

  const save = async () => {
    if (!draft.trim() || isTooLong(draft, COMMUNITY_LIMITS.postBody)) return;
    setSaving(true);
    try {
      await handlers.onEdit(post, draft);
      setEditing(false);
    } finally {
      setSaving(false);
    }
  };

  return (
    <article id={`post-${post.id}`} className={`post post-${variant}`} aria-label={label} data-deleted={post.isDeleted || undefined} data-accepted={post.isAccepted || undefined}>
      {variant === 'accepted' ? (
        <p className="accepted-flag">
          <Icon name="checkCircle" size={18} /> Accepted answer
        </p>
      ) : null}
      <header className="post-head">
        {author ? <Avatar personId={author.id} name={author.name} size="sm" showPresence /> : <span className="avatar avatar-sm avatar-tone-0" aria-hidden="true" />}
        <div className="post-author">
          {author ? (
            <Link href={`/people/${author.id}`} className="post-author-name">
              {author.name}
            </Link>
          ) : (
            <span className="post-author-name muted">Deleted</span>
          )}
          {author?.isExpert ? (
            <span className="expert-tag" title="Endorsed as an expert in this community">
              <Icon name="award" size={14} /> Expert
            </span>
          ) : null}
          {isAsker && variant !== 'question' ? <span className="badge">Asker</span> : null}
          {post.isDeleted ? <span className="badge badge-danger">Deleted</span> : null}
          <span className="post-time">
            <time dateTime={post.createdAt} title={fullTime(post.createdAt)}>
              {relativeTime(post.createdAt)}
            </time>
            {post.editedAt ? ' ' : null}
            {post.editedAt ? (
              post.abilities.canSeeHistory ? (
                <button type="button" className="link-btn" onClick={() => setHistory(true)} title={`Edited ${fullTime(post.editedAt)}`}>
                  · edited<span className="visually-hidden"> (show history)</span>
                </button>
              ) : (
                <span title={`Edited ${fullTime(post.editedAt)}`}> · edited</span>
              )
            ) : null}
          </span>
        </div>
      </header>
      {editing ? (
        <div className="stack-sm">
          <MarkdownEditor label="Edit post" hideLabel value={draft} onChange={setDraft} maxLength={COMMUNITY_LIMITS.postBody} onSubmit={save} rows={6} />
          <div className="form-actions">
            <Button
              variant="ghost"
              size="sm"
              onClick={() => {
                setEditing(false);
                setDraft(post.body);
              }}
            >
              Cancel
            </Button>
            <Button size="sm" onClick={save} loading={saving} disabled={!draft.trim()}>
              Save edit
            </Button>
          </div>
        </div>
      ) : hidden ? (
        <p className="muted post-deleted">This post was deleted.</p>
      ) : (
        <RenderedHtml html={post.html} className="post-body" />
      )}
      {!editing && !hidden ? (
        <footer className="post-foot">
          <ReactionsBar post={post} pending={busy} onToggle={(kind, on) => handlers.onReact(post, kind, on)} />
          <span className="spacer" />
          {canReply && !post.isDeleted ? (
            <Button variant="ghost" size="sm" onClick={() => handlers.onQuote(post)} aria-label="Quote" title="Quote in your reply">
              <Icon name="quote" size={15} /> <span className="hide-sm">Quote</span>
            </Button>
          ) : null}
          {post.abilities.canAccept && !post.isFirst && !post.isDeleted ? (
            <Button variant={post.isAccepted ? 'secondary' : 'ghost'} size="sm" onClick={() => handlers.onAccept(post, !post.isAccepted)} aria-pressed={post.isAccepted} aria-label="Accept answer" disabled={busy}>
              <Icon name="checkCircle" size={15} /> {post.isAccepted ? 'Accepted' : 'Accept answer'}
            </Button>
          ) : null}
          {post.abilities.canEdit && !post.isDeleted ? (
            <Button variant="ghost" size="sm" onClick={() => setEditing(true)} aria-label="Edit" title="Edit">
              <Icon name="edit" size={15} /> <span className="hide-sm">Edit</span>
            </Button>
          ) : null}
          {post.abilities.canDelete && !post.isDeleted && !post.isFirst ? (
            <Button variant="ghost" size="sm" onClick={() => handlers.onDelete(post)} aria-label={`Delete ${label.toLowerCase()}`}>
              <Icon name="trash" size={15} />
            </Button>
          ) : null}
        </footer>
      ) : null}
      {history ? <PostHistoryDialog postId={post.id} open onClose={() => setHistory(false)} /> : null}
    </article>
  );
}
