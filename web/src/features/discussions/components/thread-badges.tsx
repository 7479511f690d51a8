import type { ThreadSummary } from '../../../../../contracts/index.ts';
import { Icon } from '../../../components/ui/icon.tsx';

/** Question / solved / announcement / pinned / locked labels of a thread. */
export function ThreadBadges({ thread }: { thread: Pick<ThreadSummary, 'kind' | 'isPinned' | 'isLocked' | 'isSolved'> }) {
  return (
    <span className="thread-badges">
      {thread.isPinned ? (
        <span className="badge badge-ember">
          <Icon name="pin" size={12} /> Pinned
        </span>
      ) : null}
      {thread.kind === 'announcement' ? (
        <span className="badge badge-plum">
          <Icon name="megaphone" size={12} /> Announcement
        </span>
      ) : null}
      {thread.kind === 'question' ? (
        thread.isSolved ? (
          <span className="badge badge-moss">
            <Icon name="checkCircle" size={12} /> Solved
          </span>
        ) : (
          <span className="badge badge-sky">
            <Icon name="question" size={12} /> Question
          </span>
        )
      ) : null}
      {thread.isLocked ? (
        <span className="badge">
          <Icon name="lock" size={12} /> Locked
        </span>
      ) : null}
    </span>
  );
}
