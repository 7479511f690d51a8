import { useState } from 'react';
import type { Community } from '../../../../../contracts/index.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Icon } from '../../../components/ui/icon.tsx';
import { RulesDialog } from './rules-dialog.tsx';

/** Shown to members while the community's rules changed since they accepted them. */
export function RulesBanner({ community }: { community: Community }) {
  const [open, setOpen] = useState(false);
  if (!community.membership?.mustAcceptRules || community.membership.status !== 'active') return null;
  return (
    <div className="banner banner-amber" role="status">
      <Icon name="alert" size={20} />
      <p>
        <strong>The rules of this community changed.</strong> Read and accept the new version to post again.
      </p>
      <Button size="sm" onClick={() => setOpen(true)}>
        Review the rules
      </Button>
      {open ? <RulesDialog community={community} mode="reaccept" open onClose={() => setOpen(false)} /> : null}
    </div>
  );
}
