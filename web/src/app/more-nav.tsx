import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'wouter';
import { Icon } from '../components/ui/icon.tsx';
import type { NavItem } from './nav-items.ts';

/**
 * The phone tab bar's "More" entry: a disclosure button opening a small sheet of the remaining
 * destinations above the bar. Escape or a tap outside closes it (focus returns to the button);
 * choosing a link or any navigation closes it too. Marked current when one of its pages is open.
 */
export function MoreNav({ items, location }: { items: NavItem[]; location: string }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const wrap = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const active = items.some((i) => i.match(location));

  // biome-ignore lint/correctness/useExhaustiveDependencies: any navigation closes the sheet
  useEffect(() => setOpen(false), [location]);
  useEffect(() => {
    if (!open) return;
    wrap.current?.querySelector<HTMLAnchorElement>('.more-sheet a')?.focus();
    const onDown = (e: PointerEvent) => {
      if (!wrap.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [open]);

  return (
    <div
      className="more-nav"
      ref={wrap}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.preventDefault();
          setOpen(false);
          button.current?.focus();
        }
      }}
    >
      <button
        ref={button}
        type="button"
        className="more-btn"
        aria-expanded={open}
        aria-controls={id}
        data-active={active || undefined}
        onClick={() => setOpen((o) => !o)}
      >
        <Icon name="more" />
        More
      </button>
      <div className="more-sheet" id={id} hidden={!open}>
        <ul aria-label="More destinations">
          {items.map((item) => (
            <li key={item.href}>
              <Link href={item.href} aria-current={item.match(location) ? 'page' : undefined} onClick={() => setOpen(false)}>
                <Icon name={item.icon} size={20} />
                {item.label}
              </Link>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
