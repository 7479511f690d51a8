import type { MouseEvent } from 'react';
import { navigate } from 'wouter/use-browser-location';

/** Internal links (mentions, /communities/…) move within the app instead of reloading the page. */
function onClick(e: MouseEvent<HTMLDivElement>) {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  const a = (e.target as HTMLElement).closest('a');
  const href = a?.getAttribute('href');
  if (!a || !href || !href.startsWith('/') || href.startsWith('//') || a.target) return;
  e.preventDefault();
  navigate(href);
}

/**
 * Shows HTML the server rendered from Markdown and sanitized (posts, rules), or search highlights the server escaped
 * (`titleHtml`/`snippetHtml`). This is the only place the web app injects HTML: never pass it anything else.
 */
export function RenderedHtml({ html, className, inline }: { html: string; className?: string; inline?: boolean }) {
  // `inline`: a <span> without prose styles, for server-escaped search highlights (text plus <mark> only).
  if (inline) {
    // biome-ignore lint/security/noDangerouslySetInnerHtml: server-escaped search highlights (only <mark> tags)
    return <span className={className} dangerouslySetInnerHTML={{ __html: html }} />;
  }
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions lint/a11y/useKeyWithClickEvents: delegates clicks of the links inside, which stay keyboard-operable
    // biome-ignore lint/security/noDangerouslySetInnerHtml: server-sanitized Markdown output only
    <div className={['prose', className].filter(Boolean).join(' ')} onClick={onClick} dangerouslySetInnerHTML={{ __html: html }} />
  );
}
