import { Component, type ComponentType, lazy, type ReactNode, Suspense } from 'react';
import { Button } from '../components/ui/button.tsx';
import { Icon } from '../components/ui/icon.tsx';
import { PageLoading } from '../components/ui/page-loading.tsx';

/**
 * A page that the browser downloads the first time someone opens it, as a chunk of its own, so the first screen does not
 * wait for every page of the app. `load` imports the page's module and picks the component.
 */
export function lazyPage<C extends ComponentType<any>>(load: () => Promise<C>) {
  return lazy<C>(async () => ({ default: await load() }));
}

/** Where lazy pages appear: a spinner while a page's chunk loads, and a way out when it cannot be fetched. */
export function PageBoundary({ children }: { children: ReactNode }) {
  return (
    <ChunkErrorBoundary>
      <Suspense fallback={<PageLoading label="Loading page" />}>{children}</Suspense>
    </ChunkErrorBoundary>
  );
}

/**
 * A page's chunk fails to load when the network drops or when Hearth was updated while this tab was open (the old
 * chunk names are gone). Either way a reload is the fix, so say that instead of showing a blank page.
 */
class ChunkErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  render() {
    if (!this.state.failed) return this.props.children;
    return (
      <div className="state state-error" role="alert">
        <span className="state-icon">
          <Icon name="alert" size={26} />
        </span>
        <h3 className="state-title">This page could not be loaded</h3>
        <p>Your connection may have dropped, or Hearth was updated since you opened it. Reloading fixes both.</p>
        <Button variant="secondary" onClick={() => window.location.reload()}>
          <Icon name="refresh" size={16} /> Reload
        </Button>
      </div>
    );
  }
}
