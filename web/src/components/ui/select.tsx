import type { SelectHTMLAttributes } from 'react';

/** A native select styled by the design system (native keeps it accessible on every device). */
export function Select({ className, ...rest }: SelectHTMLAttributes<HTMLSelectElement>) {
  return <select className={['select', className].filter(Boolean).join(' ')} {...rest} />;
}
