import { type FormEvent, useRef, useState } from 'react';
import { type MediaKind, RESOURCE_LIMITS, type Resource, type ResourceType } from '../../../../../contracts/index.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { Field } from '../../../components/ui/field.tsx';
import { Input } from '../../../components/ui/input.tsx';
import { Select } from '../../../components/ui/select.tsx';
import { Textarea } from '../../../components/ui/textarea.tsx';
import { ApiError } from '../../../lib/api-error.ts';
import { guessKind, LIMITS_TEXT, precheck, uploadMedia } from '../api/upload-media.ts';
import { useShareResource } from '../api/use-resource.ts';
import { TYPE_LABEL } from './resource-type-icon.tsx';

const TYPE_FOR_KIND: Record<MediaKind, ResourceType> = { video: 'video', audio: 'podcast', pdf: 'article', image: 'other' };

/** Shares a link or an uploaded file into a community or the library, with an upload progress bar and clear refusals. */
export function ShareResourceDialog({ open, onClose, communityId, placeName, onShared }: { open: boolean; onClose: () => void; communityId: string | null; placeName: string; onShared?: (r: Resource) => void }) {
  const [mode, setMode] = useState<'link' | 'upload'>('link');
  const [url, setUrl] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [type, setType] = useState<ResourceType>('article');
  const [title, setTitle] = useState('');
  const [summary, setSummary] = useState('');
  const [duration, setDuration] = useState('');
  const [tags, setTags] = useState('');
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);
  const share = useShareResource();
  const fe = error?.fieldErrors ?? {};
  const busy = progress !== null || share.isPending;

  const reset = () => {
    setUrl('');
    setFile(null);
    setTitle('');
    setSummary('');
    setDuration('');
    setTags('');
    setProgress(null);
    setError(null);
    setFileError(null);
  };
  const close = () => {
    abort.current?.abort();
    reset();
    onClose();
  };

  const pick = (f: File | null) => {
    setFile(f);
    setError(null);
    setFileError(f ? precheck(f) : null);
    const kind = f ? guessKind(f) : null;
    if (f && kind) {
      setType(TYPE_FOR_KIND[kind]);
      if (!title) setTitle(f.name.replace(/\.[^.]+$/, '').replace(/[_-]+/g, ' ').slice(0, RESOURCE_LIMITS.title));
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    let mediaId: string | null = null;
    if (mode === 'upload') {
      if (!file) return setFileError('Choose a file to upload.');
      if (fileError) return;
      abort.current = new AbortController();
      setProgress(0);
      try {
        mediaId = (await uploadMedia(file, communityId, setProgress, abort.current.signal)).id;
      } catch (err) {
        setProgress(null);
        if (err instanceof ApiError) setFileError(err.detail);
        return;
      }
      setProgress(null);
    }
    const body = {
      communityId,
      type,
      title,
      summary,
      durationMinutes: duration ? Number(duration) : null,
      tags: tags.split(',').map((t) => t.trim()).filter(Boolean),
      url: mode === 'link' ? url : null,
      mediaId,
    };
    share.mutate(body, {
      onSuccess: (r) => {
        onShared?.(r);
        close();
      },
      onError: (err) => setError(err instanceof ApiError ? err : ApiError.network()),
    });
  };

  return (
    <Dialog
      open={open}
      onClose={close}
      title={`Share a resource in ${placeName}`}
      wide
      footer={
        <>
          <Button variant="ghost" onClick={close}>
            Cancel
          </Button>
          <Button type="submit" form="share-resource-form" loading={busy}>
            {mode === 'upload' ? 'Upload and share' : 'Share'}
          </Button>
        </>
      }
    >
      <form id="share-resource-form" className="stack" onSubmit={submit} noValidate>
        <fieldset className="segmented" disabled={busy}>
          <legend className="visually-hidden">What to share</legend>
          <label className={mode === 'link' ? 'on' : undefined}>
            <input type="radio" name="share-mode" className="visually-hidden" checked={mode === 'link'} onChange={() => setMode('link')} /> A link
          </label>
          <label className={mode === 'upload' ? 'on' : undefined}>
            <input type="radio" name="share-mode" className="visually-hidden" checked={mode === 'upload'} onChange={() => setMode('upload')} /> A file
          </label>
        </fieldset>
        {error && !Object.keys(fe).length ? <Alert>{error.detail}</Alert> : null}
        {mode === 'link' ? (
          <Field label="Link address" hint="An http or https address." error={fe.url}>
            {(p) => <Input {...p} type="url" inputMode="url" value={url} onChange={(e) => (setUrl(e.target.value), setError(null))} placeholder="https://…" required />}
          </Field>
        ) : (
          <Field label="File" hint={LIMITS_TEXT} error={fileError ?? fe.mediaId}>
            {(p) => <Input {...p} type="file" accept="image/jpeg,image/png,image/gif,image/webp,audio/*,video/mp4,video/quicktime,video/webm,application/pdf" onChange={(e) => pick(e.target.files?.[0] ?? null)} disabled={busy} />}
          </Field>
        )}
        {progress !== null ? (
          <div className="upload-progress">
            <progress max={1} value={progress} aria-label="Upload progress" />
            <span aria-live="polite">{Math.round(progress * 100)}%</span>
          </div>
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
            {(p) => <Input {...p} type="number" min={1} max={RESOURCE_LIMITS.durationMinutes} inputMode="numeric" value={duration} onChange={(e) => setDuration(e.target.value)} />}
          </Field>
        </div>
        <Field label="Title" error={fe.title}>
          {(p) => <Input {...p} value={title} maxLength={RESOURCE_LIMITS.title} onChange={(e) => setTitle(e.target.value)} required />}
        </Field>
        <Field label="Why is it worth it?" optional error={fe.summary}>
          {(p) => <Textarea {...p} rows={3} value={summary} maxLength={RESOURCE_LIMITS.summary} onChange={(e) => setSummary(e.target.value)} />}
        </Field>
        <Field label="Tags" optional hint="Separate with commas, e.g. feedback, leadership." error={Object.entries(fe).find(([k]) => k.startsWith('tags'))?.[1]}>
          {(p) => <Input {...p} value={tags} onChange={(e) => setTags(e.target.value)} />}
        </Field>
      </form>
    </Dialog>
  );
}
