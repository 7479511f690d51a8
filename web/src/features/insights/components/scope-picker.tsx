import type { AnalyticsScope, AnalyticsScopeKind } from '../../../../../contracts/index.ts';
import { Field } from '../../../components/ui/field.tsx';
import { Select } from '../../../components/ui/select.tsx';

const GROUPS: [AnalyticsScopeKind, string][] = [
  ['organization', 'Organization'],
  ['team', 'My team'],
  ['department', 'Departments'],
  ['community', 'Communities'],
  ['program', 'Programs'],
];

/** The key a scope has in the picker and the address bar. */
export const scopeKey = (s: Pick<AnalyticsScope, 'kind' | 'id'>) => (s.id === null ? s.kind : `${s.kind}:${s.id}`);

/** Chooses one of the scopes this person may see, grouped by kind. */
export function ScopePicker({ scopes, value, onChange }: { scopes: AnalyticsScope[]; value: AnalyticsScope; onChange: (next: AnalyticsScope) => void }) {
  return (
    <Field label="Show figures for">
      {(p) => (
        <Select {...p} value={scopeKey(value)} onChange={(e) => onChange(scopes.find((s) => scopeKey(s) === e.target.value) ?? value)}>
          {GROUPS.map(([kind, label]) => {
            const options = scopes.filter((s) => s.kind === kind);
            if (!options.length) return null;
            return (
              <optgroup key={kind} label={label}>
                {options.map((s) => (
                  <option key={scopeKey(s)} value={scopeKey(s)}>
                    {s.name}
                  </option>
                ))}
              </optgroup>
            );
          })}
        </Select>
      )}
    </Field>
  );
}
