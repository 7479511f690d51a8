/**
 * After an in-app navigation to a URL with a #fragment (e.g. /threads/<id>#post-<id>), scrolls the target into view
 * once the page has rendered it (it arrives with the page's data), giving up after a few seconds.
 */
export function scrollToAnchorWhenReady(url: string, timeoutMs = 4000) {
  const id = decodeURIComponent(new URL(url, window.location.origin).hash.slice(1));
  if (!id) return;
  const deadline = Date.now() + timeoutMs;
  const tick = () => {
    const el = document.getElementById(id);
    if (el) {
      el.scrollIntoView({ block: 'center' });
      return;
    }
    if (Date.now() < deadline) window.setTimeout(tick, 100);
  };
  window.setTimeout(tick, 50);
}
