import { useState } from 'react';
import type { Thread } from '../../../../../contracts/index.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { MenuButton } from '../../../components/ui/menu-button.tsx';

/** Moderator menu of a thread: pin/unpin, lock/unlock, delete (with confirmation). */
export function ThreadModeration({
  thread,
  onUpdate,
  onDelete,
  deleting,
}: {
  thread: Thread;
  onUpdate: (patch: { isPinned?: boolean; isLocked?: boolean }) => void;
  onDelete: () => void;
  deleting: boolean;
}) {
  const [confirm, setConfirm] = useState(false);
  return (
    <>
      <MenuButton
        label="Moderate thread"
        icon="shield"
        actions={[
          { label: thread.isPinned ? 'Unpin thread' : 'Pin to top', icon: 'pin', onSelect: () => onUpdate({ isPinned: !thread.isPinned }) },
          { label: thread.isLocked ? 'Unlock replies' : 'Lock replies', icon: 'lock', onSelect: () => onUpdate({ isLocked: !thread.isLocked }) },
          { label: 'Delete thread', icon: 'trash', danger: true, onSelect: () => setConfirm(true) },
        ]}
      >
        <span className="hide-sm">Moderate</span>
      </MenuButton>
      <Dialog
        open={confirm}
        onClose={() => setConfirm(false)}
        title="Delete this thread?"
        footer={
          <>
            <Button variant="ghost" onClick={() => setConfirm(false)}>
              Keep it
            </Button>
            <Button variant="danger" onClick={onDelete} loading={deleting}>
              Delete thread
            </Button>
          </>
        }
      >
        <p>It disappears for members. Moderators can still see it.</p>
      </Dialog>
    </>
  );
}
