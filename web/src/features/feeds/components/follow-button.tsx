import type { FollowKind } from '../../../../../contracts/index.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Icon } from '../../../components/ui/icon.tsx';
import { useFollows, useToggleFollow } from '../api/use-follows.ts';

/**
 * Follow / Following toggle for a person or a tag: what they do (or what is tagged) then shows in the home feed.
 * A toggle button (aria-pressed) whose accessible name says what it follows.
 */
export function FollowButton({ kind, target, label, size }: { kind: FollowKind; target: string; label: string; size?: 'sm' }) {
  const follows = useFollows();
  const toggle = useToggleFollow();
  const key = kind === 'tag' ? target.toLowerCase() : target;
  const following = follows.data?.items.some((f) => f.kind === kind && f.target === key) ?? false;
  const name = kind === 'tag' ? `#${label}` : label;
  return (
    <Button
      variant={following ? 'secondary' : 'ghost'}
      size={size}
      className="follow-button"
      aria-pressed={following}
      aria-label={following ? `Following ${name} — unfollow` : `Follow ${name}`}
      title={toggle.error ? toggle.error.message : undefined}
      loading={toggle.isPending}
      disabled={follows.isPending}
      onClick={() => toggle.mutate({ kind, target: key, follow: !following })}
    >
      <Icon name={following ? 'check' : 'plus'} size={16} />
      {following ? 'Following' : 'Follow'}
    </Button>
  );
}
