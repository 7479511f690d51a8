import { Link } from 'wouter';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { ErrorState } from '../../../components/ui/error-state.tsx';
import { SkeletonRows } from '../../../components/ui/skeleton.tsx';
import { useRecommendedCommunities } from '../../communities/api/use-recommended-communities.ts';
import { useHomeFeed } from '../api/use-home-feed.ts';
import { FeedItem } from './feed-item.tsx';

function Suggestions() {
  const rec = useRecommendedCommunities();
  const items = rec.data?.items.slice(0, 3) ?? [];
  if (!items.length) return null;
  return (
    <>
      <p className="feed-suggestions-title">Communities you might like</p>
      <ul className="feed-suggestions" aria-label="Communities you might like">
        {items.map((c) => (
          <li key={c.id}>
            <Link href={`/communities/${c.slug}`}>{c.name}</Link>
            {c.description ? <span className="muted"> — {c.description}</span> : null}
          </li>
        ))}
      </ul>
    </>
  );
}

/** The home feed: activity from one's communities and from the people and tags one follows. */
export function FeedCard() {
  const feed = useHomeFeed();
  const items = feed.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Card id="home-feed" title="Your feed" className="feed-card">
      {feed.isPending ? (
        <SkeletonRows label="Loading your feed" className="stack" rowClassName="feed-item" avatar={32} line="70%" />
      ) : feed.isError ? (
        <ErrorState error={feed.error} title="We couldn't load your feed" onRetry={() => feed.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState
          icon="flame"
          title="Your feed is quiet"
          action={
            <>
              <Suggestions />
              <Link href="/communities" className="btn btn-secondary btn-sm">
                Browse communities
              </Link>
            </>
          }
        >
          Join a community or follow colleagues and tags, and what they share will show up here.
        </EmptyState>
      ) : (
        <>
          <ul className="feed-list">
            {items.map((item) => (
              <FeedItem key={item.id} item={item} />
            ))}
          </ul>
          {feed.hasNextPage ? (
            <Button variant="ghost" size="sm" block loading={feed.isFetchingNextPage} onClick={() => feed.fetchNextPage()}>
              Show older activity
            </Button>
          ) : null}
        </>
      )}
    </Card>
  );
}
