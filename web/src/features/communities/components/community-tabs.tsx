import type { Community } from '../../../../../contracts/index.ts';
import type { IconName } from '../../../components/ui/icon.tsx';
import { TabLinks } from '../../../components/ui/tab-links.tsx';

/** Sections of a community page, each with its own address. */
export type CommunityTab = 'discussions' | 'resources' | 'events' | 'members' | 'rules' | 'settings';

/** Navigation between a community's sections (links, so each section can be bookmarked and shared). */
export function CommunityTabs({ community, current }: { community: Community; current: CommunityTab }) {
  const tabs: { id: CommunityTab; label: string; icon: IconName; href: string }[] = [
    { id: 'discussions', label: 'Discussions', icon: 'message', href: `/communities/${community.slug}` },
    { id: 'resources', label: 'Resources', icon: 'file', href: `/communities/${community.slug}/resources` },
    { id: 'events', label: 'Events', icon: 'calendarCheck', href: `/communities/${community.slug}/events` },
    { id: 'members', label: 'Members', icon: 'people', href: `/communities/${community.slug}/members` },
    { id: 'rules', label: 'Rules', icon: 'shield', href: `/communities/${community.slug}/rules` },
  ];
  if (community.abilities.canModerate) tabs.push({ id: 'settings', label: 'Settings', icon: 'edit', href: `/communities/${community.slug}/settings` });
  return <TabLinks label={`${community.name} sections`} tabs={tabs} current={current} />;
}
