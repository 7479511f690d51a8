import type { InputHTMLAttributes, Ref } from 'react';

/** A text-like input styled by the design system. */
export function Input({ className, ref, ...rest }: InputHTMLAttributes<HTMLInputElement> & { ref?: Ref<HTMLInputElement> }) {
  return <input ref={ref} className={['input', className].filter(Boolean).join(' ')} {...rest} />;
}
