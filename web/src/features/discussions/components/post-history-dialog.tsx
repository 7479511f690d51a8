import { Dialog } from '../../../components/ui/dialog.tsx';
import { ErrorState } from '../../../components/ui/error-state.tsx';
import { Spinner } from '../../../components/ui/spinner.tsx';
import { fullTime } from '../../../lib/relative-time.ts';
import { usePostRevisions } from '../api/use-post-revisions.ts';

/** Earlier versions of a post (Markdown source), newest first. */
export function PostHistoryDialog({ postId, open, onClose }: { postId: string; open: boolean; onClose: () => void }) {
  const revisions = usePostRevisions(postId, open);
  return (
    <Dialog open={open} onClose={onClose} title="Edit history" wide>
      {revisions.isPending ? (
        <Spinner label="Loading history" />
      ) : revisions.isError ? (
        <ErrorState error={revisions.error} title="We couldn't load the history" onRetry={() => revisions.refetch()} />
      ) : revisions.data.items.length === 0 ? (
        <p className="muted">No earlier versions.</p>
      ) : (
        <ol className="revisions">
          {revisions.data.items.map((r) => (
            <li key={r.editedAt}>
              <p className="revision-meta">
                Replaced by {r.editedBy.name} on <time dateTime={r.editedAt}>{fullTime(r.editedAt)}</time>
              </p>
              <pre className="revision-body">{r.body}</pre>
            </li>
          ))}
        </ol>
      )}
    </Dialog>
  );
}
