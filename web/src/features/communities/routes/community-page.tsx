import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'wouter';
import type { Community } from '../../../../../contracts/index.ts';
import { Card } from '../../../components/ui/card.tsx';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { ErrorState } from '../../../components/ui/error-state.tsx';
import { Icon } from '../../../components/ui/icon.tsx';
import { Skeleton } from '../../../components/ui/skeleton.tsx';
import { ApiError } from '../../../lib/api-error.ts';
import { useChannel } from '../../../lib/use-channel.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { CommunityResources } from '../../resources/components/community-resources.tsx';
import { discussionKeys } from '../../discussions/api/discussion-keys.ts';
import { ThreadList } from '../../discussions/components/thread-list.tsx';
import { CommunityEvents, UpcomingEventsCard } from '../../events/components/community-events.tsx';
import { CommunityPathways } from '../../pathways/components/community-pathways.tsx';
import { CohortProgramCard } from '../../programs/components/cohort-program-card.tsx';
import { communityKeys } from '../api/community-keys.ts';
import { useCommunity } from '../api/use-community.ts';
import { CommunityHeader } from '../components/community-header.tsx';
import { CommunitySettingsForm } from '../components/community-settings-form.tsx';
import { type CommunityTab, CommunityTabs } from '../components/community-tabs.tsx';
import { ExpertsList } from '../components/experts-list.tsx';
import { MembersPanel } from '../components/members-panel.tsx';
import { RulesBanner } from '../components/rules-banner.tsx';
import { RulesPanel } from '../components/rules-panel.tsx';
import { VISIBILITY } from '../components/community-labels.ts';

function HeaderSkeleton() {
  return (
    <div className="community-head" aria-busy="true" aria-label="Loading community">
      <Skeleton width={72} height={72} style={{ borderRadius: 18 }} />
      <div className="stack-sm" style={{ flex: 1 }}>
        <Skeleton width={180} height={18} />
        <Skeleton width="50%" height={28} />
        <Skeleton width="80%" height={14} />
        <Skeleton width="40%" height={14} />
      </div>
    </div>
  );
}

/** What a non-member sees of a community whose content is for members only. */
function MembersOnly({ community }: { community: Community }) {
  const how =
    community.membership?.status === 'requested'
      ? 'Your request is with the moderators. You will be able to read and post once they approve it.'
      : community.membership?.status === 'invited'
        ? 'Accept the invitation above to read the discussions and take part.'
        : community.abilities.canRequest
          ? 'Ask to join above; a moderator reviews requests.'
          : 'People join this community when a moderator invites them.';
  return (
    <EmptyState icon="lock" title="Discussions are for members">
      {VISIBILITY[community.visibility].explain} {how}
    </EmptyState>
  );
}

/** The body of one section of the community page. */
function TabBody({ community, tab }: { community: Community; tab: CommunityTab }) {
  if (tab === 'rules') return <RulesPanel community={community} />;
  if (!community.abilities.canRead) return <MembersOnly community={community} />;
  if (tab === 'resources') return <CommunityResources community={community} />;
  if (tab === 'events') return <CommunityEvents community={community} />;
  if (tab === 'members') return <MembersPanel community={community} />;
  if (tab === 'settings')
    return community.abilities.canModerate ? (
      <div className="stack">
        <Card title="Ask your members">
          <p className="muted">A short survey to your community, anonymous unless you choose otherwise.</p>
          <Link href={`/surveys/new?${new URLSearchParams({ audienceKind: 'community', audienceId: community.id, audienceName: `Members of ${community.name}` })}`} className="btn btn-secondary btn-sm">
            New survey
          </Link>
        </Card>
        <CommunitySettingsForm community={community} />
      </div>
    ) : (
      <EmptyState icon="lock" title="Only moderators change settings" />
    );
  return (
    <div className="community-grid-layout">
      {community.kind === 'cohort' ? <CohortProgramCard community={community} /> : null}
      <ThreadList community={community} />
      <div className="stack">
        {community.experts.length ? (
          <aside aria-labelledby="experts-title">
            <Card>
              <h2 id="experts-title" className="card-title aside-title">
                <Icon name="award" size={18} /> Experts here
              </h2>
              <ExpertsList experts={community.experts.slice(0, 6)} label="Experts here" />
            </Card>
          </aside>
        ) : null}
        <UpcomingEventsCard community={community} />
        <CommunityPathways community={community} />
      </div>
    </div>
  );
}

/** /communities/:slug(/members|/rules|/settings): a community's header, banners and sections. */
export function CommunityPage({ slug, tab }: { slug: string; tab: CommunityTab }) {
  const community = useCommunity(slug);
  const qc = useQueryClient();
  const c = community.data;
  useDocumentTitle(c?.name ?? 'Community');
  // New threads, replies and membership changes elsewhere refresh this page live.
  useChannel(c?.abilities.canRead ? `community:${c.id}` : null, (e) => {
    if (!c) return;
    if ('what' in e && e.what === 'resources') void qc.invalidateQueries({ queryKey: ['resources', 'list'] });
    void qc.invalidateQueries({ queryKey: discussionKeys.communityThreads(c.id) });
    void qc.invalidateQueries({ queryKey: communityKeys.detail(slug) });
    void qc.invalidateQueries({ queryKey: ['communities', 'members', c.id] });
  });

  if (community.isError) {
    if (community.error instanceof ApiError && community.error.status === 404)
      return (
        <EmptyState icon="search" title="We couldn't find that community" action={<Link href="/communities" className="btn btn-primary">Browse communities</Link>}>
          It may have been renamed, or it is only visible to its members.
        </EmptyState>
      );
    return <ErrorState error={community.error} title="We couldn't load this community" onRetry={() => community.refetch()} />;
  }

  return (
    <>
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <Link href="/communities">Communities</Link>
        <span aria-hidden="true">/</span>
        <span aria-current="page">{c?.name ?? '…'}</span>
      </nav>
      {!c ? (
        <HeaderSkeleton />
      ) : (
        <>
          <CommunityHeader community={c} />
          <RulesBanner community={c} />
          <CommunityTabs community={c} current={tab} />
          <TabBody community={c} tab={tab} />
        </>
      )}
    </>
  );
}
