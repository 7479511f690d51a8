import { useState } from 'react';
import type { ActionItem, ActionItemStatus } from '../../../../../contracts/index.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Input } from '../../../components/ui/input.tsx';
import { Select } from '../../../components/ui/select.tsx';
import { useComments, usePlanActions } from '../api/use-follow-through.ts';

const STATUS_LABEL: Record<ActionItemStatus, string> = { todo: 'To do', doing: 'Doing', done: 'Done' };

/** Comments on an item: its owner and named peers read and write them. */
function ItemComments({ itemId }: { itemId: string }) {
  const comments = useComments(itemId);
  const { comment } = usePlanActions();
  const [body, setBody] = useState('');
  return (
    <div className="stack-sm">
      {comments.isPending ? (
        <p className="muted small">Loading comments…</p>
      ) : comments.isError ? (
        <Alert>Comments could not be loaded.</Alert>
      ) : comments.data.items.length ? (
        <ul className="ft-list" aria-label="Comments">
          {comments.data.items.map((c) => (
            <li key={c.id} className="small">
              <strong>{c.author.name}:</strong> {c.body}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted small">No comments yet.</p>
      )}
      <form
        className="ft-inline"
        onSubmit={(e) => {
          e.preventDefault();
          if (body.trim()) comment.mutate({ id: itemId, body: body.trim() }, { onSuccess: () => setBody('') });
        }}
      >
        <label className="visually-hidden" htmlFor={`comment-${itemId}`}>
          Comment
        </label>
        <Input id={`comment-${itemId}`} placeholder="Add a comment" value={body} onChange={(e) => setBody(e.target.value)} />
        <Button type="submit" size="sm" variant="secondary" disabled={!body.trim()} loading={comment.isPending}>
          Comment
        </Button>
      </form>
    </div>
  );
}

/** One item: title, due date, status (the owner changes it), evidence, peers and comments. */
export function ActionItemCard({ item }: { item: ActionItem }) {
  const { updateItem } = usePlanActions();
  const [evidence, setEvidence] = useState(item.evidenceNote ?? '');
  return (
    <li className="ft-entry" aria-label={item.title}>
      <div className="ft-item-head">
        <strong>{item.title}</strong>
        <span className="muted small">{item.dueOn ? `Due ${item.dueOn}` : 'No due date'}</span>
      </div>
      {item.mine ? null : <p className="muted small">{item.owner.name} asked you to help with this item.</p>}
      {item.peers.length ? <p className="small">Peers: {item.peers.map((p) => p.name).join(', ')}</p> : null}
      {item.mine ? (
        <div className="ft-inline">
          <label className="small" htmlFor={`status-${item.id}`}>
            Status
          </label>
          <Select id={`status-${item.id}`} value={item.status} onChange={(e) => updateItem.mutate({ id: item.id, status: e.target.value as ActionItemStatus })}>
            {Object.entries(STATUS_LABEL).map(([v, l]) => (
              <option key={v} value={v}>
                {l}
              </option>
            ))}
          </Select>
          <label className="visually-hidden" htmlFor={`evidence-${item.id}`}>
            Evidence note
          </label>
          <Input id={`evidence-${item.id}`} placeholder="Evidence: what you did" value={evidence} onChange={(e) => setEvidence(e.target.value)} />
          <Button size="sm" variant="secondary" onClick={() => updateItem.mutate({ id: item.id, evidenceNote: evidence.trim() || null })} loading={updateItem.isPending}>
            Save evidence
          </Button>
        </div>
      ) : (
        <p className="small">
          Status: {STATUS_LABEL[item.status]}
          {item.evidenceNote ? ` · ${item.evidenceNote}` : ''}
        </p>
      )}
      {updateItem.isError ? <Alert>{updateItem.error.message}</Alert> : null}
      <ItemComments itemId={item.id} />
    </li>
  );
}
