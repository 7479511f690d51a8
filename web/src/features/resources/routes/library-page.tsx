import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '../../../components/ui/button.tsx';
import { Icon } from '../../../components/ui/icon.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { useJoinedChannel } from '../../../lib/use-person-channel.ts';
import { useMe } from '../../auth/api/use-me.ts';
import { resourceKeys } from '../api/resource-keys.ts';
import { CollectionsPanel } from '../components/collections-panel.tsx';
import { ResourceList } from '../components/resource-list.tsx';
import { ShareResourceDialog } from '../components/share-resource-dialog.tsx';

/** /library: the organization's open library (resources outside communities, live), "what I shared", and org-wide collections. */
export function LibraryPage() {
  useDocumentTitle('Library');
  const [open, setOpen] = useState(false);
  const [view, setView] = useState<'library' | 'mine'>('library');
  const { organization } = useMe();
  const qc = useQueryClient();
  // Resources shared to, edited in or removed from the open library by anyone show up live.
  useJoinedChannel(`org:${organization.id}`, (e) => {
    if (e.type === 'resynced' || e.what === 'resources') void qc.invalidateQueries({ queryKey: resourceKeys.lists() });
  });
  return (
    <>
      <PageHeader
        title="Library"
        subtitle="Articles, videos, podcasts and files anyone in the organization can use."
        actions={
          <Button onClick={() => setOpen(true)}>
            <Icon name="plus" size={18} /> Share a resource
          </Button>
        }
      />
      <div className="community-grid-layout">
        <div className="stack">
          <div className="segmented library-view" role="group" aria-label="Show">
            <button type="button" className="segment" aria-pressed={view === 'library'} onClick={() => setView('library')}>
              Open library
            </button>
            <button type="button" className="segment" aria-pressed={view === 'mine'} onClick={() => setView('mine')}>
              Shared by me
            </button>
          </div>
          <ResourceList
            key={view}
            scope={view === 'mine' ? { mine: true } : { library: true }}
            label={view === 'mine' ? 'Resources you shared' : 'The open library'}
            showPlace={view === 'mine'}
            emptyText={view === 'mine' ? 'Resources you share in communities or the library appear here.' : 'Be the first to share something everyone can learn from.'}
          />
        </div>
        <aside aria-label="Collections">
          <CollectionsPanel communityId={null} canCreate />
        </aside>
      </div>
      <ShareResourceDialog open={open} onClose={() => setOpen(false)} communityId={null} placeName="the library" />
    </>
  );
}
