import { Field } from '../../../components/ui/field.tsx';
import { Input } from '../../../components/ui/input.tsx';
import type { DayRange } from '../api/use-org-network.ts';

/** The preset ranges, in days ending today. */
export const RANGE_PRESETS = [30, 90, 365] as const;

/** Today as a local calendar day, YYYY-MM-DD. */
export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The `days` days ending today (both ends included). */
export function lastDays(days: number): DayRange {
  const d = new Date();
  const from = new Date(d.getFullYear(), d.getMonth(), d.getDate() - (days - 1));
  return { from: `${from.getFullYear()}-${String(from.getMonth() + 1).padStart(2, '0')}-${String(from.getDate()).padStart(2, '0')}`, to: today() };
}

/** The range chooser: last 30 / 90 / 365 days, or any two days. */
export function OrgRangePicker({ value, onChange, error }: { value: DayRange; onChange: (next: DayRange) => void; error?: string }) {
  const preset = RANGE_PRESETS.find((n) => {
    const r = lastDays(n);
    return r.from === value.from && r.to === value.to;
  });
  return (
    <div className="org-range">
      <div className="segmented" role="group" aria-label="Range">
        {RANGE_PRESETS.map((n) => (
          <button key={n} type="button" className="segment" aria-pressed={preset === n} onClick={() => onChange(lastDays(n))}>
            Last {n} days
          </button>
        ))}
      </div>
      <div className="org-range-days">
        <Field label="From">{(p) => <Input {...p} type="date" value={value.from} max={value.to || undefined} onChange={(e) => onChange({ ...value, from: e.target.value })} />}</Field>
        <Field label="To" error={error}>
          {(p) => <Input {...p} type="date" value={value.to} min={value.from || undefined} onChange={(e) => onChange({ ...value, to: e.target.value })} />}
        </Field>
      </div>
    </div>
  );
}
