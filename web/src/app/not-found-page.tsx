import { Link } from 'wouter';
import { EmptyState } from '../components/ui/empty-state.tsx';
import { useDocumentTitle } from '../lib/use-document-title.ts';

/** Shown for any unknown address inside the app. */
export function NotFoundPage() {
  useDocumentTitle('Not found');
  return (
    <EmptyState icon="search" title="We couldn't find that page" action={<Link href="/" className="btn btn-primary">Go home</Link>}>
      The link may be old, or the page may have moved.
    </EmptyState>
  );
}
