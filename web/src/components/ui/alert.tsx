import type { ReactNode } from 'react';
import { Icon } from './icon.tsx';

/** An inline message box; errors are announced assertively, others politely. */
export function Alert({ tone = 'error', children }: { tone?: 'error' | 'success' | 'info'; children: ReactNode }) {
  return (
    <div className={`alert alert-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      <Icon name={tone === 'error' ? 'alert' : tone === 'success' ? 'check' : 'sparkle'} size={18} />
      <div>{children}</div>
    </div>
  );
}
