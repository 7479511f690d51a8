import { type FormEvent, useState } from 'react';
import { LIMITS } from '../../../../../contracts/index.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { Field } from '../../../components/ui/field.tsx';
import { Icon } from '../../../components/ui/icon.tsx';
import { Input } from '../../../components/ui/input.tsx';
import { ApiError } from '../../../lib/api-error.ts';
import { useInvitePerson } from '../api/use-invite-person.ts';

const EMPTY = { name: '', email: '', department: '', title: '' };

/** Invite one colleague and show the invitation link to share (it is emailed too). */
export function InvitePersonForm() {
  const invite = useInvitePerson();
  const [form, setForm] = useState(EMPTY);
  const [invited, setInvited] = useState<{ name: string; url: string } | null>(null);
  const [missing, setMissing] = useState<{ name?: string; email?: string }>({});
  const [copied, setCopied] = useState(false);
  const error = invite.error instanceof ApiError ? invite.error : null;
  const fe = error?.fieldErrors ?? {};
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const m = { name: form.name.trim() ? undefined : 'Enter their name.', email: form.email.trim() ? undefined : 'Enter their work email.' };
    setMissing(m);
    if (m.name || m.email) return;
    setCopied(false);
    invite.mutate(
      { name: form.name.trim(), email: form.email.trim(), department: form.department.trim() || null, title: form.title.trim() || null },
      {
        onSuccess: (res) => {
          setInvited({ name: form.name.trim(), url: res.inviteUrl });
          setForm(EMPTY);
        },
      },
    );
  };

  const copy = async () => {
    if (!invited) return;
    try {
      await navigator.clipboard.writeText(invited.url);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };

  return (
    <Card
      id="invite"
      title={
        <span className="row" style={{ gap: 8 }}>
          <Icon name="userPlus" size={18} /> Invite someone
        </span>
      }
    >
      <form className="stack" onSubmit={submit} noValidate>
        <div aria-live="polite" className="stack-sm">
          {error ? <Alert>{error.detail}</Alert> : null}
          {invited ? (
            <Alert tone="success">
              <strong>{invited.name}</strong> is invited. We've emailed them; you can also share this link (it works once, for 7 days):
              <div className="invite-link" style={{ marginTop: 8 }}>
                <Input readOnly value={invited.url} aria-label="Invitation link" onFocus={(e) => e.currentTarget.select()} />
                <Button variant="secondary" size="sm" onClick={copy} style={{ minHeight: 42 }}>
                  <Icon name={copied ? 'check' : 'copy'} size={16} /> {copied ? 'Copied' : 'Copy'}
                </Button>
              </div>
            </Alert>
          ) : null}
        </div>
        <Field label="Name" error={missing.name ?? fe.name}>
          {(p) => <Input {...p} value={form.name} onChange={set('name')} maxLength={LIMITS.name} autoComplete="off" />}
        </Field>
        <Field label="Work email" error={missing.email ?? fe.email}>
          {(p) => <Input {...p} type="email" value={form.email} onChange={set('email')} maxLength={LIMITS.email} autoComplete="off" />}
        </Field>
        <div className="stack">
          <Field label="Department" optional error={fe.department}>
            {(p) => <Input {...p} value={form.department} onChange={set('department')} maxLength={LIMITS.shortText} />}
          </Field>
          <Field label="Job title" optional error={fe.title}>
            {(p) => <Input {...p} value={form.title} onChange={set('title')} maxLength={LIMITS.shortText} />}
          </Field>
        </div>
        <div>
          <Button type="submit" loading={invite.isPending}>
            Send invitation
          </Button>
        </div>
      </form>
    </Card>
  );
}
