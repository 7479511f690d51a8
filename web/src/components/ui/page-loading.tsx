import { Spinner } from './spinner.tsx';

/** A centred spinner for a whole page that is still loading. */
export function PageLoading({ label = 'Loading' }: { label?: string }) {
  return (
    <div className="page-loading">
      <Spinner size="lg" label={label} />
    </div>
  );
}
