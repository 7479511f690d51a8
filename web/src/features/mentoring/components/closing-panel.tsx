import { useState } from 'react';
import { MENTORING_LIMITS, type PersonRef, type RelationshipDetail } from '../../../../../contracts/index.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { Field } from '../../../components/ui/field.tsx';
import { Textarea } from '../../../components/ui/textarea.tsx';
import { ApiError } from '../../../lib/api-error.ts';
import { useRelationshipActions } from '../api/use-mentoring-actions.ts';
import { RATING_WORDS } from '../lib/labels.ts';
import { sideNames } from '../lib/partner.ts';
import { RatingPicker } from './check-in-panel.tsx';

/** The closing form: a 1–5 rating and feedback for the partner. */
function CloseForm({ r, partner, onDone, submitLabel }: { r: RelationshipDetail; partner: PersonRef; onDone: () => void; submitLabel: string }) {
  const { close } = useRelationshipActions(r.id);
  const [rating, setRating] = useState<number | null>(null);
  const [text, setText] = useState('');
  const first = partner.name.split(' ')[0];
  return (
    <form
      className="stack-sm"
      onSubmit={(e) => {
        e.preventDefault();
        if (rating) close.mutate({ rating, text: text.trim() }, { onSuccess: onDone });
      }}
    >
      <RatingPicker legend="How was it overall?" value={rating} onChange={setRating} />
      <Field label={`Feedback for ${first}`} optional hint={`${first} reads it; programme admins see only the rating.`}>
        {(p) => <Textarea {...p} rows={3} maxLength={MENTORING_LIMITS.longText} value={text} onChange={(e) => setText(e.target.value)} />}
      </Field>
      {close.error ? <Alert>{close.error instanceof ApiError ? close.error.detail : 'Could not close.'}</Alert> : null}
      <div className="row">
        <Button type="submit" disabled={!rating} loading={close.isPending}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}

/** Closing feedback from both sides; "Close relationship" for a partner, and the ask when the other one closed first. */
export function ClosingPanel({ r, partner }: { r: RelationshipDetail; partner: PersonRef }) {
  const [confirm, setConfirm] = useState(false);
  const names = sideNames(r.kind);
  const first = partner.name.split(' ')[0];
  if (r.closing.length === 0 && !r.abilities.canClose) return null;
  return (
    <Card title={r.status === 'ended' ? 'Closing feedback' : 'Close'} id="closing">
      {r.closing.length ? (
        <ul className="closing-list">
          {r.closing.map((c) => (
            <li key={c.by}>
              <p>
                <strong>{c.by === 'mentor' ? r.mentor.name : r.mentee.name}</strong> <span className="muted small">({names[c.by].toLowerCase()})</span> rated it{' '}
                <strong>
                  {c.rating}/5 · {RATING_WORDS[c.rating]}
                </strong>
              </p>
              {c.text ? <blockquote className="request-message">{c.text}</blockquote> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {r.abilities.closingAsked ? (
        <div className="stack-sm">
          <p>
            {first} closed this {r.kind} relationship. How did it go for you?
          </p>
          <CloseForm r={r} partner={partner} onDone={() => {}} submitLabel="Send feedback" />
        </div>
      ) : r.abilities.canClose ? (
        <div className="stack-sm">
          <p className="small muted">When you have reached your goals, or it is not working, close it with a short note for {first}. They are asked for theirs.</p>
          <div>
            <Button variant="secondary" onClick={() => setConfirm(true)}>
              Close relationship
            </Button>
          </div>
          <Dialog open={confirm} onClose={() => setConfirm(false)} title={`Close your ${r.kind} with ${first}?`}>
            <p className="small muted">Goals, meetings and notes stay readable for both of you. New meetings and check-ins stop.</p>
            <CloseForm r={r} partner={partner} onDone={() => setConfirm(false)} submitLabel="Close relationship" />
          </Dialog>
        </div>
      ) : null}
    </Card>
  );
}
