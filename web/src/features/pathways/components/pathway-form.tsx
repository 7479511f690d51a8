import { type FormEvent, useState } from 'react';
import { Link } from 'wouter';
import { PATHWAY_LIMITS, type Pathway, type StepUpdate } from '../../../../../contracts/index.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { Field } from '../../../components/ui/field.tsx';
import { Input } from '../../../components/ui/input.tsx';
import { Select } from '../../../components/ui/select.tsx';
import { Textarea } from '../../../components/ui/textarea.tsx';
import { ApiError } from '../../../lib/api-error.ts';
import { useMyCommunities } from '../api/use-step-targets.ts';
import { type DraftStep, type StepErrors, StepEditor } from './step-editor.tsx';

/** What the form hands back on save. */
export type PathwayFormValues = { title: string; description: string; communityId: string | null; steps: StepUpdate[]; publish: boolean };

/** The editor's copy of a saved pathway's steps. */
export function toDraftSteps(p: Pathway): DraftStep[] {
  return p.steps.map((s) => ({
    key: s.id,
    id: s.id,
    kind: s.kind,
    title: s.title,
    instructions: s.instructions,
    dueDate: s.dueDate ?? '',
    resource: s.resource ? { id: s.resource.id, title: s.resource.title, meta: s.resource.type } : null,
    thread: s.thread ? { id: s.thread.id, title: s.thread.title } : null,
  }));
}

function toRequestSteps(steps: DraftStep[], keepIds: boolean): StepUpdate[] {
  return steps.map((s) => ({
    ...(keepIds && s.id ? { id: s.id } : {}),
    kind: s.kind,
    title: s.title.trim(),
    instructions: s.instructions.trim(),
    ...(s.kind === 'resource' && s.resource ? { resourceId: s.resource.id } : {}),
    ...(s.kind === 'discussion' && s.thread ? { threadId: s.thread.id } : {}),
    ...(s.kind === 'task' && s.dueDate ? { dueDate: s.dueDate } : {}),
  }));
}

/** Problems the browser can tell before asking the server. */
function checkSteps(steps: DraftStep[]): Record<string, StepErrors> {
  const out: Record<string, StepErrors> = {};
  for (const s of steps) {
    const e: StepErrors = {};
    if (!s.title.trim()) e.title = 'Give the step a title.';
    if (s.kind === 'resource' && !s.resource) e.resourceId = 'Choose a resource for this step.';
    if (s.kind === 'discussion' && !s.thread) e.threadId = 'Choose a discussion for this step.';
    if (Object.keys(e).length) out[s.key] = e;
  }
  return out;
}

/** Server field errors such as `steps.2.resourceId`, attached to the step that was at that position when saved. */
function stepErrorsFrom(error: ApiError, sent: DraftStep[]): Record<string, StepErrors> {
  const out: Record<string, StepErrors> = {};
  for (const [field, message] of Object.entries(error.fieldErrors)) {
    const m = /^steps\.(\d+)\.(\w+)/.exec(field);
    const step = m ? sent[Number(m[1])] : undefined;
    if (!m || !step) continue;
    out[step.key] = { ...out[step.key], [m[2] as string]: message };
  }
  return out;
}

/**
 * Title, description, home community (chosen once, when creating) and the ordered steps; "Save draft"
 * and "Publish" for drafts, "Save changes" once published. Server field errors land on their field.
 */
