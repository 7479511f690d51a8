import { type FormEvent, useMemo, useState } from 'react';
import type { Person, Skill } from '../../../../../contracts/index.ts';
import { LIMITS } from '../../../../../contracts/index.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { Field } from '../../../components/ui/field.tsx';
import { Input } from '../../../components/ui/input.tsx';
import { Textarea } from '../../../components/ui/textarea.tsx';
import { ApiError } from '../../../lib/api-error.ts';
import { useUpdatePerson } from '../api/use-update-person.ts';
import { SkillsEditor } from './skills-editor.tsx';

const orNull = (s: string) => (s.trim() ? s.trim() : null);

function timeZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [];
  }
}

/** The person's own profile fields: title, team, location, time zone, bio, interests and skills. */
export function EditProfileForm({ person, isSelf, onDone }: { person: Person; isSelf: boolean; onDone: () => void }) {
  const update = useUpdatePerson(person.id);
  const zones = useMemo(timeZones, []);
  const [form, setForm] = useState({
    title: person.title ?? '',
    team: person.team ?? '',
    location: person.location ?? '',
    timeZone: person.timeZone ?? '',
    bio: person.bio ?? '',
    interests: person.interests.join(', '),
  });
  const [skills, setSkills] = useState<Skill[]>(person.skills);
  const error = update.error instanceof ApiError ? update.error : null;
  const fe = error?.fieldErrors ?? {};
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    update.mutate(
      {
        title: orNull(form.title),
        team: orNull(form.team),
        location: orNull(form.location),
        timeZone: orNull(form.timeZone),
        bio: orNull(form.bio),
        interests: [...new Set(form.interests.split(',').map((s) => s.trim()).filter(Boolean))],
        skills: skills.filter((s) => s.name.trim()).map((s) => ({ ...s, name: s.name.trim() })),
      },
      { onSuccess: onDone },
    );
  };

  return (
    <Card id="edit-profile" title={isSelf ? 'Edit your profile' : `Edit ${person.name}'s profile`}>
      <form className="stack" onSubmit={submit} noValidate>
        {error ? <Alert>{error.detail}</Alert> : null}
        <div className="form-grid">
          <Field label="Job title" optional error={fe.title}>
            {(p) => <Input {...p} value={form.title} onChange={set('title')} maxLength={LIMITS.shortText} />}
          </Field>
          <Field label="Team" optional error={fe.team}>
            {(p) => <Input {...p} value={form.team} onChange={set('team')} maxLength={LIMITS.shortText} />}
          </Field>
          <Field label="Location" optional hint="Office or city" error={fe.location}>
            {(p) => <Input {...p} value={form.location} onChange={set('location')} maxLength={LIMITS.shortText} />}
          </Field>
          <Field label="Time zone" optional hint="e.g. Europe/Berlin" error={fe.timeZone}>
            {(p) => <Input {...p} value={form.timeZone} onChange={set('timeZone')} list="time-zones" autoComplete="off" />}
          </Field>
          <datalist id="time-zones">
            {zones.map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
          <div className="span-2">
            <Field label="About you" optional hint="A few lines on what you do and what you enjoy talking about." error={fe.bio}>
              {(p) => <Textarea {...p} value={form.bio} onChange={set('bio')} maxLength={LIMITS.bio} rows={4} />}
            </Field>
          </div>
          <div className="span-2">
            <Field label="Interests" optional hint="Separate with commas, e.g. Cooking, Running, Podcasts" error={fe.interests ?? Object.entries(fe).find(([k]) => k.startsWith('interests.'))?.[1]}>
              {(p) => <Input {...p} value={form.interests} onChange={set('interests')} />}
            </Field>
          </div>
        </div>
        <SkillsEditor skills={skills} onChange={setSkills} errors={fe} />
        <div className="form-actions">
          <Button variant="ghost" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={update.isPending}>
            Save profile
          </Button>
        </div>
      </form>
    </Card>
  );
}
