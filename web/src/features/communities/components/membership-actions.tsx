import { useState } from 'react';
import { Link } from 'wouter';
import type { Community } from '../../../../../contracts/index.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { Icon } from '../../../components/ui/icon.tsx';
import { useMembership } from '../api/use-membership.ts';
import { RulesDialog, type RulesMode } from './rules-dialog.tsx';

/** The header's main buttons: join / request / accept invitation / withdraw / leave, and "Start a thread". */
export function MembershipActions({ community }: { community: Community }) {
  const [rules, setRules] = useState<RulesMode | null>(null);
  const [confirmLeave, setConfirmLeave] = useState(false);
  const membership = useMembership(community.id);
  const m = community.membership;
  const a = community.abilities;

  let main = null;
  if (m?.status === 'active') {
    main = a.canPost ? (
      <Link href={`/communities/${community.slug}/new-thread`} className="btn btn-primary">
        <Icon name="plus" size={18} /> Start a thread
      </Link>
    ) : null;
  } else if (m?.status === 'invited') {
    main = (
      <>
        <Button onClick={() => setRules('invite')}>
          <Icon name="check" size={18} /> Accept invitation
        </Button>
        <Button variant="ghost" onClick={() => membership.mutate({ kind: 'leave' })} loading={membership.isPending}>
          Decline
        </Button>
      </>
    );
  } else if (m?.status === 'requested') {
    main = (
      <Button variant="secondary" onClick={() => membership.mutate({ kind: 'leave' })} loading={membership.isPending}>
        Withdraw request
      </Button>
    );
  } else if (a.canJoin) {
    main = (
      <Button onClick={() => setRules('join')}>
        <Icon name="userPlus" size={18} /> Join community
      </Button>
    );
  } else if (a.canRequest) {
    main = (
      <Button onClick={() => setRules('request')}>
        <Icon name="userPlus" size={18} /> Request to join
      </Button>
    );
  } else {
    main = (
      <span className="chip">
        <Icon name="lock" size={14} /> Invitation only
      </span>
    );
  }

  return (
    <div className="membership-actions">
      {main}
      {m?.status === 'active' && a.canLeave ? (
        <Button variant="secondary" onClick={() => setConfirmLeave(true)}>
          Leave
        </Button>
      ) : null}
      {membership.isError && !rules ? <Alert>{membership.error.message}</Alert> : null}
      {rules ? <RulesDialog community={community} mode={rules} open onClose={() => setRules(null)} /> : null}
      <Dialog
        open={confirmLeave}
        onClose={() => setConfirmLeave(false)}
        title={`Leave ${community.name}?`}
        footer={
          <>
            <Button variant="ghost" onClick={() => setConfirmLeave(false)}>
              Stay
            </Button>
            <Button variant="danger" loading={membership.isPending} onClick={() => membership.mutate({ kind: 'leave' }, { onSuccess: () => setConfirmLeave(false) })}>
              Leave community
            </Button>
          </>
        }
      >
        <p>
          {community.visibility === 'open'
            ? 'You can join again any time.'
            : community.visibility === 'request'
              ? 'To come back you will need to ask again and wait for a moderator.'
              : 'To come back a moderator will need to invite you again.'}
        </p>
      </Dialog>
    </div>
  );
}
