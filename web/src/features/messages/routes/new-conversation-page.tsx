import { type FormEvent, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { MESSAGE_LIMITS, type PersonRef } from '../../../../../contracts/index.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { Field } from '../../../components/ui/field.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { ApiError } from '../../../lib/api-error.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { useMe } from '../../auth/api/use-me.ts';
import { useStartConversation } from '../api/use-message-actions.ts';
import { PeoplePicker } from '../components/people-picker.tsx';

/** /messages/new: one person = a one-to-one conversation; two or more = a small group with a title. */
export function NewConversationPage() {
  useDocumentTitle('New conversation');
  const me = useMe();
  const [, navigate] = useLocation();
  const [people, setPeople] = useState<PersonRef[]>([]);
  const [title, setTitle] = useState('');
  const [touched, setTouched] = useState(false);
  const start = useStartConversation();
  const isGroup = people.length > 1;
  const error = start.error instanceof ApiError ? start.error : null;
  const titleError = touched && isGroup && !title.trim() ? 'A group needs a title.' : (error?.fieldErrors.title ?? null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!people.length || (isGroup && !title.trim())) return;
    start.mutate({ personIds: people.map((p) => p.id), ...(isGroup ? { title: title.trim() } : {}) }, { onSuccess: (c) => navigate(`/messages/${c.id}`, { replace: true }) });
  };
  return (
    <div className="stack" style={{ maxWidth: 640 }}>
      <nav aria-label="Breadcrumb" className="muted" style={{ fontSize: '0.9rem' }}>
        <Link href="/messages">Messages</Link> <span aria-hidden="true">/</span> <span aria-current="page">New</span>
      </nav>
      <PageHeader title="New conversation" subtitle={`Message one colleague, or up to ${MESSAGE_LIMITS.groupMax} as a group.`} />
      <Card>
        <form className="stack" onSubmit={submit} noValidate>
          {error && !error.fieldErrors.title ? <Alert>{error.detail}</Alert> : null}
          <PeoplePicker chosen={people} onChange={setPeople} excludeId={me.person.id} max={MESSAGE_LIMITS.groupMax} />
          {touched && !people.length ? <Alert>Choose at least one person.</Alert> : null}
          {isGroup ? (
            <Field label="Group title" error={titleError} hint="Everyone in the group sees it.">
              {(a) => <input {...a} className="input" value={title} maxLength={MESSAGE_LIMITS.title} onChange={(e) => setTitle(e.target.value)} />}
            </Field>
          ) : null}
          <div className="form-actions">
            <Button type="submit" loading={start.isPending}>
              {isGroup ? 'Start group' : 'Start conversation'}
            </Button>
          </div>
        </form>
      </Card>
    </div>
  );
}
