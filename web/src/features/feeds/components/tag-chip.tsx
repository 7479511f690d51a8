import { Icon } from '../../../components/ui/icon.tsx';
import { useFollows, useToggleFollow } from '../api/use-follows.ts';

/** A tag chip with a small follow toggle: following a tag brings everything tagged with it into the home feed. */
export function TagChip({ tag }: { tag: string }) {
  const follows = useFollows();
  const toggle = useToggleFollow();
  const key = tag.toLowerCase();
  const following = follows.data?.items.some((f) => f.kind === 'tag' && f.target === key) ?? false;
  return (
    <li className={`chip tag-chip ${following ? 'chip-ember' : ''}`}>
      <span>#{tag}</span>
      <button
        type="button"
        className="tag-chip-toggle"
        aria-pressed={following}
        aria-label={following ? `Unfollow #${tag}` : `Follow #${tag}`}
        title={following ? `Unfollow #${tag}` : `Follow #${tag} in your feed`}
        disabled={follows.isPending || toggle.isPending}
        onClick={() => toggle.mutate({ kind: 'tag', target: key, follow: !following })}
      >
        <Icon name={following ? 'check' : 'plus'} size={14} />
      </button>
    </li>
  );
}
