import type { MeResponse } from '../../../contracts/index.ts';
import type { IconName } from '../components/ui/icon.tsx';

/** One destination in the main navigation. */
export type NavItem = { href: string; label: string; icon: IconName; match: (path: string) => boolean };

/** The main navigation for this person (those who may see any analytics scope also get Insights; admins Admin). */
export function navItems(me: MeResponse, opts: { insights?: boolean } = {}): NavItem[] {
  const items: NavItem[] = [
    { href: '/', label: 'Home', icon: 'home', match: (p) => p === '/' },
    { href: '/communities', label: 'Communities', icon: 'message', match: (p) => p.startsWith('/communities') || p.startsWith('/threads/') },
    { href: '/pathways', label: 'Pathways', icon: 'route', match: (p) => p.startsWith('/pathways') },
    { href: '/programs', label: 'Programs', icon: 'calendar', match: (p) => p.startsWith('/programs') },
    { href: '/events', label: 'Events', icon: 'calendarCheck', match: (p) => p.startsWith('/events') },
    { href: '/live', label: 'Live', icon: 'flame', match: (p) => p.startsWith('/live') },
    { href: '/mentoring', label: 'Mentoring', icon: 'userPlus', match: (p) => p.startsWith('/mentoring') || p.startsWith('/experts') },
    { href: '/surveys', label: 'Surveys', icon: 'checkCircle', match: (p) => p.startsWith('/surveys') },
    { href: '/library', label: 'Library', icon: 'file', match: (p) => p.startsWith('/library') || p.startsWith('/resources/') || p.startsWith('/collections/') },
    { href: '/people', label: 'People', icon: 'people', match: (p) => p === '/people' || (p.startsWith('/people/') && !p.endsWith(me.person.id)) },
  ];
  if (opts.insights) items.push({ href: '/insights', label: 'Insights', icon: 'chart', match: (p) => p.startsWith('/insights') });
  if (me.person.roles.includes('admin')) items.push({ href: '/admin/people', label: 'Admin', icon: 'shield', match: (p) => p.startsWith('/admin') });
  return items;
}
