import { LIMITS } from '../../../../../contracts/index.ts';
import { Field } from '../../../components/ui/field.tsx';
import { Input } from '../../../components/ui/input.tsx';

/** The value of a new-password pair. */
export type NewPasswordValue = { password: string; confirm: string };

/** Client-side check of a new-password pair; returns per-field messages. */
export function checkNewPassword(v: NewPasswordValue): { password?: string; confirm?: string } {
  if (v.password.length < LIMITS.password.min) return { password: `Use at least ${LIMITS.password.min} characters.` };
  if (v.password !== v.confirm) return { confirm: 'The two passwords do not match.' };
  return {};
}

/** "New password" and "Repeat it" fields with the length rule stated up front. */
export function NewPasswordFields({
  value,
  onChange,
  errors,
}: {
  value: NewPasswordValue;
  onChange: (v: NewPasswordValue) => void;
  errors: { password?: string; confirm?: string };
}) {
  return (
    <>
      <Field label="New password" hint={`At least ${LIMITS.password.min} characters. A short sentence works well.`} error={errors.password}>
        {(p) => (
          <Input {...p} type="password" name="new-password" autoComplete="new-password" value={value.password} onChange={(e) => onChange({ ...value, password: e.target.value })} autoFocus />
        )}
      </Field>
      <Field label="Repeat the password" error={errors.confirm}>
        {(p) => (
          <Input {...p} type="password" name="confirm-password" autoComplete="new-password" value={value.confirm} onChange={(e) => onChange({ ...value, confirm: e.target.value })} />
        )}
      </Field>
    </>
  );
}
