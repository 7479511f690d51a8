import type { ReactNode } from 'react';
import { Avatar } from '../../../components/ui/avatar.tsx';
import { Brand } from '../../../components/ui/brand.tsx';

const FACES = [
  { id: 'a1', name: 'Maya Patel' },
  { id: 'b22', name: 'Sam Okafor' },
  { id: 'c333', name: 'Lea Schmidt' },
  { id: 'd4444', name: 'Tomás Reyes' },
  { id: 'e5', name: 'Aisha Larsen' },
];

/** Two-column frame of the signed-out screens: a warm welcome on the left, the form on the right. */
export function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <div className="auth">
      <aside className="auth-hero" aria-label="About Hearth">
        <Brand />
        <div>
          <h2>Learn from the people you work with.</h2>
          <p>Find colleagues who know what you want to learn, see who's around, and grow together — one conversation at a time.</p>
          <div className="auth-hero-people" aria-hidden="true">
            {FACES.map((f) => (
              <Avatar key={f.id} personId={f.id} name={f.name} size="md" />
            ))}
          </div>
        </div>
        <span style={{ color: '#ffe4cc', fontSize: '0.85rem' }}>Open-source social learning for workplaces</span>
      </aside>
      <main className="auth-panel" id="main">
        <div className="auth-card">
          <Brand className="auth-mobile-brand" />
          {children}
        </div>
      </main>
    </div>
  );
}
