import { useState } from 'react';
import { COMMUNITY_LIMITS } from '../../../../../contracts/index.ts';
import { Icon } from '../../../components/ui/icon.tsx';

/** Topics as removable chips: type and press Enter or comma to add; Backspace on an empty box removes the last. */
export function TopicsInput({ id, value, onChange, describedBy }: { id: string; value: string[]; onChange: (topics: string[]) => void; describedBy?: string }) {
  const [draft, setDraft] = useState('');
  const full = value.length >= COMMUNITY_LIMITS.topics;
  const add = (raw: string) => {
    const t = raw.trim().toLowerCase().slice(0, COMMUNITY_LIMITS.topic);
    if (t && !value.includes(t) && !full) onChange([...value, t]);
    setDraft('');
  };
  return (
    <div className="topics-input">
      {value.length ? (
        <ul className="chips" aria-label="Topics added">
          {value.map((t) => (
            <li key={t} className="chip chip-ember">
              {t}
              <button type="button" className="chip-remove" aria-label={`Remove topic ${t}`} onClick={() => onChange(value.filter((x) => x !== t))}>
                <Icon name="x" size={12} />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <input
        id={id}
        className="input"
        value={draft}
        disabled={full}
        placeholder={full ? `That's the maximum of ${COMMUNITY_LIMITS.topics}` : 'Type a topic and press Enter'}
        aria-describedby={describedBy}
        maxLength={COMMUNITY_LIMITS.topic}
        onChange={(e) => {
          const v = e.target.value;
          if (v.endsWith(',')) add(v.slice(0, -1));
          else setDraft(v);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            add(draft);
          } else if (e.key === 'Backspace' && !draft && value.length) onChange(value.slice(0, -1));
        }}
        onBlur={() => draft.trim() && add(draft)}
      />
    </div>
  );
}
