import type { IconName } from '../../../components/ui/icon.tsx';
import { TabLinks } from '../../../components/ui/tab-links.tsx';
import { useMe } from '../../auth/api/use-me.ts';

/** Insight's sections for org admins and analysts (others see engagement only, so no tabs). */
export function InsightsTabs({ current }: { current: 'engagement' | 'network' | 'skills' }) {
  const { person } = useMe();
  if (!person.roles.includes('admin') && !person.roles.includes('analyst')) return null;
  const tabs: { id: typeof current; label: string; icon: IconName; href: string }[] = [
    { id: 'engagement', label: 'Engagement', icon: 'chart', href: '/insights' },
    { id: 'network', label: 'Network', icon: 'globe', href: '/insights/network' },
    { id: 'skills', label: 'Skill gaps', icon: 'sparkle', href: '/insights/skills' },
  ];
  return <TabLinks label="Insight sections" tabs={tabs} current={current} />;
}
