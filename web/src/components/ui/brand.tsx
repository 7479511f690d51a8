import { Link } from 'wouter';
import { Icon } from './icon.tsx';

/** The Hearth wordmark, linking home. */
export function Brand({ className }: { className?: string }) {
  return (
    <Link href="/" className={['brand', className].filter(Boolean).join(' ')} aria-label="Hearth home">
      <span className="brand-mark">
        <Icon name="flame" size={20} strokeWidth={0} fill="currentColor" />
      </span>
      Hearth
    </Link>
  );
}
