import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { EmptyState } from '../../../components/ui/empty-state.tsx';

/** What an admin page shows to someone who is not an org admin: whose page it is, why, and a way home. */
export function AdminsOnly({ children }: { children: ReactNode }) {
  return (
    <EmptyState icon="shield" title="For org admins only" action={<Link href="/" className="btn btn-primary">Go home</Link>}>
      {children}
    </EmptyState>
  );
}
