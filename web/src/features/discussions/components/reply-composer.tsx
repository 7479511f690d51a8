import { type Ref, useState } from 'react';
import { Link } from 'wouter';
import { COMMUNITY_LIMITS, type Post } from '../../../../../contracts/index.ts';
import { MarkdownEditor, isTooLong } from '../../../components/editor/markdown-editor.tsx';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Icon } from '../../../components/ui/icon.tsx';
import { ApiError } from '../../../lib/api-error.ts';

/** Words for the reply errors the server can give. */
function explain(error: ApiError, retryAfter?: number): string {
  if (error.code === 'RATE_LIMITED') return `You're posting quickly. Please wait ${retryAfter ?? 'a few'} seconds and try again — your reply is still here.`;
  return error.detail;
}

/** The reply box at the bottom of a thread; shows who is quoted and why replying is blocked. */
export function ReplyComposer({
  value,
  onChange,
  replyTo,
  onCancelReplyTo,
  onSubmit,
  pending,
  error,
  blockedReason,
  textareaRef,
  isQuestion,
  communityHref,
}: {
  value: string;
  onChange: (v: string) => void;
  replyTo: Post | null;
  onCancelReplyTo: () => void;
  onSubmit: () => void;
  pending: boolean;
  error: unknown;
  blockedReason: string | null;
  textareaRef: Ref<HTMLTextAreaElement | null>;
  isQuestion: boolean;
  /** The community page, where changed rules are accepted. */
  communityHref: string;
}) {
  const [touched, setTouched] = useState(false);
  if (blockedReason)
    return (
      <section className="reply-box reply-blocked" aria-label="Reply">
        <Icon name="lock" size={18} />
        <p>{blockedReason}</p>
        {/rules/i.test(blockedReason) ? (
          <Link href={communityHref} className="btn btn-secondary btn-sm">
            Review the rules
          </Link>
        ) : null}
      </section>
    );
  const submit = () => {
    setTouched(true);
    if (!value.trim() || isTooLong(value, COMMUNITY_LIMITS.postBody) || pending) return;
    onSubmit();
    setTouched(false);
  };
  const apiError = error instanceof ApiError ? error : null;
  return (
    <section className="reply-box" aria-labelledby="reply-title">
      <h2 id="reply-title" className="reply-title">
        {isQuestion ? 'Your answer' : 'Your reply'}
      </h2>
      {replyTo ? (
        <p className="replying-to">
          <Icon name="quote" size={15} /> Replying to {replyTo.author?.name ?? 'a post'}
          <button type="button" className="link-btn" onClick={onCancelReplyTo}>
            Cancel
          </button>
        </p>
      ) : null}
      {apiError ? <Alert>{explain(apiError)}</Alert> : null}
      <form
        className="stack-sm"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <MarkdownEditor
          label={isQuestion ? 'Your answer' : 'Your reply'}
          hideLabel
          value={value}
          onChange={onChange}
          maxLength={COMMUNITY_LIMITS.postBody}
          onSubmit={submit}
          textareaRef={textareaRef}
          rows={5}
          error={touched && !value.trim() ? 'Write something first.' : null}
          placeholder={isQuestion ? 'Share what you know. Type @ to bring in someone who might.' : 'Write a reply. Type @ to mention someone.'}
        />
        <div className="form-actions">
          <span className="field-hint reply-hint">Ctrl+Enter to post</span>
          <Button type="submit" loading={pending}>
            {isQuestion ? 'Post answer' : 'Post reply'}
          </Button>
        </div>
      </form>
    </section>
  );
}
