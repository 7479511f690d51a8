import { type FormEvent, useState } from 'react';
import { RESOURCE_LIMITS, type Resource, type ResourceType } from '../../../../../contracts/index.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { Field } from '../../../components/ui/field.tsx';
import { Input } from '../../../components/ui/input.tsx';
import { Select } from '../../../components/ui/select.tsx';
import { Textarea } from '../../../components/ui/textarea.tsx';
import { ApiError } from '../../../lib/api-error.ts';
import { useUpdateResource } from '../api/use-resource.ts';
import { TYPE_LABEL } from './resource-type-icon.tsx';

/** Edits a resource's type, title, link, summary, duration and tags. */
export function EditResourceDialog({ open, onClose, resource: r }: { open: boolean; onClose: () => void; resource: Resource }) {
  const [type, setType] = useState<ResourceType>(r.type);
  const [title, setTitle] = useState(r.title);
  const [url, setUrl] = useState(r.url ?? '');
  const [summary, setSummary] = useState(r.summary);
  const [duration, setDuration] = useState(r.durationMinutes ? String(r.durationMinutes) : '');
  const [tags, setTags] = useState(r.tags.join(', '));
  const update = useUpdateResource(r.id);
  const err = update.error instanceof ApiError ? update.error : null;
  const fe = err?.fieldErrors ?? {};
  const submit = (e: FormEvent) => {
    e.preventDefault();
    update.mutate(
      {
        type,
        title,
        summary,
        durationMinutes: duration ? Number(duration) : null,
        tags: tags.split(',').map((t) => t.trim()).filter(Boolean),
        ...(r.url !== null ? { url } : {}),
      },
      { onSuccess: onClose },
    );
  };
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Edit resource"
      wide
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" form="edit-resource-form" loading={update.isPending}>
            Save
          </Button>
        </>
      }
    >
      <form id="edit-resource-form" className="stack" onSubmit={submit} noValidate>
        {err && !Object.keys(fe).length ? <Alert>{err.detail}</Alert> : null}
        {r.url !== null ? (
          <Field label="Link" error={fe.url}>
            {(p) => <Input {...p} type="url" value={url} onChange={(e) => setUrl(e.target.value)} />}
          </Field>
        ) : null}
        <div className="share-grid">
          <Field label="Type" error={fe.type}>
            {(p) => (
              <Select {...p} value={type} onChange={(e) => setType(e.target.value as ResourceType)}>
                {(Object.keys(TYPE_LABEL) as ResourceType[]).map((t) => (
                  <option key={t} value={t}>
                    {TYPE_LABEL[t]}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field label="Duration in minutes" optional error={fe.durationMinutes}>
            {(p) => <Input {...p} type="number" min={1} value={duration} onChange={(e) => setDuration(e.target.value)} />}
          </Field>
        </div>
        <Field label="Title" error={fe.title}>
          {(p) => <Input {...p} value={title} maxLength={RESOURCE_LIMITS.title} onChange={(e) => setTitle(e.target.value)} />}
        </Field>
        <Field label="Summary" optional error={fe.summary}>
          {(p) => <Textarea {...p} rows={3} value={summary} maxLength={RESOURCE_LIMITS.summary} onChange={(e) => setSummary(e.target.value)} />}
        </Field>
        <Field label="Tags" optional hint="Separate with commas." error={Object.entries(fe).find(([k]) => k.startsWith('tags'))?.[1]}>
          {(p) => <Input {...p} value={tags} onChange={(e) => setTags(e.target.value)} />}
        </Field>
      </form>
    </Dialog>
  );
}
