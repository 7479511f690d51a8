import { useEffect } from 'react';

/** Sets the tab title ("People · Hearth") so screen readers and history show where you are. */
export function useDocumentTitle(title: string) {
  useEffect(() => {
    document.title = title ? `${title} · Hearth` : 'Hearth';
  }, [title]);
}
