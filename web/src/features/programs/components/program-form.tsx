import { type FormEvent, useState } from 'react';
import { Link } from 'wouter';
import { CHECKIN_LIMITS, type CreateProgramRequest, PROGRAM_LIMITS, type Program } from '../../../../../contracts/index.ts';
import { MarkdownEditor } from '../../../components/editor/markdown-editor.tsx';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { Field } from '../../../components/ui/field.tsx';
import { Icon } from '../../../components/ui/icon.tsx';
import { Input } from '../../../components/ui/input.tsx';
import { Select } from '../../../components/ui/select.tsx';
import { Textarea } from '../../../components/ui/textarea.tsx';
import { ApiError } from '../../../lib/api-error.ts';

/** What the form hands back: the full body (a PATCH accepts the same fields). */
export type ProgramFormValues = Required<Omit<CreateProgramRequest, 'facilitatorIds'>>;

type DraftSession = { key: string; id?: string; title: string; local: string; durationMinutes: number };

let counter = 0;
const newKey = () => `s-${Date.now()}-${++counter}`;

/** An ISO instant as the value of a datetime-local input, in the browser's time zone. */
export function toLocalInput(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

const DEFAULTS = { cohortSize: 20, groupSize: 4, rounds: 4, minSharedHours: 0 };
const int = (v: string, fallback: number) => (v.trim() === '' || Number.isNaN(Number(v)) ? fallback : Math.round(Number(v)));

/**
 * Title, description, goals (Markdown with preview), enrolment mode, capacity, dates, the session schedule
 * (title, local date-time, length) and grouping settings. Server field errors land on their field.
 */
export function ProgramForm({ initial, saving, error, onSave, cancelHref, submitLabel }: { initial?: Program; saving: boolean; error: unknown; onSave: (v: ProgramFormValues) => void; cancelHref: string; submitLabel: string }) {
  const [title, setTitle] = useState(initial?.title ?? '');
  const [description, setDescription] = useState(initial?.description ?? '');
  const [goals, setGoals] = useState(initial?.goals ?? '');
  const [enrollment, setEnrollment] = useState<ProgramFormValues['enrollment']>(initial?.enrollment ?? 'both');
  const [capacity, setCapacity] = useState(initial?.capacity ? String(initial.capacity) : '');
  const [startsOn, setStartsOn] = useState(initial?.startsOn ?? '');
  const [endsOn, setEndsOn] = useState(initial?.endsOn ?? '');
  const [checkinWeeks, setCheckinWeeks] = useState(initial?.checkinWeeks ? String(initial.checkinWeeks) : '');
  const [sessions, setSessions] = useState<DraftSession[]>(() => (initial?.sessions ?? []).map((s) => ({ key: s.id, id: s.id, title: s.title, local: toLocalInput(s.startsAt), durationMinutes: s.durationMinutes })));
  const s0 = initial?.settings ?? DEFAULTS;
  const [settings, setSettings] = useState({ cohortSize: String(s0.cohortSize), groupSize: String(s0.groupSize), rounds: String(s0.rounds), minSharedHours: String(s0.minSharedHours) });
  const [touched, setTouched] = useState(false);
  const apiError = error instanceof ApiError ? error : null;
  const fe = apiError?.fieldErrors ?? {};
  const known = /^(title|description|goals|enrollment|capacity|startsOn|endsOn|checkinWeeks|sessions|settings)/;
  const otherError = apiError && !Object.keys(fe).some((f) => known.test(f));

  const local = {
    title: touched && !title.trim() ? 'Give the program a title.' : undefined,
    endsOn: touched && startsOn && endsOn && endsOn < startsOn ? 'The last day comes after the first.' : undefined,
    capacity: touched && capacity && !(Number(capacity) >= 1) ? 'Enter a number of seats, or leave it empty for unlimited.' : undefined,
    checkinWeeks: touched && checkinWeeks && !(Number.isInteger(Number(checkinWeeks)) && Number(checkinWeeks) >= 1 && Number(checkinWeeks) <= CHECKIN_LIMITS.weeks) ? `Enter 1 to ${CHECKIN_LIMITS.weeks} weeks, or leave it empty for no check-ins.` : undefined,
  };
  const sessionError = (i: number, s: DraftSession, field: 'title' | 'startsAt' | 'durationMinutes') => {
    if (touched && field === 'title' && !s.title.trim()) return 'Give the session a title.';
    if (touched && field === 'startsAt' && !s.local) return 'Choose a date and time.';
    return fe[`sessions.${i}.${field}`];
  };
  const setSession = (key: string, patch: Partial<DraftSession>) => setSessions((list) => list.map((s) => (s.key === key ? { ...s, ...patch } : s)));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    const bad = !title.trim() || local.endsOn || local.checkinWeeks || (capacity && !(Number(capacity) >= 1)) || sessions.some((s) => !s.title.trim() || !s.local);
    if (bad || saving) {
      requestAnimationFrame(() => document.querySelector<HTMLElement>('.program-form [aria-invalid="true"]')?.focus());
      return;
    }
    onSave({
      title: title.trim(),
      description: description.trim(),
      goals,
      enrollment,
      capacity: capacity ? Number(capacity) : null,
      startsOn: startsOn || null,
      endsOn: endsOn || null,
      checkinWeeks: checkinWeeks ? Number(checkinWeeks) : null,
      sessions: sessions.map((s) => ({ ...(s.id ? { id: s.id } : {}), title: s.title.trim(), startsAt: new Date(s.local).toISOString(), durationMinutes: s.durationMinutes })),
      settings: {
        cohortSize: int(settings.cohortSize, DEFAULTS.cohortSize),
        groupSize: int(settings.groupSize, DEFAULTS.groupSize),
        rounds: int(settings.rounds, DEFAULTS.rounds),
        minSharedHours: int(settings.minSharedHours, DEFAULTS.minSharedHours),
      },
    });
  };
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;

  return (
    <Card>
      <form className="stack program-form" onSubmit={submit} noValidate>
        {otherError ? <Alert>{apiError.detail}</Alert> : null}
        <Field label="Title" error={local.title ?? fe.title}>
          {(p) => <Input {...p} value={title} onChange={(e) => setTitle(e.target.value)} maxLength={PROGRAM_LIMITS.title} autoFocus={!initial} />}
        </Field>
        <Field label="Description" optional error={fe.description} hint="One or two sentences shown in program lists.">
          {(p) => <Textarea {...p} value={description} onChange={(e) => setDescription(e.target.value)} maxLength={PROGRAM_LIMITS.description} rows={2} />}
        </Field>
        <MarkdownEditor label="Goals" value={goals} onChange={setGoals} maxLength={PROGRAM_LIMITS.goals} error={fe.goals} hint="What people will be able to do by the end. Markdown; check it under Preview." rows={6} />

        <div className="form-grid">
          <Field label="Who enrols people" error={fe.enrollment}>
            {(p) => (
              <Select {...p} value={enrollment} onChange={(e) => setEnrollment(e.target.value as ProgramFormValues['enrollment'])}>
                <option value="both">People enrol or are added</option>
                <option value="self">People enrol themselves</option>
                <option value="assigned">Facilitators add people</option>
              </Select>
            )}
          </Field>
          <Field label="Seats" optional error={local.capacity ?? fe.capacity} hint="Leave empty for unlimited. Past it, people join a waitlist in order.">
            {(p) => <Input {...p} type="number" inputMode="numeric" min={1} value={capacity} onChange={(e) => setCapacity(e.target.value)} />}
          </Field>
          <Field label="First day" optional error={fe.startsOn}>
            {(p) => <Input {...p} type="date" value={startsOn} onChange={(e) => setStartsOn(e.target.value)} />}
          </Field>
          <Field label="Last day" optional error={local.endsOn ?? fe.endsOn}>
            {(p) => <Input {...p} type="date" value={endsOn} min={startsOn || undefined} onChange={(e) => setEndsOn(e.target.value)} />}
          </Field>
          <Field label="Manager check-in (weeks after the program ends)" optional error={local.checkinWeeks ?? fe.checkinWeeks} hint="Each learner and their manager are reminded to meet then. Leave empty for none.">
            {(p) => <Input {...p} type="number" inputMode="numeric" min={1} max={CHECKIN_LIMITS.weeks} value={checkinWeeks} onChange={(e) => setCheckinWeeks(e.target.value)} />}
          </Field>
        </div>

        <fieldset className="fieldset stack-sm">
          <legend>Schedule</legend>
          <p className="muted small">Times are in your time zone ({zone}); everyone sees them in theirs.</p>
          {sessions.length === 0 ? <p className="muted small">No sessions yet.</p> : null}
          <ol className="session-edit-list">
            {sessions.map((s, i) => (
              <li key={s.key} className="session-edit" data-session-key={s.key}>
                <Field label={`Session ${i + 1} title`} error={sessionError(i, s, 'title')}>
                  {(p) => <Input {...p} value={s.title} maxLength={120} onChange={(e) => setSession(s.key, { title: e.target.value })} />}
                </Field>
                <Field label="Starts" error={sessionError(i, s, 'startsAt')}>
                  {(p) => <Input {...p} type="datetime-local" value={s.local} onChange={(e) => setSession(s.key, { local: e.target.value })} />}
                </Field>
                <Field label="Minutes" error={sessionError(i, s, 'durationMinutes')}>
                  {(p) => (
                    <Input {...p} type="number" inputMode="numeric" min={5} max={1440} step={5} value={String(s.durationMinutes)} onChange={(e) => setSession(s.key, { durationMinutes: int(e.target.value, 60) })} />
                  )}
                </Field>
                <button
                  type="button"
                  className="icon-btn icon-btn-danger session-remove"
                  aria-label={`Remove session ${i + 1}${s.title ? ` (${s.title})` : ''}`}
                  onClick={() => {
                    setSessions((list) => list.filter((x) => x.key !== s.key));
                    requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-add-session]')?.focus());
                  }}
                >
                  <Icon name="trash" size={18} />
                </button>
              </li>
            ))}
          </ol>
          <div>
            <Button
              variant="secondary"
              size="sm"
              data-add-session
              onClick={() => {
                const key = newKey();
                setSessions((list) => [...list, { key, title: '', local: '', durationMinutes: 60 }]);
                requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-session-key="${key}"] input`)?.focus());
              }}
            >
              <Icon name="plus" size={16} /> Add session
            </Button>
          </div>
        </fieldset>

        <fieldset className="fieldset">
          <legend>Grouping</legend>
          <p className="muted small" style={{ marginBottom: 'var(--space-3)' }}>
            Defaults for forming cohorts and breakout groups; you can change them when you form a plan.
          </p>
          <div className="form-grid program-settings">
            <Field label="People per cohort" error={fe['settings.cohortSize']}>
              {(p) => <Input {...p} type="number" inputMode="numeric" min={2} max={500} value={settings.cohortSize} onChange={(e) => setSettings({ ...settings, cohortSize: e.target.value })} />}
            </Field>
            <Field label="People per breakout group" error={fe['settings.groupSize']} hint="3–4 works best.">
              {(p) => <Input {...p} type="number" inputMode="numeric" min={2} max={12} value={settings.groupSize} onChange={(e) => setSettings({ ...settings, groupSize: e.target.value })} />}
            </Field>
            <Field label="Breakout rounds" error={fe['settings.rounds']}>
              {(p) => <Input {...p} type="number" inputMode="numeric" min={1} max={30} value={settings.rounds} onChange={(e) => setSettings({ ...settings, rounds: e.target.value })} />}
            </Field>
            <Field label="Shared working hours" error={fe['settings.minSharedHours']} hint="Hours (9–17 local) every cohort or pair must share; 0 = no rule.">
              {(p) => <Input {...p} type="number" inputMode="numeric" min={0} max={8} value={settings.minSharedHours} onChange={(e) => setSettings({ ...settings, minSharedHours: e.target.value })} />}
            </Field>
          </div>
        </fieldset>

        <div className="form-actions">
          <Link href={cancelHref} className="btn btn-ghost">
            Cancel
          </Link>
          <Button type="submit" loading={saving}>
            {submitLabel}
          </Button>
        </div>
      </form>
    </Card>
  );
}
