import { Link, useLocation } from 'wouter';

/** The org admin's pages, as links (the current one marked for screen readers too). */
const PAGES = [
  { href: '/admin/people', label: 'People' },
  { href: '/admin/system', label: 'System' },
];

/** Navigation between the admin pages. */
export function AdminTabs() {
  const [path] = useLocation();
  return (
    <nav className="admin-tabs" aria-label="Admin pages">
      {PAGES.map((p) => (
        <Link key={p.href} href={p.href} className="admin-tab" aria-current={path === p.href ? 'page' : undefined}>
          {p.label}
        </Link>
      ))}
    </nav>
  );
}
