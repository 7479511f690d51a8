import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useLocation } from 'wouter';
import { Icon } from '../../../components/ui/icon.tsx';
import { SEARCH_LIMITS } from '../../../../../contracts/index.ts';

/** True when a key press is meant for a text field, not for a page shortcut. */
const isTyping = (el: EventTarget | null) => el instanceof HTMLElement && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));

/**
 * The app shell's search box: Enter opens /search with the words; "/" anywhere focuses it (the usual shortcut).
 * `id` keeps labels unique when the shell renders more than one.
 */
export function SearchBox({ id, shortcut }: { id: string; shortcut?: boolean }) {
  const [, navigate] = useLocation();
  const [q, setQ] = useState('');
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (!shortcut) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === '/' && !e.metaKey && !e.ctrlKey && !e.altKey && !isTyping(e.target) && input.current?.offsetParent) {
        e.preventDefault();
        input.current.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [shortcut]);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const words = q.trim();
    navigate(words ? `/search?q=${encodeURIComponent(words)}` : '/search');
    setQ('');
    input.current?.blur();
  };
  return (
    <form role="search" className="search-box" onSubmit={onSubmit}>
      <label htmlFor={id} className="visually-hidden">
        Search Hearth
      </label>
      <Icon name="search" size={16} />
      <input
        ref={input}
        id={id}
        type="search"
        className="search-box-input"
        placeholder="Search"
        value={q}
        maxLength={SEARCH_LIMITS.query}
        onChange={(e) => setQ(e.target.value)}
        autoComplete="off"
        enterKeyHint="search"
        aria-keyshortcuts={shortcut ? '/' : undefined}
      />
      {shortcut ? (
        <kbd className="search-box-kbd" aria-hidden="true">
          /
        </kbd>
      ) : null}
    </form>
  );
}
