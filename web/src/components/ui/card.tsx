import type { HTMLAttributes, ReactNode } from 'react';

/** A surface that groups related content, with an optional titled header and actions. */
export function Card({
  title,
  actions,
  warm,
  as: Tag = 'section',
  className,
  children,
  ...rest
}: Omit<HTMLAttributes<HTMLElement>, 'title'> & { title?: ReactNode; actions?: ReactNode; warm?: boolean; as?: 'section' | 'div' | 'article' }) {
  const headingId = rest.id ? `${rest.id}-title` : undefined;
  return (
    <Tag className={['card', warm && 'card-warm', className].filter(Boolean).join(' ')} aria-labelledby={title && headingId ? headingId : undefined} {...rest}>
      {title || actions ? (
        <div className="card-header">
          {title ? (
            <h2 className="card-title" id={headingId}>
              {title}
            </h2>
          ) : (
            <span />
          )}
          {actions}
        </div>
      ) : null}
      {children}
    </Tag>
  );
}
