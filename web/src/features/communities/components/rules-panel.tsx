import type { Community } from '../../../../../contracts/index.ts';
import { Card } from '../../../components/ui/card.tsx';
import { RenderedHtml } from '../../../components/ui/rendered-html.tsx';

/** The community's code of conduct, with its version. */
export function RulesPanel({ community }: { community: Community }) {
  return (
    <Card title="Rules" actions={<span className="muted small">Version {community.rulesVersion}</span>}>
      <RenderedHtml html={community.rulesHtml} />
      {community.membership?.status === 'active' && !community.membership.mustAcceptRules ? <p className="muted small rules-accepted">You accepted these rules.</p> : null}
    </Card>
  );
}
