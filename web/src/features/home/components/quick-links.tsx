import { Link } from 'wouter';
import type { Person } from '../../../../../contracts/index.ts';
import { Card } from '../../../components/ui/card.tsx';
import { Icon, type IconName } from '../../../components/ui/icon.tsx';

/** Shortcuts to the next useful thing, tailored to what the person wants to learn. */
export function QuickLinks({ person }: { person: Person }) {
  const want = person.skills.find((s) => s.kind === 'want');
  const links: { href: string; icon: IconName; label: string; sub: string }[] = [];
  if (want) links.push({ href: `/people?skill=${encodeURIComponent(want.name)}`, icon: 'sparkle', label: `Who knows ${want.name}?`, sub: "Colleagues who could teach you what you're learning" });
  links.push({ href: '/plans', icon: 'checkCircle', label: 'My plans', sub: 'Put what you learned into practice, with peers who help' });
  links.push({ href: '/journal', icon: 'edit', label: 'Journal', sub: 'Private reflections; share one entry when you choose' });
  links.push({ href: '/network/me', icon: 'globe', label: 'My network', sub: "Departments you've met and people to meet" });
  links.push({ href: '/people', icon: 'people', label: 'Browse the directory', sub: 'Search by name, team, location or skill' });
  if (person.department) links.push({ href: `/people?department=${encodeURIComponent(person.department)}`, icon: 'briefcase', label: `Your department`, sub: person.department });
  links.push({ href: `/people/${person.id}`, icon: 'edit', label: 'Polish your profile', sub: 'Skills and interests help others find you' });
  if (person.roles.includes('analyst') && !person.roles.includes('admin')) {
    links.push({ href: '/insights/network', icon: 'globe', label: 'Organization network', sub: 'How departments connect, and who bridges them' });
  }
  if (person.roles.includes('analyst') || person.roles.includes('admin')) {
    links.push({ href: '/insights/skills', icon: 'sparkle', label: 'Skill gaps', sub: 'What people want to learn, and who could teach it' });
  }
  if (person.roles.includes('admin')) links.push({ href: '/admin/people', icon: 'shield', label: 'Manage people', sub: 'Invite colleagues or import from HR' });
  return (
    <Card id="quick-links" title="Quick links">
      <ul className="quick-links">
        {links.map((l) => (
          <li key={l.href}>
            <Link href={l.href} className="quick-link">
              <span className="quick-link-icon">
                <Icon name={l.icon} />
              </span>
              <span>
                {l.label}
                <small>{l.sub}</small>
              </span>
              <span className="spacer" />
              <Icon name="arrowRight" size={18} />
            </Link>
          </li>
        ))}
      </ul>
    </Card>
  );
}