export function PathwayForm({
  initial,
  defaultCommunityId,
  saving,
  error,
  onSave,
  cancelHref,
}: {
  initial?: Pathway;
  defaultCommunityId?: string | null;
  saving: 'draft' | 'publish' | null;
  error: unknown;
  onSave: (v: PathwayFormValues, sent: DraftStep[]) => void;
  cancelHref: string;
}) {
  const [title, setTitle] = useState(initial?.title ?? '');
  const [description, setDescription] = useState(initial?.description ?? '');
  const [communityId, setCommunityId] = useState<string | null>(initial ? (initial.community?.id ?? null) : (defaultCommunityId ?? null));
  const [steps, setSteps] = useState<DraftStep[]>(() => (initial ? toDraftSteps(initial) : []));
  const [sent, setSent] = useState<DraftStep[]>([]);
  const [touched, setTouched] = useState(false);
  const communities = useMyCommunities();
  const postable = (communities.data?.items ?? []).filter((c) => (c.membership?.status === 'active' && !c.membership.mustAcceptRules) || c.id === communityId);
  const apiError = error instanceof ApiError ? error : null;
  const fe = apiError?.fieldErrors ?? {};
  const local = touched ? checkSteps(steps) : {};
  const remote = apiError ? stepErrorsFrom(apiError, sent) : {};
  const stepErrors: Record<string, StepErrors> = {};
  for (const s of steps) if (local[s.key] || remote[s.key]) stepErrors[s.key] = { ...remote[s.key], ...local[s.key] };
  const titleError = touched && !title.trim() ? 'Give the pathway a title.' : fe.title;
  const published = initial?.status === 'published';
  const otherError = apiError && !Object.keys(fe).some((f) => f === 'title' || f === 'description' || f === 'communityId' || /^steps\.\d+\./.test(f));

  const save = (publish: boolean) => (e?: FormEvent) => {
    e?.preventDefault();
    setTouched(true);
    if (!title.trim() || Object.keys(checkSteps(steps)).length || saving) {
      requestAnimationFrame(() => document.querySelector<HTMLElement>('.pathway-form [aria-invalid="true"]')?.focus());
      return;
    }
    setSent(steps);
    onSave({ title: title.trim(), description: description.trim(), communityId, steps: toRequestSteps(steps, !!initial), publish }, steps);
  };

  return (
    <Card>
      <form className="stack pathway-form" onSubmit={save(published)} noValidate>
        {otherError ? <Alert>{apiError.detail}</Alert> : null}
        {apiError && !otherError && Object.keys(remote).length ? <Alert>{apiError.detail}</Alert> : null}
        <Field label="Title" error={titleError} hint="What people will be able to do at the end, e.g. “Run your first design critique”.">
          {(p) => <Input {...p} value={title} onChange={(e) => setTitle(e.target.value)} maxLength={PATHWAY_LIMITS.title} autoFocus={!initial} />}
        </Field>
        <Field label="Description" optional error={fe.description} hint={`Who it's for and what they'll get out of it (${description.length}/${PATHWAY_LIMITS.description}).`}>
          {(p) => <Textarea {...p} value={description} onChange={(e) => setDescription(e.target.value)} maxLength={PATHWAY_LIMITS.description} rows={3} />}
        </Field>
        {initial ? (
          <p className="muted small">
            Lives in <strong>{initial.community ? initial.community.name : 'the whole organization'}</strong>.
          </p>
        ) : (
          <Field label="Community" optional error={fe.communityId} hint="Members of the community find it on its page; leave it for the whole organization.">
            {(p) => (
              <Select {...p} value={communityId ?? ''} onChange={(e) => setCommunityId(e.target.value || null)} disabled={communities.isPending}>
                <option value="">Whole organization</option>
                {postable.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </Select>
            )}
          </Field>
        )}
        <StepEditor steps={steps} onChange={setSteps} errors={stepErrors} communityId={communityId} />
        <div className="form-actions">
          <Link href={cancelHref} className="btn btn-ghost">
            Cancel
          </Link>
          {published ? (
            <Button type="submit" loading={saving !== null}>
              Save changes
            </Button>
          ) : (
            <>
              <Button variant="secondary" onClick={() => save(false)()} loading={saving === 'draft'} disabled={saving !== null}>
                Save draft
              </Button>
              <Button onClick={() => save(true)()} loading={saving === 'publish'} disabled={saving !== null}>
                Publish
              </Button>
            </>
          )}
        </div>
      </form>
    </Card>
  );
}
