import { type FormEvent, useId, useState } from 'react';
import { Link } from 'wouter';
import type { AssignableRole, Person, PersonRef } from '../../../../../contracts/index.ts';
import { LIMITS } from '../../../../../contracts/index.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { Field } from '../../../components/ui/field.tsx';
import { Icon } from '../../../components/ui/icon.tsx';
import { Input } from '../../../components/ui/input.tsx';
import { Select } from '../../../components/ui/select.tsx';
import { ApiError } from '../../../lib/api-error.ts';
import { usePeopleFacets } from '../api/use-people-facets.ts';
import { useUpdatePerson } from '../api/use-update-person.ts';
import { ManagerPicker } from './manager-picker.tsx';

const ROLES: { value: AssignableRole; label: string; hint: string }[] = [
  { value: 'facilitator', label: 'Facilitator', hint: 'Runs programs and sessions' },
  { value: 'moderator', label: 'Moderator', hint: 'Keeps communities safe' },
  { value: 'analyst', label: 'Analyst', hint: 'Sees insight, the organization network and names in it' },
  { value: 'admin', label: 'Org admin', hint: 'Manages people and settings' },
];

/** Org admins only: name, email, department, manager, roles and status. */
export function AdminPersonForm({ person, isSelf }: { person: Person; isSelf: boolean }) {
  const update = useUpdatePerson(person.id);
  const facets = usePeopleFacets();
  const managerId = useId();
  const [form, setForm] = useState({ name: person.name, email: person.email, department: person.department ?? '' });
  const [manager, setManager] = useState<PersonRef | null>(person.manager);
  const [roles, setRoles] = useState<AssignableRole[]>(person.roles.filter((r): r is AssignableRole => ROLES.some((x) => x.value === r)));
  const [status, setStatus] = useState<'active' | 'deactivated'>(person.status === 'deactivated' ? 'deactivated' : 'active');
  const [missing, setMissing] = useState<{ name?: string; email?: string }>({});
  const [askedEmail, setAskedEmail] = useState<string | null>(null);
  const error = update.error instanceof ApiError ? update.error : null;
  const fe = error?.fieldErrors ?? {};

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const m = { name: form.name.trim() ? undefined : 'Enter a name.', email: form.email.trim() ? undefined : 'Enter a work email.' };
    setMissing(m);
    if (m.name || m.email) return;
    const email = form.email.trim().toLowerCase();
    setAskedEmail(email !== person.email ? email : null);
    update.mutate({
      name: form.name.trim(),
      email: form.email.trim(),
      department: form.department.trim() || null,
      managerId: manager?.id ?? null,
      roles,
      ...(person.status === 'invited' && status === 'active' ? {} : { status }),
    }, { onSuccess: (saved) => setForm((f) => ({ ...f, email: saved.email })) });
  };

  return (
    <Card
      id="admin-person"
      className="admin-card"
      title={
        <>
          <Icon name="shield" size={18} /> Admin
        </>
      }
    >
      <form className="stack" onSubmit={submit} noValidate>
        <div aria-live="polite">
          {error ? <Alert>{error.detail}</Alert> : null}
          {update.isSuccess ? (
            <Alert tone="success">
              {askedEmail ? `Saved. ${askedEmail} must confirm the change (with ${isSelf ? 'your' : 'their'} password) before it takes effect; the current address has been told.` : 'Saved.'}
            </Alert>
          ) : null}
        </div>
        <div className="form-grid">
          <Field label="Name" error={missing.name ?? fe.name}>
            {(p) => <Input {...p} value={form.name} maxLength={LIMITS.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />}
          </Field>
          <Field label="Work email" error={missing.email ?? fe.email} hint="A new address takes effect only once it is confirmed from that address with the account's password.">
            {(p) => <Input {...p} type="email" value={form.email} maxLength={LIMITS.email} onChange={(e) => setForm({ ...form, email: e.target.value })} />}
          </Field>
          <Field label="Department" optional error={fe.department}>
            {(p) => <Input {...p} value={form.department} list="admin-departments" onChange={(e) => setForm({ ...form, department: e.target.value })} autoComplete="off" />}
          </Field>
          <datalist id="admin-departments">
            {(facets.data?.departments ?? []).map((d) => (
              <option key={d.value} value={d.value} />
            ))}
          </datalist>
          <Field label="Status" error={fe.status} hint={person.status === 'invited' ? 'Invited — has not set a password yet.' : undefined}>
            {(p) => (
              <Select {...p} value={status} onChange={(e) => setStatus(e.target.value as typeof status)} disabled={isSelf}>
                <option value="active">{person.status === 'invited' ? 'Invited' : 'Active'}</option>
                <option value="deactivated">Deactivated (cannot sign in)</option>
              </Select>
            )}
          </Field>
          <div className="span-2 field">
            <label className="field-label" htmlFor={managerId}>
              Manager
            </label>
            <ManagerPicker id={managerId} value={manager} onChange={setManager} excludeId={person.id} />
            {fe.managerId ? <span className="field-error">{fe.managerId}</span> : null}
          </div>
        </div>
        <fieldset className="fieldset">
          <legend>Roles</legend>
          <div className="stack-sm">
            {ROLES.map((r) => (
              <label key={r.value} className="checkbox">
                <input
                  type="checkbox"
                  checked={roles.includes(r.value)}
                  disabled={isSelf && r.value === 'admin'}
                  onChange={(e) => setRoles((prev) => (e.target.checked ? [...prev, r.value] : prev.filter((x) => x !== r.value)))}
                />
                {r.label} <span className="muted" style={{ fontWeight: 400 }}>— {r.hint}</span>
              </label>
            ))}
          </div>
          {isSelf ? <p className="field-hint" style={{ marginTop: 8 }}>You can't remove your own admin role or deactivate yourself.</p> : null}
          {fe.roles ? <span className="field-error">{fe.roles}</span> : null}
        </fieldset>
        <div className="form-actions">
          <Button type="submit" loading={update.isPending}>
            Save changes
          </Button>
          <Link href={`/admin/audit?targetId=${person.id}`} className="btn btn-ghost">
            Audit log
          </Link>
        </div>
      </form>
    </Card>
  );
}
