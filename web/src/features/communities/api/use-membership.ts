import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MembershipResponse } from '../../../../../contracts/index.ts';
import { api } from '../../../lib/api-client.ts';
import { discussionKeys } from '../../discussions/api/discussion-keys.ts';
import { communityKeys } from './community-keys.ts';

/** What the person does about their own membership. */
export type MembershipAction = { kind: 'join'; rulesVersion: number } | { kind: 'accept-rules'; rulesVersion: number } | { kind: 'leave' };

/**
 * Joins (or requests to join, or accepts an invitation), re-accepts changed rules, or leaves. Afterwards
 * the community, lists and its threads are refetched, since abilities change with membership.
 */
export function useMembership(communityId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (action: MembershipAction) =>
      api<MembershipResponse>(`/api/communities/${communityId}/${action.kind}`, {
        method: 'POST',
        body: action.kind === 'leave' ? {} : { acceptRulesVersion: action.rulesVersion },
      }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: communityKeys.all });
      void qc.invalidateQueries({ queryKey: discussionKeys.all });
    },
  });
}
