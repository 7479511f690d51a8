import { type FormEvent, useState } from 'react';
import { COMMUNITY_LIMITS, type Community, type CommunityVisibility, type UpdateCommunityRequest } from '../../../../../contracts/index.ts';
import { MarkdownEditor, isTooLong } from '../../../components/editor/markdown-editor.tsx';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { Field } from '../../../components/ui/field.tsx';
import { Input } from '../../../components/ui/input.tsx';
import { Textarea } from '../../../components/ui/textarea.tsx';
import { ApiError } from '../../../lib/api-error.ts';
import { plural } from '../../../lib/plural.ts';
import { useUpdateCommunity } from '../api/use-update-community.ts';
import { ChoiceCards } from './choice-cards.tsx';
import { VISIBILITY } from './community-labels.ts';
import { TopicsInput } from './topics-input.tsx';

const same = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Moderators edit the name, description, visibility, topics and rules; a rules change warns that everyone re-accepts. */
export function CommunitySettingsForm({ community }: { community: Community }) {
  const update = useUpdateCommunity(community.id);
  const [name, setName] = useState(community.name);
  const [description, setDescription] = useState(community.description);
  const [visibility, setVisibility] = useState<CommunityVisibility>(community.visibility);
  const [topics, setTopics] = useState(community.topics);
  const [rules, setRules] = useState(community.rules);
  const error = update.error instanceof ApiError ? update.error : null;
  const fe = error?.fieldErrors ?? {};
  const rulesChanged = rules.trim() !== community.rules.trim();

  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    const body: UpdateCommunityRequest = {};
    if (name.trim() !== community.name) body.name = name.trim();
    if (description.trim() !== community.description) body.description = description.trim();
    if (visibility !== community.visibility) body.visibility = visibility;
    if (!same(topics, community.topics)) body.topics = topics;
    if (rulesChanged) body.rules = rules.trim();
    if (!Object.keys(body).length || !name.trim() || !rules.trim() || isTooLong(rules, COMMUNITY_LIMITS.rules)) return;
    update.mutate(body);
  };

  return (
    <Card title="Community settings" id="settings">
      <form className="stack" onSubmit={submit} noValidate>
        {update.isSuccess && !update.isPending ? <Alert tone="success">Your changes are saved.</Alert> : null}
        {error && !Object.keys(fe).length ? <Alert>{error.detail}</Alert> : null}
        <Field label="Name" error={!name.trim() ? 'A community needs a name.' : fe.name}>
          {(p) => <Input {...p} value={name} onChange={(e) => setName(e.target.value)} maxLength={COMMUNITY_LIMITS.name} />}
        </Field>
        <Field label="Description" optional error={fe.description}>
          {(p) => <Textarea {...p} value={description} onChange={(e) => setDescription(e.target.value)} maxLength={COMMUNITY_LIMITS.description} rows={3} />}
        </Field>
        <ChoiceCards<CommunityVisibility>
          legend="Who can see and join"
          name="settings-visibility"
          value={visibility}
          onChange={setVisibility}
          choices={(['open', 'request', 'private', 'secret'] as const).map((v) => ({ value: v, label: VISIBILITY[v].label, icon: VISIBILITY[v].icon, explain: VISIBILITY[v].explain }))}
        />
        <Field label="Topics" optional error={fe.topics}>
          {(p) => <TopicsInput id={p.id} describedBy={p['aria-describedby']} value={topics} onChange={setTopics} />}
        </Field>
        <MarkdownEditor label="Rules (code of conduct)" value={rules} onChange={setRules} maxLength={COMMUNITY_LIMITS.rules} error={!rules.trim() ? 'Rules cannot be empty.' : fe.rules} rows={10} onSubmit={submit} />
        {rulesChanged ? (
          <Alert tone="info">
            Saving new rules asks all {plural(community.memberCount, 'member')} to read and accept them again before they can post. Members keep reading in the
            meantime.
          </Alert>
        ) : null}
        <div className="form-actions">
          <Button type="submit" loading={update.isPending}>
            {rulesChanged ? 'Save and ask members to re-accept' : 'Save changes'}
          </Button>
        </div>
      </form>
    </Card>
  );
}
