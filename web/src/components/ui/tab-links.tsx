import { Link } from 'wouter';
import { Icon, type IconName } from './icon.tsx';

/** One section: its own address, so it can be bookmarked and shared. */
export interface TabLink<Id extends string> {
  id: Id;
  label: string;
  icon: IconName;
  href: string;
}

/** A row of section links with the current one marked (aria-current="page"). */
export function TabLinks<Id extends string>({ label, tabs, current }: { label: string; tabs: TabLink<Id>[]; current: Id }) {
  return (
    <nav className="tabs" aria-label={label}>
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
