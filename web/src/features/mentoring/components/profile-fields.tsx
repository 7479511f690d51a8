import { type KeyboardEvent, useId, useState } from 'react';
import type { MentoringPreferences, MentoringSkill } from '../../../../../contracts/index.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Field } from '../../../components/ui/field.tsx';
import { Icon } from '../../../components/ui/icon.tsx';
import { Input } from '../../../components/ui/input.tsx';
import { Select } from '../../../components/ui/select.tsx';

const LEVELS = ['1 · Beginner', '2 · Basic', '3 · Intermediate', '4 · Advanced', '5 · Expert'];

/** Seniority levels 1–8 in words. */
export const SENIORITY = ['', 'Junior', 'Associate', 'Mid-level', 'Senior', 'Lead / staff', 'Manager / principal', 'Director', 'Executive'];

/** Rows of skill + level, with the organization's known skills suggested; add and remove rows. */
export function SkillRows({
  legend,
  hint,
  levelLabel,
  skills,
  onChange,
  known,
  max,
  errors,
  errorPrefix,
}: {
  legend: string;
  hint: string;
  levelLabel: string;
  skills: MentoringSkill[];
  onChange: (s: MentoringSkill[]) => void;
  known: string[];
  max: number;
  errors: Record<string, string>;
  errorPrefix: string;
}) {
  const listId = useId();
  const set = (i: number, patch: Partial<MentoringSkill>) => onChange(skills.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  return (
    <fieldset className="fieldset stack-sm">
      <legend>{legend}</legend>
      <p className="field-hint">{hint}</p>
      <datalist id={listId}>
        {known.map((k) => (
          <option key={k} value={k} />
        ))}
      </datalist>
      {skills.length === 0 ? <p className="muted small">None yet.</p> : null}
      {skills.map((s, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity until saved
        <div className="mentoring-skill-row" key={i}>
          <Field label={`Skill ${i + 1}`} error={errors[`${errorPrefix}.${i}.skill`] ?? errors[`${errorPrefix}.${i}`]}>
            {(p) => <Input {...p} list={listId} value={s.skill} maxLength={60} onChange={(e) => set(i, { skill: e.target.value })} placeholder="e.g. Negotiation" />}
          </Field>
          <Field
            label={
              <>
                {levelLabel}
                <span className="visually-hidden"> (skill {i + 1})</span>
              </>
            }
          >
            {(p) => (
              <Select {...p} value={s.level} onChange={(e) => set(i, { level: Number(e.target.value) })}>
                {LEVELS.map((l, n) => (
                  <option key={l} value={n + 1}>
                    {l}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Button variant="ghost" className="row-remove" onClick={() => onChange(skills.filter((_, j) => j !== i))} aria-label={`Remove skill ${s.skill || i + 1}`}>
            <Icon name="x" size={18} />
          </Button>
        </div>
      ))}
      <div>
        <Button variant="secondary" size="sm" onClick={() => onChange([...skills, { skill: '', level: 3 }])} disabled={skills.length >= max}>
          <Icon name="plus" size={16} /> Add a skill
        </Button>
      </div>
    </fieldset>
  );
}

/** Free tags (topics, goals): type and press Enter or comma to add; each chip has a remove button. */
export function TagInput({ label, hint, values, onChange, max, placeholder, error }: { label: string; hint?: string; values: string[]; onChange: (v: string[]) => void; max: number; placeholder?: string; error?: string }) {
  const [draft, setDraft] = useState('');
  const add = () => {
    const parts = draft
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    if (!parts.length) return;
    const next = [...values];
    for (const p of parts) if (!next.some((v) => v.toLowerCase() === p.toLowerCase()) && next.length < max) next.push(p.slice(0, 60));
    onChange(next);
    setDraft('');
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' || e.key === ',') {
      e.preventDefault();
      add();
    } else if (e.key === 'Backspace' && !draft && values.length) onChange(values.slice(0, -1));
  };
  return (
    <div className="stack-sm">
      <Field label={label} hint={hint ?? 'Press Enter after each one.'} error={error}>
        {(p) => <Input {...p} value={draft} onChange={(e) => setDraft(e.target.value)} onKeyDown={onKey} onBlur={add} placeholder={placeholder} disabled={values.length >= max} />}
      </Field>
      {values.length ? (
        <ul className="chips" aria-label={label}>
          {values.map((v) => (
            <li key={v} className="chip chip-ember tag-chip">
              {v}
              <button type="button" className="tag-remove" aria-label={`Remove ${v}`} onClick={() => onChange(values.filter((x) => x !== v))}>
                <Icon name="x" size={14} />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** Seniority select (1–8 or not stated). */
export function SenioritySelect({ value, onChange, label = 'Your seniority' }: { value: number | null; onChange: (v: number | null) => void; label?: string }) {
  return (
    <Field label={label} hint="Used for the seniority gap preference; leave it unstated if you prefer.">
      {(p) => (
        <Select {...p} value={value ?? ''} onChange={(e) => onChange(e.target.value ? Number(e.target.value) : null)}>
          <option value="">Not stated</option>
          {SENIORITY.slice(1).map((s, i) => (
            <option key={s} value={i + 1}>
              {i + 1} · {s}
            </option>
          ))}
        </Select>
      )}
    </Field>
  );
}

/** Preferences: another department, same location, a seniority gap range. */
export function PreferenceFields({ side, prefs, onChange, location }: { side: 'mentor' | 'mentee'; prefs: MentoringPreferences; onChange: (p: MentoringPreferences) => void; location: string | null }) {
  const gap = prefs.seniorityGap;
  const setGap = (g: [number, number] | undefined) => onChange({ ...prefs, seniorityGap: g });
  return (
    <fieldset className="fieldset stack-sm">
      <legend>Preferences</legend>
      <label className="checkbox">
        <input type="checkbox" checked={!!prefs.otherDepartment} onChange={(e) => onChange({ ...prefs, otherDepartment: e.target.checked || undefined })} />
        {side === 'mentee' ? 'Prefer a mentor from another department' : 'Only mentees from other departments'}
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={!!prefs.sameLocation} onChange={(e) => onChange({ ...prefs, sameLocation: e.target.checked || undefined })} />
        {`Only partners at my location${location ? ` (${location})` : ''}`}
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={!!gap} onChange={(e) => setGap(e.target.checked ? [1, 3] : undefined)} />
        {side === 'mentee' ? 'Prefer a mentor more senior than me' : 'Only mentees junior to me'}
      </label>
      {gap ? (
        <div className="gap-row">
          <Field label="At least (levels)">
            {(p) => (
              <Select {...p} value={gap[0]} onChange={(e) => setGap([Number(e.target.value), Math.max(Number(e.target.value), gap[1])])}>
                {[0, 1, 2, 3, 4, 5, 6, 7].map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field label="At most (levels)">
            {(p) => (
              <Select {...p} value={gap[1]} onChange={(e) => setGap([Math.min(gap[0], Number(e.target.value)), Number(e.target.value)])}>
                {[0, 1, 2, 3, 4, 5, 6, 7].map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </Select>
            )}
          </Field>
        </div>
      ) : null}
      <p className="field-hint">
        {side === 'mentee' ? 'Another department and the seniority gap count towards the score; same location is a firm rule.' : 'These are firm rules: mentees outside them are never suggested to you.'}
      </p>
    </fieldset>
  );
}
