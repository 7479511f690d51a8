import { useLocation, useSearchParams } from 'wouter';

/**
 * The page's query string, like wouter's useSearchParams, for pages that write it (filters, debounced search words).
 * A write that arrives after the person has left the page is dropped: wouter would otherwise put the old page back
 * (its setter navigates to the pathname of the last render), so a search that settles just as someone clicks a result
 * sent them back to the list.
 */
export function usePageSearchParams() {
  const [params, setParams] = useSearchParams();
  const [pathname] = useLocation();
  const set: typeof setParams = (next, options) => {
    if (window.location.pathname === pathname) setParams(next, options);
  };
  return [params, set] as const;
}
