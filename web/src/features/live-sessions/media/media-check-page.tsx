import { useQueryClient } from '@tanstack/react-query';
import { liveChannel, liveGroupChannel } from '../../../../../contracts/index.ts';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { ErrorState } from '../../../components/ui/error-state.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { PageLoading } from '../../../components/ui/page-loading.tsx';
import { useChannel } from '../../../lib/use-channel.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { useMe } from '../../auth/api/use-me.ts';
import { liveKeys } from '../api/live-keys.ts';
import { useLiveState } from '../api/use-live.ts';
import { ChatPanel } from '../components/chat-panel.tsx';
import { BreakoutMedia } from './breakout-media.tsx';
import '../live.css';

/**
 * `/live-media-check/:sessionId`: the breakout call and chat of my current group, alone on a page. Lets a group try
 * audio/video before or beside the session page, and lets tests drive the call without the rest of the session UI.
 * Shows only what the session state already shows the person (their own group).
 */
export function MediaCheckPage({ sessionId }: { sessionId: string }) {
  const me = useMe();
  const state = useLiveState(sessionId);
  const qc = useQueryClient();
  useDocumentTitle('Breakout audio/video');
  const refetch = () => void qc.invalidateQueries({ queryKey: liveKeys.state(sessionId) });
  useChannel(state.data ? liveChannel(sessionId) : null, (e) => (e.type === 'resynced' || e.what !== 'chat') && refetch());
  const group = state.data?.myGroup?.active ? state.data.myGroup : null;
  // Late joiners placed into my group change its members.
  useChannel(group ? liveGroupChannel(group.id) : null, (e) => (e.type === 'resynced' || e.what === 'groups') && refetch());

  if (state.isPending) return <PageLoading label="Loading your group" />;
  if (state.isError) return <ErrorState error={state.error} title="We couldn't load this session" onRetry={() => state.refetch()} />;
  return (
    <div className="live-page">
      <PageHeader title="Breakout audio/video" subtitle={state.data.session.title} />
      {group ? (
        <div className="media-check-layout">
          <BreakoutMedia key={group.id} groupId={group.id} me={{ id: me.person.id, name: me.person.name }} members={group.members} />
          <ChatPanel sessionId={sessionId} groupId={group.id} channel={liveGroupChannel(group.id)} meId={me.person.id} title={group.kind === 'pair' ? 'Partner chat' : 'Group chat'} />
        </div>
      ) : (
        <EmptyState icon="people" title="You are not in a breakout right now">
          Audio and video open when the facilitator starts a group or partner segment and you are placed in a group.
        </EmptyState>
      )}
    </div>
  );
}
