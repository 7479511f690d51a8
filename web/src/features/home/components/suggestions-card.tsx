import { Link } from 'wouter';
import type { FollowSuggestion } from '../../../../../contracts/index.ts';
import { Avatar } from '../../../components/ui/avatar.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { SkeletonRows } from '../../../components/ui/skeleton.tsx';
import { useFollowSuggestions, useToggleFollow } from '../../feeds/api/use-follows.ts';

/** Why someone is suggested, in one line: what they can help with, what we share, and their department when it is another. */
function reasons(s: FollowSuggestion): string {
  const parts: string[] = [];
  if (s.canHelpWith.length) parts.push(`Can help with ${s.canHelpWith.join(', ')}`);
  if (s.sharedInterests.length) parts.push(`Also into ${s.sharedInterests.join(', ')}`);
  return parts.join(' · ');
}

/**
 * Colleagues to meet: people outside one's team and reporting line who know what one wants to learn or share an
 * interest, with other departments first among equals. Following one moves them out of the list and into the feed.
 */
export function SuggestionsCard({ meId }: { meId: string }) {
  const suggestions = useFollowSuggestions();
  const toggle = useToggleFollow();
  const items = suggestions.data?.items ?? [];
  return (
    <Card id="colleagues-to-meet" title="Colleagues to meet">
      {suggestions.isPending ? (
        <SkeletonRows label="Loading suggestions" rowClassName="person-row" />
      ) : suggestions.isError ? (
        <p className="muted small">Suggestions could not be loaded.</p>
      ) : items.length === 0 ? (
        <EmptyState icon="people" title="No suggestions yet">
          Add what you want to learn and your interests to <Link href={`/people/${meId}`}>your profile</Link>, and we'll find colleagues who match.
        </EmptyState>
      ) : (
        <ul className="suggestion-list" aria-label="Suggested colleagues">
          {items.map((s) => (
            <li key={s.person.id} className="suggestion">
              <Link href={`/people/${s.person.id}`} className="person-row suggestion-person">
                <Avatar personId={s.person.id} name={s.person.name} size="sm" showPresence />
                <span className="suggestion-text">
                  <span className="person-row-name">{s.person.name}</span>
                  <span className="person-row-sub">{[s.person.title, s.otherDepartment ? s.person.department : null].filter(Boolean).join(' · ')}</span>
                  <span className="suggestion-why">{reasons(s)}</span>
                </span>
              </Link>
              <Button
                size="sm"
                variant="secondary"
                aria-label={`Follow ${s.person.name}`}
                loading={toggle.isPending && toggle.variables?.target === s.person.id}
                onClick={() => toggle.mutate({ kind: 'person', target: s.person.id, follow: true })}
              >
                Follow
              </Button>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
