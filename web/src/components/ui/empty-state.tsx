import type { ReactNode } from 'react';
import { Icon, type IconName } from './icon.tsx';

/** A friendly message for "nothing here (yet)", with an optional next step. */
export function EmptyState({ icon = 'sparkle', title, children, action }: { icon?: IconName; title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <div className="state">
      <span className="state-icon">
        <Icon name={icon} size={26} />
      </span>
      <h3 className="state-title">{title}</h3>
      {children ? <p>{children}</p> : null}
      {action}
    </div>
  );
}
