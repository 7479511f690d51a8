import { ApiError } from '../../lib/api-error.ts';
import { Button } from './button.tsx';
import { Icon } from './icon.tsx';

/** Explains a failed load in words people understand and offers to try again. */
export function ErrorState({ error, title = 'Something went wrong', onRetry }: { error: unknown; title?: string; onRetry?: () => void }) {
  const detail = error instanceof ApiError ? error.detail : 'An unexpected error happened. Please try again.';
  const requestId = error instanceof ApiError ? error.requestId : undefined;
  return (
    <div className="state state-error" role="alert">
      <span className="state-icon">
        <Icon name="alert" size={26} />
      </span>
      <h3 className="state-title">{title}</h3>
      <p>{detail}</p>
      {requestId ? <p className="field-hint">Reference: {requestId}</p> : null}
      {onRetry ? (
        <Button variant="secondary" onClick={onRetry}>
          <Icon name="refresh" size={16} /> Try again
        </Button>
      ) : null}
    </div>
  );
}
