import { type FormEvent, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { COMMUNITY_LIMITS, type CommunityVisibility } from '../../../../../contracts/index.ts';
import { MarkdownEditor, isTooLong } from '../../../components/editor/markdown-editor.tsx';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { Field } from '../../../components/ui/field.tsx';
import { Input } from '../../../components/ui/input.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { Textarea } from '../../../components/ui/textarea.tsx';
import { ApiError } from '../../../lib/api-error.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { useCreateCommunity } from '../api/use-create-community.ts';
import { ChoiceCards } from '../components/choice-cards.tsx';
import { KIND_HINT, KIND_LABEL, VISIBILITY } from '../components/community-labels.ts';
import { useCanCreateCommunity } from '../components/create-community-action.tsx';
import { DEFAULT_RULES } from '../components/default-rules.ts';
import { TopicsInput } from '../components/topics-input.tsx';

type Kind = 'practice' | 'interest' | 'team';

/** /communities/new: name, description, kind, visibility, topics and the code of conduct. */
export function NewCommunityPage() {
  useDocumentTitle('Create a community');
  const [, navigate] = useLocation();
  const create = useCreateCommunity();
  const { allowed, known } = useCanCreateCommunity();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [kind, setKind] = useState<Kind>('practice');
  const [visibility, setVisibility] = useState<CommunityVisibility>('open');
  const [topics, setTopics] = useState<string[]>([]);
  const [rules, setRules] = useState(DEFAULT_RULES);
  const [touched, setTouched] = useState(false);
  const error = create.error instanceof ApiError ? create.error : null;
  const fe = error?.fieldErrors ?? {};
  const nameError = touched && !name.trim() ? 'Give the community a name.' : fe.name;

  if (known && !allowed)
    return (
      <EmptyState icon="lock" title="Only admins create communities here" action={<Link href="/communities" className="btn btn-secondary">Back to communities</Link>}>
        Your organization lets admins create communities. Ask one of them to start the space you have in mind.
      </EmptyState>
    );

  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    setTouched(true);
    if (!name.trim() || isTooLong(rules, COMMUNITY_LIMITS.rules)) return;
    create.mutate(
      { name: name.trim(), description: description.trim(), kind, visibility, topics, rules: rules.trim() },
      { onSuccess: (c) => navigate(`/communities/${c.slug}`) },
    );
  };

  return (
    <>
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <Link href="/communities">Communities</Link>
        <span aria-hidden="true">/</span>
        <span aria-current="page">New community</span>
      </nav>
      <PageHeader title="Create a community" subtitle="A space for people to learn from each other. You'll be its owner and first moderator." />
      <Card>
        <form className="stack" onSubmit={submit} noValidate>
          {error && !Object.keys(fe).length ? <Alert>{error.detail}</Alert> : null}
          <Field label="Name" error={nameError} hint="Short and clear, e.g. “Frontend Guild” or “Running Club”.">
            {(p) => <Input {...p} value={name} onChange={(e) => setName(e.target.value)} maxLength={COMMUNITY_LIMITS.name} autoFocus />}
          </Field>
          <Field label="Description" optional error={fe.description} hint={`What it's about and who it's for (${description.length}/${COMMUNITY_LIMITS.description}).`}>
            {(p) => <Textarea {...p} value={description} onChange={(e) => setDescription(e.target.value)} maxLength={COMMUNITY_LIMITS.description} rows={3} />}
          </Field>
          <ChoiceCards<Kind>
            legend="Kind"
            name="kind"
            value={kind}
            onChange={setKind}
            columns={3}
            choices={(['practice', 'interest', 'team'] as const).map((k) => ({ value: k, label: KIND_LABEL[k], explain: KIND_HINT[k] }))}
          />
          <ChoiceCards<CommunityVisibility>
            legend="Who can see and join"
            name="visibility"
            value={visibility}
            onChange={setVisibility}
            choices={(['open', 'request', 'private', 'secret'] as const).map((v) => ({ value: v, label: VISIBILITY[v].label, icon: VISIBILITY[v].icon, explain: VISIBILITY[v].explain }))}
          />
          <Field label="Topics" optional error={fe.topics} hint={`Up to ${COMMUNITY_LIMITS.topics}. They help colleagues find the community and power recommendations.`}>
            {(p) => <TopicsInput id={p.id} describedBy={p['aria-describedby']} value={topics} onChange={setTopics} />}
          </Field>
          <MarkdownEditor
            label="Rules (code of conduct)"
            value={rules}
            onChange={setRules}
            maxLength={COMMUNITY_LIMITS.rules}
            hint="Members accept these when they join. Start from this template and make it yours."
            error={fe.rules}
            rows={10}
            onSubmit={submit}
          />
          <div className="form-actions">
            <Link href="/communities" className="btn btn-ghost">
              Cancel
            </Link>
            <Button type="submit" loading={create.isPending}>
              Create community
            </Button>
          </div>
        </form>
      </Card>
    </>
  );
}
