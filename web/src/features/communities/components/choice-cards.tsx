import type { ReactNode } from 'react';
import { Icon, type IconName } from '../../../components/ui/icon.tsx';

/** One option of a ChoiceCards group. */
export type Choice<T extends string> = { value: T; label: string; explain: ReactNode; icon?: IconName };

/** A radio group drawn as cards, each with a plain-language explanation (a native fieldset of radios). */
export function ChoiceCards<T extends string>({ legend, name, value, onChange, choices, columns = 2 }: { legend: string; name: string; value: T; onChange: (v: T) => void; choices: Choice<T>[]; columns?: number }) {
  return (
    <fieldset className="choice-cards" style={{ ['--cols' as string]: columns }}>
      <legend className="field-label">{legend}</legend>
      <div className="choice-grid">
        {choices.map((c) => (
          <label key={c.value} className="choice-card" data-checked={value === c.value || undefined}>
            <input type="radio" name={name} value={c.value} checked={value === c.value} onChange={() => onChange(c.value)} />
            <span className="choice-card-text">
              <span className="choice-card-label">
                {c.icon ? <Icon name={c.icon} size={16} /> : null}
                {c.label}
              </span>
              <span className="choice-card-explain">{c.explain}</span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
