import { type FormEvent, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { COMMUNITY_LIMITS, type ThreadKind } from '../../../../../contracts/index.ts';
import { MarkdownEditor, isTooLong } from '../../../components/editor/markdown-editor.tsx';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { ErrorState } from '../../../components/ui/error-state.tsx';
import { Field } from '../../../components/ui/field.tsx';
import { Input } from '../../../components/ui/input.tsx';
import { PageLoading } from '../../../components/ui/page-loading.tsx';
import { ApiError } from '../../../lib/api-error.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { useCommunity } from '../../communities/api/use-community.ts';
import { ChoiceCards } from '../../communities/components/choice-cards.tsx';
import { useCreateThread } from '../api/use-create-thread.ts';

const KINDS: { value: ThreadKind; label: string; explain: string; icon: 'message' | 'question' | 'megaphone' }[] = [
  { value: 'discussion', label: 'Discussion', explain: 'Share something or start a conversation.', icon: 'message' },
  { value: 'question', label: 'Question', explain: 'Ask for help; you can mark the answer that solved it.', icon: 'question' },
  { value: 'announcement', label: 'Announcement', explain: 'Pinned to the top for every member (moderators).', icon: 'megaphone' },
];

/** /communities/:slug/new-thread: kind, title and the first post. */
export function NewThreadPage({ slug }: { slug: string }) {
  const community = useCommunity(slug);
  const c = community.data;
  useDocumentTitle(c ? `New thread · ${c.name}` : 'New thread');
  const [, navigate] = useLocation();
  const [kind, setKind] = useState<ThreadKind>('discussion');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [touched, setTouched] = useState(false);
  const create = useCreateThread(c?.id ?? '');

  if (community.isPending) return <PageLoading label="Loading community" />;
  if (community.isError) return <ErrorState error={community.error} title="We couldn't load this community" onRetry={() => community.refetch()} />;
  const back = `/communities/${community.data.slug}`;
  if (!community.data.abilities.canPost)
    return (
      <EmptyState icon="lock" title="You can't post here yet" action={<Link href={back} className="btn btn-primary">Back to {community.data.name}</Link>}>
        {community.data.membership?.mustAcceptRules ? 'Accept the updated rules of this community first.' : 'Join the community to start threads.'}
      </EmptyState>
    );

  const error = create.error instanceof ApiError ? create.error : null;
  const fe = error?.fieldErrors ?? {};
  const kinds = KINDS.filter((k) => k.value !== 'announcement' || community.data.abilities.canAnnounce);
  const titleError = touched && !title.trim() ? 'Give your thread a title.' : fe.title;
  const bodyError = touched && !body.trim() ? (kind === 'question' ? 'Describe your question.' : 'Write the first post.') : fe.body;

  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    setTouched(true);
    if (!title.trim() || !body.trim() || isTooLong(body, COMMUNITY_LIMITS.postBody) || create.isPending) return;
    create.mutate({ kind, title: title.trim(), body }, { onSuccess: (t) => navigate(`/threads/${t.id}`) });
  };

  return (
    <>
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <Link href="/communities">Communities</Link>
        <span aria-hidden="true">/</span>
        <Link href={back}>{community.data.name}</Link>
        <span aria-hidden="true">/</span>
        <span aria-current="page">New thread</span>
      </nav>
      <h1 className="page-title">Start a thread</h1>
      <Card>
        <form className="stack" onSubmit={submit} noValidate>
          {error && !Object.keys(fe).length ? <Alert>{error.detail}</Alert> : null}
          <ChoiceCards<ThreadKind> legend="What kind of thread?" name="thread-kind" value={kind} onChange={setKind} columns={kinds.length} choices={kinds} />
          <Field label="Title" error={titleError} hint={kind === 'question' ? 'Ask it as a question, e.g. “How do you run a good retro remotely?”' : undefined}>
            {(p) => <Input {...p} value={title} onChange={(e) => setTitle(e.target.value)} maxLength={COMMUNITY_LIMITS.threadTitle} />}
          </Field>
          <MarkdownEditor
            label={kind === 'question' ? 'Your question' : 'Message'}
            value={body}
            onChange={setBody}
            maxLength={COMMUNITY_LIMITS.postBody}
            error={bodyError}
            rows={10}
            onSubmit={submit}
            placeholder={kind === 'question' ? 'Add the details: what you tried, what you expected…' : 'Write in Markdown; type @ to mention someone.'}
            hint="Ctrl+Enter to post."
          />
          <div className="form-actions">
            <Link href={back} className="btn btn-ghost">
              Cancel
            </Link>
            <Button type="submit" loading={create.isPending}>
              {kind === 'question' ? 'Post question' : 'Post thread'}
            </Button>
          </div>
        </form>
      </Card>
    </>
  );
}
