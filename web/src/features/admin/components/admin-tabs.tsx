import type { IconName } from '../../../components/ui/icon.tsx';
import { TabLinks } from '../../../components/ui/tab-links.tsx';

/** The sections of administration, each with its own address. */
export function AdminTabs({ current }: { current: 'people' | 'network' | 'audit' | 'settings' | 'system' | 'surveys' }) {
  const tabs: { id: typeof current; label: string; icon: IconName; href: string }[] = [
    { id: 'people', label: 'People', icon: 'people', href: '/admin/people' },
    { id: 'network', label: 'Network', icon: 'globe', href: '/admin/network' },
    { id: 'audit', label: 'Audit log', icon: 'shield', href: '/admin/audit' },
    { id: 'surveys', label: 'Surveys', icon: 'checkCircle', href: '/surveys' },
    { id: 'settings', label: 'Settings', icon: 'edit', href: '/admin/settings' },
    { id: 'system', label: 'System', icon: 'refresh', href: '/admin/system' },
  ];
  return <TabLinks label="Administration sections" tabs={tabs} current={current} />;
}
