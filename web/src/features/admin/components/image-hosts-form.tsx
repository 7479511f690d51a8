import { type FormEvent, useState } from 'react';
import { ORG_LIMITS, type OrganizationSettings } from '../../../../../contracts/index.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { Field } from '../../../components/ui/field.tsx';
import { Icon } from '../../../components/ui/icon.tsx';
import { Textarea } from '../../../components/ui/textarea.tsx';
import { ApiError } from '../../../lib/api-error.ts';
import { useUpdateOrgSettings } from '../api/use-org-settings.ts';

const lines = (text: string) =>
  text
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * The hosts whose images posts may show. An image from anywhere else would tell that site who read the post and when,
 * so it is shown as a link instead. One host per line.
 */
export function ImageHostsForm({ settings }: { settings: OrganizationSettings }) {
  const update = useUpdateOrgSettings();
  const [text, setText] = useState(settings.imageHosts.join('\n'));
  const [saved, setSaved] = useState(false);
  const error = update.error instanceof ApiError ? update.error : null;
  const hosts = lines(text);
  // A wrong line is named by its number ("imageHosts.2" is the third).
  const wrong = Object.entries(error?.fieldErrors ?? {})
    .map(([field, message]) => {
      const i = /^imageHosts\.(\d+)$/.exec(field)?.[1];
      return i === undefined ? message : `Line ${Number(i) + 1} (${hosts[Number(i)] ?? ''}): ${message}`;
    })
    .join(' ');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    update.mutate({ imageHosts: hosts }, { onSuccess: (s) => (setText(s.imageHosts.join('\n')), setSaved(true)) });
  };

  return (
    <Card
      title={
        <span className="row" style={{ gap: 8 }}>
          <Icon name="eyeOff" size={18} /> Images in posts
        </span>
      }
    >
      <form className="stack" onSubmit={submit} noValidate>
        <p className="muted">
          Posts, messages, rules and event descriptions always show images uploaded to Hearth. An image from another site would let that site see who
          opened the page and when, so it is shown as a link instead, unless its host is listed here.
        </p>
        <div aria-live="polite" className="stack-sm">
          {error && !wrong ? <Alert>{error.detail}</Alert> : null}
          {saved ? <Alert tone="success">Saved. New and edited posts follow this list; images of hosts you removed stop showing everywhere.</Alert> : null}
        </div>
        <Field
          label="Image hosts"
          optional
          hint={`One per line, such as images.example.com, or *.example.com for all its subdomains. Up to ${ORG_LIMITS.imageHosts}.`}
          error={wrong || null}
        >
          {(p) =>
            settings.abilities.canEdit ? (
              <Textarea {...p} rows={5} value={text} onChange={(e) => (setText(e.target.value), setSaved(false))} spellCheck={false} autoCapitalize="off" />
            ) : (
              <Textarea {...p} rows={5} value={text} readOnly />
            )
          }
        </Field>
        {settings.abilities.canEdit ? (
          <div>
            <Button type="submit" loading={update.isPending}>
              Save image hosts
            </Button>
          </div>
        ) : null}
      </form>
    </Card>
  );
}
