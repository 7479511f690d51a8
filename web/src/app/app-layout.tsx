import { type ReactNode, useEffect, useRef } from 'react';
import { Link, useLocation } from 'wouter';
import { Avatar } from '../components/ui/avatar.tsx';
import { Brand } from '../components/ui/brand.tsx';
import { Button } from '../components/ui/button.tsx';
import { Icon } from '../components/ui/icon.tsx';
import { useMe } from '../features/auth/api/use-me.ts';
import { useSignOut } from '../features/auth/api/use-sign-out.ts';
import { useInsightScopes } from '../features/insights/api/use-insights.ts';
import { SearchBox } from '../features/search/components/search-box.tsx';
import { InboxLinks } from '../features/notifications/components/inbox-links.tsx';
import type { RealtimeStatus } from '../lib/realtime-connection.ts';
import { MoreNav } from './more-nav.tsx';
import { navItems } from './nav-items.ts';

/**
 * The signed-in shell: a sidebar on wide screens; on phones a top bar and a bottom tab bar
 * (thumb-reachable, always visible, no hidden hamburger menu).
 */
export function AppLayout({ realtime, children }: { realtime: RealtimeStatus; children: ReactNode }) {
  const me = useMe();
  const [location] = useLocation();
  const signOut = useSignOut();
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  // After client-side navigation, start at the top and move focus to the new page so screen
  // readers announce it (the browser does this for full page loads only).
  // biome-ignore lint/correctness/useExhaustiveDependencies: the location change is the trigger
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    window.scrollTo(0, 0);
    mainRef.current?.focus({ preventScroll: true });
  }, [location]);
  // A full page load: the next person signing in on this tab must not inherit this organization's page policy.
  const onSignOut = () => signOut.mutate(undefined, { onSettled: () => window.location.replace('/sign-in') });
  // Whether to offer Insights: any analytics scope (moderators, facilitators and managers too, not only admins).
  const insightScopes = useInsightScopes();
  const items = navItems(me, { insights: (insightScopes.data?.scopes.length ?? 0) > 0 });
  const myProfile = `/people/${me.person.id}`;
  const onMyProfile = location === myProfile;
  // Phones show four destinations and "More" (the rest and the profile) so labels stay readable at 390 px.
  const phoneItems = items.slice(0, 4);
  const moreItems = [...items.slice(4), { href: myProfile, label: 'Me', icon: 'sparkle' as const, match: (p: string) => p === myProfile }];

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <nav className="sidebar" aria-label="Main">
        <div>
          <Brand />
          <div className="org-name">{me.organization.name}</div>
        </div>
        <SearchBox id="sidebar-search" shortcut />
        <ul className="nav-list">
          {items.map((item) => (
            <li key={item.href}>
              <Link href={item.href} className="nav-link" aria-current={item.match(location) ? 'page' : undefined}>
                <Icon name={item.icon} />
                {item.label}
              </Link>
            </li>
          ))}
        </ul>
        <InboxLinks variant="sidebar" personId={me.person.id} live />
        <div className="sidebar-footer">
          {realtime === 'reconnecting' ? (
            <p className="connection-note" role="status">
              Reconnecting live updates…
            </p>
          ) : null}
          <Link href={myProfile} className="me-link" aria-current={onMyProfile ? 'page' : undefined}>
            <Avatar personId={me.person.id} name={me.person.name} src={me.person.avatarUrl} size="sm" showPresence />
            <span style={{ minWidth: 0 }}>
              <span className="me-name" style={{ display: 'block' }}>
                {me.person.name}
              </span>
              <span className="me-sub" style={{ display: 'block' }}>
                View your profile
              </span>
            </span>
          </Link>
          <Button variant="ghost" size="sm" onClick={onSignOut} loading={signOut.isPending || signOut.isSuccess} style={{ justifyContent: 'flex-start' }}>
            <Icon name="logout" size={16} /> Sign out
          </Button>
        </div>
      </nav>

      <header className="topbar">
        <Brand />
        <span className="spacer" />
        <Link href="/search" className="inbox-icon" aria-label="Search" aria-current={location.startsWith('/search') ? 'page' : undefined}>
          <Icon name="search" size={18} />
        </Link>
        <InboxLinks variant="topbar" personId={me.person.id} />
        <Button variant="ghost" size="sm" onClick={onSignOut} loading={signOut.isPending || signOut.isSuccess} aria-label="Sign out">
          <Icon name="logout" size={18} />
        </Button>
        <Link href={myProfile} aria-label="Your profile">
          <Avatar personId={me.person.id} name={me.person.name} src={me.person.avatarUrl} size="sm" />
        </Link>
      </header>

      <main className="main" id="main" tabIndex={-1} ref={mainRef}>
        <div className="main-inner">{children}</div>
      </main>

      <nav className="bottom-nav" aria-label="Main (mobile)">
        <ul>
          {phoneItems.map((item) => (
            <li key={item.href}>
              <Link href={item.href} aria-current={item.match(location) ? 'page' : undefined}>
                <Icon name={item.icon} />
                {item.label}
              </Link>
            </li>
          ))}
          <li>
            <MoreNav items={moreItems} location={location} />
          </li>
        </ul>
      </nav>
    </div>
  );
}
