import { type FormEvent, useState } from 'react';
import { NotificationKind, type NotificationPrefs } from '../../../../../contracts/index.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { useUpdateNotificationPrefs } from '../api/use-notification-prefs.ts';

const IN_APP: Record<NotificationKind, string> = {
  mention: 'Someone mentions me',
  reply: 'Someone replies to my discussion',
  answer: 'Someone answers my question',
  accepted: 'My answer is accepted',
  join_request: 'Someone asks to join a community I moderate',
  invited: 'I am invited to a community',
  review: 'Someone reviews a resource I shared',
  mentoring: 'Mentoring: matches, requests, meetings and expert questions',
  assignment: 'A pathway assigned to me is due soon',
  event_reminder: 'An event I am going to starts soon',
  program: 'Programs: my cohort or learning partner after I join late',
  survey: 'A survey for me opens or is about to close (also mailed unless mail is off)',
  checkin: 'A check-in with my manager or a report after a program is due or overdue (also mailed unless mail is off)',
};

/** The preferences panel: which mails, the daily digest, and which kinds show in Hearth at all. */
export function NotificationPrefsForm({ prefs }: { prefs: NotificationPrefs }) {
  const [value, setValue] = useState(prefs);
  const save = useUpdateNotificationPrefs();
  const set = (patch: Partial<NotificationPrefs>) => {
    save.reset();
    setValue((v) => ({ ...v, ...patch }));
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(value);
  };
  const mail: [keyof NotificationPrefs, string][] = [
    ['emailMentions', 'When someone mentions me'],
    ['emailAnswers', 'When someone answers my question'],
    ['emailMessages', 'When someone sends me a direct message'],
  ];
  return (
    <form className="stack" onSubmit={submit}>
      <Card title="Email">
        <fieldset className="prefs-group">
          <legend className="visually-hidden">Email me at once</legend>
          {mail.map(([key, label]) => (
            <label key={key} className="checkbox">
              <input type="checkbox" checked={value[key] as boolean} onChange={(e) => set({ [key]: e.target.checked })} />
              {label}
            </label>
          ))}
          <label className="checkbox">
            <input type="checkbox" checked={value.digest === 'daily'} onChange={(e) => set({ digest: e.target.checked ? 'daily' : 'off' })} />
            A daily digest of what I have not read
          </label>
        </fieldset>
      </Card>
      <Card title="In Hearth">
        <fieldset className="prefs-group">
          <legend className="field-hint">Notify me when…</legend>
          {NotificationKind.options.map((k) => (
            <label key={k} className="checkbox">
              <input
                type="checkbox"
                checked={!value.muted.includes(k)}
                onChange={(e) => set({ muted: e.target.checked ? value.muted.filter((m) => m !== k) : [...value.muted, k] })}
              />
              {IN_APP[k]}
            </label>
          ))}
        </fieldset>
      </Card>
      {save.isError ? <Alert>{(save.error as Error).message || 'Your settings could not be saved. Please try again.'}</Alert> : null}
      {save.isSuccess ? <Alert tone="success">Saved.</Alert> : null}
      <div className="form-actions">
        <Button type="submit" loading={save.isPending}>
          Save settings
        </Button>
      </div>
    </form>
  );
}
