import { type FormEvent, useState } from 'react';
import { Link } from 'wouter';
import { MENTORING_LIMITS, type MenteeProfile, type MentorProfile } from '../../../../../contracts/index.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Field } from '../../../components/ui/field.tsx';
import { Input } from '../../../components/ui/input.tsx';
import { ApiError } from '../../../lib/api-error.ts';
import { useMe } from '../../auth/api/use-me.ts';
import { useKnownSkills } from '../api/use-mentoring.ts';
import { useSaveProfile } from '../api/use-mentoring-actions.ts';
import { PreferenceFields, SenioritySelect, SkillRows, TagInput } from './profile-fields.tsx';

const EMPTY_MENTOR: MentorProfile = { skills: [], topics: [], capacity: 2, availabilityHours: 2, seniority: null, preferences: {}, active: true };
const EMPTY_MENTEE: MenteeProfile = { goals: [], skills: [], seniority: null, preferences: {}, active: true };

/** Field errors of one side ("mentor.skills.0.skill" → "skills.0.skill"). */
function sideErrors(error: unknown, side: 'mentor' | 'mentee'): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(error.fieldErrors)) if (k.startsWith(`${side}.`)) out[k.slice(side.length + 1)] = v;
  return out;
}

/** Time zone, location and department come from the person's profile; say so with a link to change them. */
function FromProfile() {
  const me = useMe();
  const p = me.person;
  return (
    <p className="from-profile small">
      From your profile: {[p.department, p.location, p.timeZone ? `time zone ${p.timeZone}` : 'no time zone set'].filter(Boolean).join(' · ')}.{' '}
      <Link href={`/people/${p.id}`}>Change</Link>
    </p>
  );
}

/** Offer to mentor: skills with level, topics, capacity, hours, seniority, preferences, taking part now. */
export function MentorProfileForm({ initial, onDone }: { initial: MentorProfile | null; onDone: () => void }) {
  const me = useMe();
  const save = useSaveProfile();
  const known = useKnownSkills().data ?? [];
  const [v, setV] = useState<MentorProfile>(initial ?? { ...EMPTY_MENTOR, skills: me.person.skills.filter((s) => s.kind === 'have' && s.level >= 3).slice(0, 5).map((s) => ({ skill: s.name, level: s.level })) });
  const errors = sideErrors(save.error, 'mentor');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = { ...v, skills: v.skills.filter((s) => s.skill.trim()).map((s) => ({ ...s, skill: s.skill.trim() })) };
    save.mutate({ mentor: body }, { onSuccess: onDone });
  };
  return (
    <form className="stack profile-form" onSubmit={submit} aria-label="Mentor profile">
      <FromProfile />
      <SkillRows
        legend="Skills you can mentor"
        hint="Your level in each. Mentees are matched on the skills they want."
        levelLabel="Your level"
        skills={v.skills}
        onChange={(skills) => setV({ ...v, skills })}
        known={known}
        max={MENTORING_LIMITS.skills}
        errors={errors}
        errorPrefix="skills"
      />
      <TagInput label="Topics" hint="Broader themes, e.g. leadership, career change. Press Enter after each." values={v.topics} onChange={(topics) => setV({ ...v, topics })} max={MENTORING_LIMITS.topics} placeholder="e.g. leadership" error={errors.topics} />
      <div className="form-pair">
        <Field label="Mentees at once" hint={`0–${MENTORING_LIMITS.capacity}. Current mentees count against it.`} error={errors.capacity}>
          {(p) => <Input {...p} type="number" inputMode="numeric" min={0} max={MENTORING_LIMITS.capacity} value={v.capacity} onChange={(e) => setV({ ...v, capacity: Math.max(0, Number(e.target.value) || 0) })} />}
        </Field>
        <Field label="Hours per week" hint="Roughly, for all mentees together." error={errors.availabilityHours}>
          {(p) => <Input {...p} type="number" inputMode="numeric" min={0} max={MENTORING_LIMITS.hoursPerWeek} value={v.availabilityHours} onChange={(e) => setV({ ...v, availabilityHours: Math.max(0, Number(e.target.value) || 0) })} />}
        </Field>
      </div>
      <SenioritySelect value={v.seniority} onChange={(seniority) => setV({ ...v, seniority })} />
      <PreferenceFields side="mentor" prefs={v.preferences} onChange={(preferences) => setV({ ...v, preferences })} location={me.person.location} />
      <label className="checkbox">
        <input type="checkbox" checked={v.active} onChange={(e) => setV({ ...v, active: e.target.checked })} />
        Take part in matching now (untick to pause without losing your profile)
      </label>
      {save.error && !Object.keys(errors).length ? <Alert>{save.error instanceof ApiError ? save.error.detail : 'Could not save your profile.'}</Alert> : null}
      <div className="row">
        <Button type="submit" loading={save.isPending}>
          {initial ? 'Save mentor profile' : 'Offer to mentor'}
        </Button>
        <Button variant="ghost" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

/** Look for a mentor: goals, skills wanted with the level aimed for, seniority, preferences. */
export function MenteeProfileForm({ initial, onDone }: { initial: MenteeProfile | null; onDone: () => void }) {
  const me = useMe();
  const save = useSaveProfile();
  const known = useKnownSkills().data ?? [];
  const [v, setV] = useState<MenteeProfile>(initial ?? { ...EMPTY_MENTEE, skills: me.person.skills.filter((s) => s.kind === 'want').slice(0, 5).map((s) => ({ skill: s.name, level: s.level })) });
  const errors = sideErrors(save.error, 'mentee');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = { ...v, skills: v.skills.filter((s) => s.skill.trim()).map((s) => ({ ...s, skill: s.skill.trim() })) };
    save.mutate({ mentee: body }, { onSuccess: onDone });
  };
  return (
    <form className="stack profile-form" onSubmit={submit} aria-label="Mentee profile">
      <FromProfile />
      <TagInput label="Your goals" hint="What you want from mentoring, e.g. first-time manager, career change. Press Enter after each." values={v.goals} onChange={(goals) => setV({ ...v, goals })} max={MENTORING_LIMITS.goals} placeholder="e.g. become a better manager" error={errors.goals} />
      <SkillRows
        legend="Skills you want to grow"
        hint="And the level you aim for. Mentors are matched on these."
        levelLabel="Aiming for"
        skills={v.skills}
        onChange={(skills) => setV({ ...v, skills })}
        known={known}
        max={MENTORING_LIMITS.skills}
        errors={errors}
        errorPrefix="skills"
      />
      <SenioritySelect value={v.seniority} onChange={(seniority) => setV({ ...v, seniority })} />
      <PreferenceFields side="mentee" prefs={v.preferences} onChange={(preferences) => setV({ ...v, preferences })} location={me.person.location} />
      <label className="checkbox">
        <input type="checkbox" checked={v.active} onChange={(e) => setV({ ...v, active: e.target.checked })} />
        Include me in matching and suggestions now
      </label>
      {save.error && !Object.keys(errors).length ? <Alert>{save.error instanceof ApiError ? save.error.detail : 'Could not save your profile.'}</Alert> : null}
      <div className="row">
        <Button type="submit" loading={save.isPending}>
          {initial ? 'Save mentee profile' : 'Find me a mentor'}
        </Button>
        <Button variant="ghost" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
