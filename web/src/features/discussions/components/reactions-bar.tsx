import type { Post, ReactionKind } from '../../../../../contracts/index.ts';
import { MenuButton } from '../../../components/ui/menu-button.tsx';

/** Emoji and words of each reaction. */
export const REACTIONS: Record<ReactionKind, { emoji: string; label: string }> = {
  like: { emoji: '👍', label: 'Like' },
  love: { emoji: '❤️', label: 'Love' },
  celebrate: { emoji: '🎉', label: 'Celebrate' },
  insightful: { emoji: '💡', label: 'Insightful' },
  thanks: { emoji: '🙏', label: 'Thanks' },
  funny: { emoji: '😄', label: 'Funny' },
};

/** Reactions with counts as toggle buttons, plus a menu to add another kind. */
export function ReactionsBar({ post, onToggle, pending }: { post: Post; onToggle: (kind: ReactionKind, on: boolean) => void; pending?: boolean }) {
  const shown = post.reactions.filter((r) => r.count > 0);
  const can = post.abilities.canReact;
  const unused = (Object.keys(REACTIONS) as ReactionKind[]).filter((k) => !shown.some((r) => r.kind === k && r.mine));
  if (!shown.length && !can) return null;
  return (
    <div className="reactions" role="group" aria-label="Reactions">
      {shown.map((r) => (
        <button
          key={r.kind}
          type="button"
          className="reaction"
          aria-pressed={r.mine}
          disabled={!can || pending}
          onClick={() => onToggle(r.kind, !r.mine)}
          aria-label={`${REACTIONS[r.kind].label}: ${r.count}${r.mine ? ', including you' : ''}`}
          title={REACTIONS[r.kind].label}
        >
          <span aria-hidden="true">{REACTIONS[r.kind].emoji}</span>
          <span aria-hidden="true">{r.count}</span>
        </button>
      ))}
      {can && unused.length ? (
        <MenuButton
          label="Add a reaction"
          icon="smile"
          actions={unused.map((k) => ({ label: `${REACTIONS[k].emoji} ${REACTIONS[k].label}`, onSelect: () => onToggle(k, true) }))}
        />
      ) : null}
    </div>
  );
}
