import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { type AgendaTemplate, LIVE_LIMITS, type ProgramPage } from '../../../../../contracts/index.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { Field } from '../../../components/ui/field.tsx';
import { Icon } from '../../../components/ui/icon.tsx';
import { Input } from '../../../components/ui/input.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { Select } from '../../../components/ui/select.tsx';
import { Textarea } from '../../../components/ui/textarea.tsx';
import { api } from '../../../lib/api-client.ts';
import { ApiError } from '../../../lib/api-error.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { useMe } from '../../auth/api/use-me.ts';
import { useCreateLiveSession } from '../api/use-live-actions.ts';
import { GraduationStrip } from '../components/graduation-strip.tsx';
import '../live.css';

const GRADUATED = [
  { kind: 'plenary', title: 'Welcome', durationMinutes: 5 },
  { kind: 'icebreaker', title: 'Icebreaker in threes', durationMinutes: 8 },
  { kind: 'poll', title: 'Quick poll', durationMinutes: 3 },
  { kind: 'chat', title: 'Open chat', durationMinutes: 5 },
  { kind: 'groups', title: 'Small-group discussion', durationMinutes: 15 },
  { kind: 'pairs', title: 'Learning partners', durationMinutes: 10 },
  { kind: 'reflection', title: 'Reflection', durationMinutes: 5 },
  { kind: 'debrief', title: 'Debrief (opt-in)', durationMinutes: 10 },
] as const;

const pad = (n: number) => String(n).padStart(2, '0');
/** The next full hour as a datetime-local value. */
function nextHour(): string {
  const d = new Date(Date.now() + 3600_000);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:00`;
}

/** /live/new — a session for a program (its enrollees) or the whole organization, from the graduated template or blank. */
export function NewLiveSessionPage() {
  useDocumentTitle('New live session');
  const me = useMe();
  const [, navigate] = useLocation();
  const search = new URLSearchParams(useSearch());
  const create = useCreateLiveSession();
  const programs = useQuery({
    queryKey: ['live', 'my-programs'],
    queryFn: ({ signal }) => api<ProgramPage>('/api/programs?filter=mine&limit=50', { signal }),
  });
  const facilitated = (programs.data?.items ?? []).filter((p) => me.person.roles.includes('admin') || p.facilitators.some((f) => f.id === me.person.id));
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [startsAt, setStartsAt] = useState(nextHour);
  const [programId, setProgramId] = useState(search.get('programId') ?? '');
  const [capacity, setCapacity] = useState('');
  const [template, setTemplate] = useState<AgendaTemplate>('graduated');
  const [touched, setTouched] = useState(false);
  const err = create.error instanceof ApiError ? create.error : null;
  const fe = err?.fieldErrors ?? {};
  const local = {
    title: touched && !title.trim() ? 'Give the session a title.' : undefined,
    startsAt: touched && !startsAt ? 'Choose a date and time.' : undefined,
    capacity: touched && capacity && !(Number(capacity) >= 1) ? 'A number of seats, or empty for unlimited.' : undefined,
  };
  const otherError = err && !Object.keys(fe).some((k) => ['title', 'description', 'startsAt', 'programId', 'capacity', 'template'].includes(k)) ? err.detail : null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!title.trim() || !startsAt || (capacity && !(Number(capacity) >= 1))) {
      requestAnimationFrame(() => document.querySelector<HTMLElement>('.new-live [aria-invalid="true"]')?.focus());
      return;
    }
    create.mutate(
      { title: title.trim(), description: description.trim(), startsAt: new Date(startsAt).toISOString(), programId: programId || null, capacity: capacity ? Number(capacity) : null, template },
      { onSuccess: (s) => navigate(`/live/${s.id}/plan`) },
    );
  };

  return (
    <div className="live-page">
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <Link href="/live">Live</Link>
        <span aria-hidden="true">/</span>
        <span aria-current="page">New session</span>
      </nav>
      <PageHeader title="New live session" subtitle="Plan the agenda next. People see the session as soon as it is created." />
      <Card>
        <form className="stack new-live" onSubmit={submit} noValidate>
          {otherError ? <Alert>{otherError}</Alert> : null}
          <Field label="Title" error={local.title ?? fe.title}>
            {(p) => <Input {...p} value={title} maxLength={LIVE_LIMITS.title} onChange={(e) => setTitle(e.target.value)} autoFocus />}
          </Field>
          <Field label="Description" optional error={fe.description}>
            {(p) => <Textarea {...p} rows={2} value={description} maxLength={LIVE_LIMITS.description} onChange={(e) => setDescription(e.target.value)} />}
          </Field>
          <div className="form-grid">
            <Field label="Starts" error={local.startsAt ?? fe.startsAt} hint={`Your time zone: ${Intl.DateTimeFormat().resolvedOptions().timeZone}`}>
              {(p) => <Input {...p} type="datetime-local" value={startsAt} onChange={(e) => setStartsAt(e.target.value)} />}
            </Field>
            <Field label="Who can join" error={fe.programId} hint={programId ? 'People enrolled in the program, and its facilitators.' : 'Anyone in the organization.'}>
              {(p) => (
                <Select {...p} value={programId} onChange={(e) => setProgramId(e.target.value)}>
                  <option value="">Everyone in the organization</option>
                  {facilitated.map((pr) => (
                    <option key={pr.id} value={pr.id}>
                      Program: {pr.title}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
            <Field label="Seats" optional error={local.capacity ?? fe.capacity} hint="Leave empty for unlimited. Facilitators never take a seat.">
              {(p) => <Input {...p} type="number" inputMode="numeric" min={1} value={capacity} onChange={(e) => setCapacity(e.target.value)} />}
            </Field>
          </div>
          <fieldset className="template-choice">
            <legend className="field-label">Start from</legend>
            <label className="template-card" data-on={template === 'graduated' || undefined}>
              <input type="radio" name="template" value="graduated" checked={template === 'graduated'} onChange={() => setTemplate('graduated')} />
              <span className="template-text">
                <strong>The graduated sequence (recommended)</strong>
                <span className="muted small">Welcome → icebreaker in threes → poll → chat → small groups of four → learning partners → reflection → opt-in debrief. About an hour, all editable.</span>
                <GraduationStrip segments={GRADUATED.map((g) => ({ ...g }))} />
              </span>
            </label>
            <label className="template-card" data-on={template === 'blank' || undefined}>
              <input type="radio" name="template" value="blank" checked={template === 'blank'} onChange={() => setTemplate('blank')} />
              <span className="template-text">
                <strong>Blank</strong>
                <span className="muted small">One plenary segment to build from.</span>
              </span>
            </label>
          </fieldset>
          <div className="row">
            <Button type="submit" loading={create.isPending}>
              <Icon name="arrowRight" size={18} /> Create and plan
            </Button>
            <Link href="/live" className="btn btn-ghost">
              Cancel
            </Link>
          </div>
        </form>
      </Card>
    </div>
  );
}
