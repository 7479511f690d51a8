import { Link } from 'wouter';
import { Icon, type IconName } from '../../../components/ui/icon.tsx';
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
  return (
    <nav className="tabs" aria-label="Insight sections">
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
