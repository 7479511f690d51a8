import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { Icon, type IconName } from './icon.tsx';

/** One action in a MenuButton. */
export type MenuAction = { label: string; icon?: IconName; onSelect: () => void; danger?: boolean; disabled?: boolean };

/**
 * A button that opens a short list of actions (ARIA menu: arrow keys move, Escape closes and returns
 * focus, a click outside closes).
 */
export function MenuButton({ label, icon = 'more', actions, children }: { label: string; icon?: IconName; actions: MenuAction[]; children?: ReactNode }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const wrap = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const items = useRef<(HTMLButtonElement | null)[]>([]);

  useEffect(() => {
    if (!open) return;
    items.current.find((b) => b && !b.disabled)?.focus();
    const onDown = (e: PointerEvent) => {
      if (!wrap.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [open]);

  const move = (delta: number) => {
    const enabled = items.current.filter((b): b is HTMLButtonElement => Boolean(b && !b.disabled));
    const i = enabled.indexOf(document.activeElement as HTMLButtonElement);
    enabled[(i + delta + enabled.length) % enabled.length]?.focus();
  };

  return (
    <div className="menu-wrap" ref={wrap}>
      <button
        ref={button}
        type="button"
        className="btn btn-ghost btn-sm"
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        onClick={() => setOpen((o) => !o)}
      >
        <Icon name={icon} size={18} />
        {children}
      </button>
      {open ? (
        <div
          className="menu"
          role="menu"
          id={id}
          aria-label={label}
          tabIndex={-1}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              setOpen(false);
              button.current?.focus();
            } else if (e.key === 'ArrowDown') {
              e.preventDefault();
              move(1);
            } else if (e.key === 'ArrowUp') {
              e.preventDefault();
              move(-1);
            } else if (e.key === 'Tab') setOpen(false);
          }}
        >
          {actions.map((a, i) => (
            <button
              key={a.label}
              ref={(el) => {
                items.current[i] = el;
              }}
              type="button"
              role="menuitem"
              className={`menu-item${a.danger ? ' menu-item-danger' : ''}`}
              disabled={a.disabled}
              onClick={() => {
                setOpen(false);
                button.current?.focus();
                a.onSelect();
              }}
            >
              {a.icon ? <Icon name={a.icon} size={16} /> : null}
              {a.label}
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
