import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { EmptyState } from '../../../components/ui/empty-state.tsx';

/** What an admin page shows to someone who is not an org admin: whose page it is, why, and a way home. */
export function AdminsOnly({ children, title = 'For org admins only' }: { children: ReactNode; title?: string }) {
  return (
    <EmptyState icon="shield" title={title} action={<Link href="/" className="btn btn-primary">Go home</Link>}>
      {children}
    </EmptyState>
  );
}
