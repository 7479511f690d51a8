import type { Skill } from '../../../../../contracts/index.ts';
import { LIMITS } from '../../../../../contracts/index.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Field } from '../../../components/ui/field.tsx';
import { Icon } from '../../../components/ui/icon.tsx';
import { Input } from '../../../components/ui/input.tsx';
import { Select } from '../../../components/ui/select.tsx';

const LEVELS = ['1 · Beginner', '2 · Basic', '3 · Intermediate', '4 · Advanced', '5 · Expert'];

/** Edits a list of skills: name, have/want, level; add and remove rows. */
export function SkillsEditor({ skills, onChange, errors }: { skills: Skill[]; onChange: (s: Skill[]) => void; errors: Record<string, string> }) {
  const set = (i: number, patch: Partial<Skill>) => onChange(skills.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  return (
    <fieldset className="fieldset stack">
      <legend>Skills</legend>
      <p className="field-hint" style={{ marginTop: -8 }}>
        What you can help others with, and what you'd like to learn. Up to {LIMITS.skills}.
      </p>
      {skills.length === 0 ? <p className="muted">No skills yet — add your first one.</p> : null}
      {skills.map((s, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity until saved
        <div className="skill-editor-row" key={i}>
          <Field label={`Skill ${i + 1}`} error={errors[`skills.${i}.name`] ?? errors[`skills.${i}`]}>
            {(p) => <Input {...p} value={s.name} maxLength={60} onChange={(e) => set(i, { name: e.target.value })} placeholder="e.g. Negotiation" />}
          </Field>
          <Field label="Kind">
            {(p) => (
              <Select {...p} value={s.kind} onChange={(e) => set(i, { kind: e.target.value as Skill['kind'] })}>
                <option value="have">I can help</option>
                <option value="want">I want to learn</option>
              </Select>
            )}
          </Field>
          <Field label={s.kind === 'want' ? 'Aiming for' : 'Level'}>
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
          <Button variant="ghost" onClick={() => onChange(skills.filter((_, j) => j !== i))} aria-label={`Remove skill ${s.name || i + 1}`} style={{ minHeight: 42 }}>
            <Icon name="x" size={18} />
          </Button>
        </div>
      ))}
      <div>
        <Button variant="secondary" size="sm" onClick={() => onChange([...skills, { name: '', kind: 'have', level: 3 }])} disabled={skills.length >= LIMITS.skills}>
          <Icon name="plus" size={16} /> Add a skill
        </Button>
      </div>
    </fieldset>
  );
}
