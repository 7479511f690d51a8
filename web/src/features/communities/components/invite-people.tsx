import { useState } from 'react';
import type { PersonSummary } from '../../../../../contracts/index.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Avatar } from '../../../components/ui/avatar.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Icon } from '../../../components/ui/icon.tsx';
import { Input } from '../../../components/ui/input.tsx';
import { plural } from '../../../lib/plural.ts';
import { useDebouncedValue } from '../../../lib/use-debounced-value.ts';
import { usePeopleSearch } from '../../people/api/use-people-search.ts';
import { useMemberActions } from '../api/use-member-actions.ts';

/** Moderators pick people by name (several at once) and invite them. */
export function InvitePeople({ communityId, excludeIds }: { communityId: string; excludeIds: ReadonlySet<string> }) {
  const [q, setQ] = useState('');
  const [picked, setPicked] = useState<PersonSummary[]>([]);
  const debounced = useDebouncedValue(q.trim(), 200);
  const results = usePeopleSearch(debounced);
  const { invite } = useMemberActions(communityId);
  const options = (results.data?.items ?? []).filter((p) => !excludeIds.has(p.id) && !picked.some((x) => x.id === p.id));

  return (
    <div className="stack-sm invite-people">
      <label htmlFor="invite-search" className="field-label">
        Invite people
      </label>
      {picked.length ? (
        <ul className="chips" aria-label="People to invite">
          {picked.map((p) => (
            <li key={p.id} className="chip chip-sky">
              {p.name}
              <button type="button" className="chip-remove" aria-label={`Don't invite ${p.name}`} onClick={() => setPicked((all) => all.filter((x) => x.id !== p.id))}>
                <Icon name="x" size={12} />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="invite-row">
        <Input id="invite-search" type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="Search colleagues by name" autoComplete="off" />
        <Button
          disabled={!picked.length}
          loading={invite.isPending}
          onClick={() =>
            invite.mutate(
              picked.map((p) => p.id),
              { onSuccess: () => setPicked([]) },
            )
          }
        >
          <Icon name="mail" size={16} /> Invite{picked.length ? ` ${picked.length}` : ''}
        </Button>
      </div>
      {debounced ? (
        <ul className="picker-results" aria-label="Matching people" aria-live="polite">
          {options.length === 0 && !results.isFetching ? <li className="muted" style={{ padding: 12 }}>No one to invite by that name.</li> : null}
          {options.map((p) => (
            <li key={p.id}>
              <button
                type="button"
                onClick={() => {
                  setPicked((all) => [...all, p]);
                  setQ('');
                  document.getElementById('invite-search')?.focus();
                }}
              >
                <Avatar personId={p.id} name={p.name} src={p.avatarUrl} size="xs" />
                <span>
                  <strong>{p.name}</strong>
                  {p.title ? <span className="muted"> · {p.title}</span> : null}
                </span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {invite.isSuccess ? <Alert tone="success">{plural(invite.data.invited, 'invitation')} sent. They'll see it on the community page.</Alert> : null}
      {invite.isError ? <Alert>{invite.error.message}</Alert> : null}
    </div>
  );
}
