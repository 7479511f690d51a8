import type { Community } from '../../../../../contracts/index.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { ErrorState } from '../../../components/ui/error-state.tsx';
import { Skeleton } from '../../../components/ui/skeleton.tsx';
import { plural } from '../../../lib/plural.ts';
import { useMe } from '../../auth/api/use-me.ts';
import { useMemberActions } from '../api/use-member-actions.ts';
import { useMembers } from '../api/use-members.ts';
import { InvitePeople } from './invite-people.tsx';
import { MemberRow } from './member-row.tsx';
import { PendingMembers } from './pending-members.tsx';

function RowsSkeleton() {
  return (
    <ul className="member-list" aria-busy="true" aria-label="Loading members">
      {[0, 1, 2, 3].map((i) => (
        <li key={i} className="member-row">
          <Skeleton circle width={36} height={36} />
          <div className="stack-sm" style={{ flex: 1 }}>
            <Skeleton width="40%" height={14} />
            <Skeleton width="60%" height={12} />
          </div>
        </li>
      ))}
    </ul>
  );
}

/** The Members tab: moderators first see requests and invitations (and can invite); then every member. */
export function MembersPanel({ community }: { community: Community }) {
  const me = useMe();
  const mod = community.abilities.canModerate;
  const active = useMembers(community.id, 'active');
  const requested = useMembers(community.id, 'requested', mod);
  const invited = useMembers(community.id, 'invited', mod);
  const actions = useMemberActions(community.id);
  const members = active.data?.pages.flatMap((p) => p.items) ?? [];
  const requests = requested.data?.pages.flatMap((p) => p.items) ?? [];
  const invitations = invited.data?.pages.flatMap((p) => p.items) ?? [];
  const canEndorse = community.membership?.status === 'active';
  const busyId = actions.approve.isPending ? actions.approve.variables : actions.remove.isPending ? actions.remove.variables : null;
  const failed = [actions.approve, actions.remove, actions.setRole, actions.endorse].find((m) => m.isError)?.error;
  const known = new Set([...members, ...requests, ...invitations].map((m) => m.id));

  return (
    <div className="stack">
      {failed ? <Alert>{failed.message}</Alert> : null}
      {mod && (requests.length > 0 || community.visibility === 'request') ? (
        <Card title={requests.length ? `Join requests (${requests.length})` : 'Join requests'} id="requests">
          {requested.isPending ? (
            <RowsSkeleton />
          ) : requests.length ? (
            <PendingMembers kind="requested" members={requests} busyId={busyId} onApprove={(id) => actions.approve.mutate(id)} onRemove={(id) => actions.remove.mutate(id)} />
          ) : (
            <p className="muted">No one is waiting to join.</p>
          )}
        </Card>
      ) : null}
      <Card title={active.data ? plural(community.memberCount, 'member') : 'Members'} id="members">
        {active.isPending ? (
          <RowsSkeleton />
        ) : active.isError ? (
          <ErrorState error={active.error} title="We couldn't load the members" onRetry={() => active.refetch()} />
        ) : members.length === 0 ? (
          <p className="muted">No members yet.</p>
        ) : (
          <>
            <ul className="member-list" aria-label="Members">
              {members.map((m) => (
                <MemberRow
                  key={m.id}
                  member={m}
                  isMe={m.id === me.person.id}
                  canEndorse={canEndorse}
                  canModerate={mod}
                  busy={actions.endorse.isPending && actions.endorse.variables?.personId === m.id}
                  onEndorse={(endorse) => actions.endorse.mutate({ personId: m.id, endorse })}
                  onRole={(role) => actions.setRole.mutate({ personId: m.id, role })}
                  onRemove={() => actions.remove.mutate(m.id)}
                />
              ))}
            </ul>
            {active.hasNextPage ? (
              <div className="load-more">
                <Button variant="secondary" onClick={() => active.fetchNextPage()} loading={active.isFetchingNextPage}>
                  Load more members
                </Button>
              </div>
            ) : null}
          </>
        )}
      </Card>
      {mod ? (
        <Card title="Invitations" id="invitations">
          <div className="stack">
            <InvitePeople communityId={community.id} excludeIds={known} />
            {invitations.length ? (
              <>
                <h3 className="subheading">Waiting for an answer</h3>
                <PendingMembers kind="invited" members={invitations} busyId={busyId} onRemove={(id) => actions.remove.mutate(id)} />
              </>
            ) : null}
          </div>
        </Card>
      ) : null}
    </div>
  );
}
