import { Link } from 'wouter';
import type { Community } from '../../../../../contracts/index.ts';
import { Icon, type IconName } from '../../../components/ui/icon.tsx';

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
  return (
    <nav className="tabs" aria-label={`${community.name} sections`}>
      <ul>
        {tabs.map((t) => (
          <li key={t.id}>
            <Link href={t.href} className="tab" aria-current={t.id === current ? 'page' : undefined}>
              <Icon name={t.icon} size={17} />
              {t.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
