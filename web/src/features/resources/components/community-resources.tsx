import { useState } from 'react';
import type { Community } from '../../../../../contracts/index.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Icon } from '../../../components/ui/icon.tsx';
import { CollectionsPanel } from './collections-panel.tsx';
import { ResourceList } from './resource-list.tsx';
import { ShareResourceDialog } from './share-resource-dialog.tsx';

/** The Resources tab of a community: share (members who may post), the list with filters, and collections. */
export function CommunityResources({ community }: { community: Community }) {
  const [open, setOpen] = useState(false);
  const canShare = community.abilities.canPost;
  return (
    <div className="community-grid-layout">
      <div className="stack">
        <div className="resource-toolbar">
          <h2 className="section-title">Resources</h2>
          {canShare ? (
            <Button onClick={() => setOpen(true)}>
              <Icon name="plus" size={18} /> Share a resource
            </Button>
          ) : null}
        </div>
        <ResourceList
          scope={{ communityId: community.id }}
          label={`Resources in ${community.name}`}
          showPlace={false}
          emptyText={canShare ? 'Share an article, video, podcast or file that helped you.' : 'Members share articles, videos, podcasts and files here.'}
        />
      </div>
      <aside aria-label="Collections">
        <CollectionsPanel communityId={community.id} canCreate={canShare} />
      </aside>
      <ShareResourceDialog open={open} onClose={() => setOpen(false)} communityId={community.id} placeName={community.name} />
    </div>
  );
}
