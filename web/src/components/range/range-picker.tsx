import { Field } from '../ui/field.tsx';
import { Input } from '../ui/input.tsx';
import './range-picker.css';

/** A range of days, YYYY-MM-DD, both included. */
export type DayRange = { from: string; to: string };

/** The preset ranges, in days ending today. */
export const RANGE_PRESETS = [30, 90, 365] as const;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const ymd = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/** Today as a local calendar day, YYYY-MM-DD. */
export function today(): string {
  return ymd(new Date());
}

/** The `days` days ending today (both ends included). */
export function lastDays(days: number): DayRange {
  const d = new Date();
  return { from: ymd(new Date(d.getFullYear(), d.getMonth(), d.getDate() - (days - 1))), to: today() };
}

/** Why a range cannot be asked for (`tooLong` past `maxDays` days), or undefined. */
export function rangeProblem(r: DayRange, maxDays: number, tooLong: string): string | undefined {
  if (!DAY.test(r.from) || !DAY.test(r.to)) return 'Choose both days.';
  if (r.from > r.to) return 'The end date is before the start date.';
  if ((Date.parse(r.to) - Date.parse(r.from)) / 86_400_000 + 1 > maxDays) return tooLong;
  return undefined;
}

/** The range chooser: last 30 / 90 / 365 days, or any two days. */
export function RangePicker({ value, onChange, error }: { value: DayRange; onChange: (next: DayRange) => void; error?: string }) {
  const preset = RANGE_PRESETS.find((n) => {
    const r = lastDays(n);
    return r.from === value.from && r.to === value.to;
  });
  return (
    <div className="range-picker">
      <div className="segmented" role="group" aria-label="Range">
        {RANGE_PRESETS.map((n) => (
          <button key={n} type="button" className="segment" aria-pressed={preset === n} onClick={() => onChange(lastDays(n))}>
            Last {n} days
          </button>
        ))}
      </div>
      <div className="range-picker-days">
        <Field label="From">{(p) => <Input {...p} type="date" value={value.from} max={value.to || undefined} onChange={(e) => onChange({ ...value, from: e.target.value })} />}</Field>
        <Field label="To" error={error}>
          {(p) => <Input {...p} type="date" value={value.to} min={value.from || undefined} onChange={(e) => onChange({ ...value, to: e.target.value })} />}
        </Field>
      </div>
    </div>
  );
}
