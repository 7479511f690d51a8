import { AUDIT_ACTION_LABELS } from '../../../../../contracts/index.ts';
import { Field } from '../../../components/ui/field.tsx';
import { Icon } from '../../../components/ui/icon.tsx';
import { Input } from '../../../components/ui/input.tsx';
import { Select } from '../../../components/ui/select.tsx';

/** The filters as the page keeps them in its address: dates as YYYY-MM-DD, people by id. */
export type AuditFilterValues = { action: string; actorId: string; targetId: string; from: string; to: string };

/** Action, date range, and the person filters chosen by clicking names in the list (shown as removable chips). */
export function AuditFilters({
  value,
  onChange,
  names,
}: {
  value: AuditFilterValues;
  onChange: (next: Partial<AuditFilterValues>) => void;
  names: { actor?: string; target?: string };
}) {
  const dateError = value.from && value.to && value.from > value.to ? 'The end date is before the start date.' : undefined;
  return (
    <div className="stack-sm">
      <div className="audit-filters">
        <Field label="Action">
          {(p) => (
            <Select {...p} value={value.action} onChange={(e) => onChange({ action: e.target.value })}>
              <option value="">Every action</option>
              {Object.entries(AUDIT_ACTION_LABELS).map(([code, label]) => (
                <option key={code} value={code}>
                  {label}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="From">{(p) => <Input {...p} type="date" value={value.from} max={value.to || undefined} onChange={(e) => onChange({ from: e.target.value })} />}</Field>
        <Field label="To" error={dateError}>
          {(p) => <Input {...p} type="date" value={value.to} min={value.from || undefined} onChange={(e) => onChange({ to: e.target.value })} />}
        </Field>
      </div>
      {value.actorId || value.targetId ? (
        <ul className="chips" aria-label="Person filters">
          {value.actorId ? (
            <li className="chip">
              By {names.actor ?? 'one person'}
              <button type="button" className="chip-remove" aria-label={`Remove filter: by ${names.actor ?? 'one person'}`} onClick={() => onChange({ actorId: '' })}>
                <Icon name="x" size={14} />
              </button>
            </li>
          ) : null}
          {value.targetId ? (
            <li className="chip">
              On {names.target ?? 'one person'}
              <button type="button" className="chip-remove" aria-label={`Remove filter: on ${names.target ?? 'one person'}`} onClick={() => onChange({ targetId: '' })}>
                <Icon name="x" size={14} />
              </button>
            </li>
          ) : null}
        </ul>
      ) : (
        <p className="field-hint">Select a name in the list to see only what that person did, or what was done to them.</p>
      )}
    </div>
  );
}
