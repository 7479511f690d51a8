import type { TextareaHTMLAttributes } from 'react';

/** A multi-line text input styled by the design system. */
export function Textarea({ className, ...rest }: TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return <textarea className={['textarea', className].filter(Boolean).join(' ')} {...rest} />;
}
