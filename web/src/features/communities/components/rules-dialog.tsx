import { useState } from 'react';
import type { Community } from '../../../../../contracts/index.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { RenderedHtml } from '../../../components/ui/rendered-html.tsx';
import { ApiError } from '../../../lib/api-error.ts';
import { useMembership } from '../api/use-membership.ts';

/** Why the rules are shown: joining, asking to join, accepting an invitation, or re-accepting changed rules. */
export type RulesMode = 'join' | 'request' | 'invite' | 'reaccept';

const COPY: Record<RulesMode, { title: (n: string) => string; action: string; lead: string }> = {
  join: { title: (n) => `Join ${n}`, action: 'Join community', lead: 'Before you join, please read how this community works.' },
  request: { title: (n) => `Ask to join ${n}`, action: 'Send request', lead: 'A moderator will review your request. Please read how this community works first.' },
  invite: { title: (n) => `Accept the invitation to ${n}`, action: 'Accept and join', lead: 'You were invited to this community. Please read how it works first.' },
  reaccept: { title: () => 'The rules have changed', action: 'Accept the new rules', lead: 'The moderators updated the rules. Accept them to keep posting.' },
};

/**
 * Shows the community's rules with an "I accept" checkbox; confirming joins (or requests, accepts the
 * invitation, re-accepts) with the rules version that was shown. A stale version refetches and says so.
 */
export function RulesDialog({ community, mode, open, onClose }: { community: Community; mode: RulesMode; open: boolean; onClose: () => void }) {
  const [accepted, setAccepted] = useState(false);
  const membership = useMembership(community.id);
  const copy = COPY[mode];
  const error = membership.error instanceof ApiError ? membership.error : null;
  const outdated = error?.code === 'RULES_OUTDATED';
  const close = () => {
    setAccepted(false);
    membership.reset();
    onClose();
  };
  const confirm = () =>
    membership.mutate(
      { kind: mode === 'reaccept' ? 'accept-rules' : 'join', rulesVersion: community.rulesVersion },
      {
        onSuccess: close,
        onError: () => setAccepted(false),
      },
    );
  return (
    <Dialog
      open={open}
      onClose={close}
      title={copy.title(community.name)}
      wide
      footer={
        <>
          <Button variant="ghost" onClick={close}>
            Cancel
          </Button>
          <Button onClick={confirm} disabled={!accepted} loading={membership.isPending}>
            {copy.action}
          </Button>
        </>
      }
    >
      <div className="stack">
        <p className="muted">{copy.lead}</p>
        {outdated ? <Alert tone="info">The rules changed while you were reading. Here is the new version; please read it again.</Alert> : error ? <Alert>{error.detail}</Alert> : null}
        <section className="rules-box" aria-label="Community rules" tabIndex={0}>
          <RenderedHtml html={community.rulesHtml} />
        </section>
        <label className="checkbox">
          <input type="checkbox" checked={accepted} onChange={(e) => setAccepted(e.target.checked)} />I accept the rules of {community.name}
        </label>
      </div>
    </Dialog>
  );
}
