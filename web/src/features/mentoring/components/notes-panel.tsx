import { type FormEvent, useState } from 'react';
import { MENTORING_LIMITS, type PersonRef, type RelationshipDetail } from '../../../../../contracts/index.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { Field } from '../../../components/ui/field.tsx';
import { Icon } from '../../../components/ui/icon.tsx';
import { RenderedHtml } from '../../../components/ui/rendered-html.tsx';
import { Skeleton } from '../../../components/ui/skeleton.tsx';
import { Textarea } from '../../../components/ui/textarea.tsx';
import { ApiError } from '../../../lib/api-error.ts';
import { fullTime, relativeTime } from '../../../lib/relative-time.ts';
import { useNotes } from '../api/use-mentoring.ts';
import { useRelationshipActions } from '../api/use-mentoring-actions.ts';

/**
 * Pair-private notes. Partners read and write them; anyone else (programme admins included) sees only that they exist
 * and who can read them: the notes are never requested for them.
 */
export function NotesPanel({ r, partner }: { r: RelationshipDetail; partner: PersonRef }) {
  const canSee = r.abilities.canSeeNotes;
  const notes = useNotes(r.id, canSee);
  const { addNote, deleteNote } = useRelationshipActions(r.id);
  const [body, setBody] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!body.trim()) return;
    addNote.mutate(body.trim(), { onSuccess: () => setBody('') });
  };
  const title = (
    <span className="notes-title">
      <Icon name="lock" size={18} /> Private notes
    </span>
  );
  if (!canSee)
    return (
      <Card title={title} id="notes" className="notes-card">
        <p className="private-banner">
          <Icon name="eyeOff" size={18} /> Only {r.mentor.name} and {r.mentee.name} can read their notes. They are not shown to programme admins or facilitators.
        </p>
      </Card>
    );
  return (
    <Card title={title} id="notes" className="notes-card">
      <p className="private-banner">
        <Icon name="lock" size={16} /> Only you and {partner.name} can read these. Programme admins can't.
      </p>
      {notes.isPending ? (
        <Skeleton height={60} />
      ) : notes.isError ? (
        <Alert>{notes.error instanceof ApiError ? notes.error.detail : 'Could not load the notes.'}</Alert>
      ) : notes.data.items.length === 0 ? (
        <p className="muted small">No notes yet. Keep what you agreed, links and next steps here.</p>
      ) : (
        <ul className="note-list" aria-label="Notes">
          {notes.data.items.map((n) => (
            <li key={n.id} className="note" data-note={n.id}>
              <div className="note-meta small muted">
                <span>{n.author?.name ?? 'Someone'}</span> ·{' '}
                <time dateTime={n.createdAt} title={fullTime(n.createdAt)}>
                  {relativeTime(n.createdAt)}
                </time>
                {n.canDelete ? (
                  <button type="button" className="link-btn" onClick={() => deleteNote.mutate(n.id)} disabled={deleteNote.isPending && deleteNote.variables === n.id} aria-label="Delete this note">
                    <Icon name="trash" size={14} /> Delete
                  </button>
                ) : null}
              </div>
              <RenderedHtml html={n.html} className="note-body" />
            </li>
          ))}
        </ul>
      )}
      {r.abilities.canEdit || r.status !== 'ended' ? (
        <form className="stack-sm" onSubmit={submit}>
          <Field label="New note" hint="Markdown works: **bold**, lists, links." error={addNote.error instanceof ApiError ? (addNote.error.fieldErrors.body ?? addNote.error.detail) : null}>
            {(p) => <Textarea {...p} rows={3} maxLength={MENTORING_LIMITS.longText} value={body} onChange={(e) => setBody(e.target.value)} />}
          </Field>
          <div>
            <Button type="submit" variant="secondary" loading={addNote.isPending} disabled={!body.trim()}>
              Add note
            </Button>
          </div>
        </form>
      ) : null}
    </Card>
  );
}
