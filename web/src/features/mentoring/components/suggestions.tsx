import { useState } from 'react';
import { MENTORING_LIMITS, type MentorSuggestion, type MentorSuggestionList, type RelationshipKind } from '../../../../../contracts/index.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { Field } from '../../../components/ui/field.tsx';
import { Icon } from '../../../components/ui/icon.tsx';
import { Select } from '../../../components/ui/select.tsx';
import { Textarea } from '../../../components/ui/textarea.tsx';
import { ApiError } from '../../../lib/api-error.ts';
import { plural } from '../../../lib/plural.ts';
import { useRequestActions } from '../api/use-mentoring-actions.ts';
import { FactorChips, PersonLine, ScoreMeter } from './match-explanation.tsx';

function RequestDialog({ s, onClose }: { s: MentorSuggestion; onClose: () => void }) {
  const { create } = useRequestActions();
  const [message, setMessage] = useState('');
  const [kind, setKind] = useState<RelationshipKind>('mentoring');
  const first = s.mentor.name.split(' ')[0];
  const err = create.error instanceof ApiError ? create.error : null;
  return (
    <Dialog
      open
      onClose={onClose}
      title={`Ask ${first} to mentor you`}
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
          <Button loading={create.isPending} onClick={() => create.mutate({ mentorId: s.mentor.id, message: message.trim(), kind }, { onSuccess: onClose })}>
            Send request
          </Button>
        </>
      }
    >
      {err ? <Alert>{err.code === 'MENTOR_FULL' ? `${first} has just filled their last seat. Try another suggestion.` : err.detail}</Alert> : null}
      <Field label="What you'd like" hint="Coaching is shorter and focused on one goal; mentoring is broader and longer.">
        {(p) => (
          <Select {...p} value={kind} onChange={(e) => setKind(e.target.value as RelationshipKind)}>
            <option value="mentoring">Mentoring</option>
            <option value="coaching">Coaching</option>
          </Select>
        )}
      </Field>
      <Field label={`Message to ${first}`} optional hint="A line on what you hope to work on helps them say yes." error={err?.fieldErrors.message}>
        {(p) => <Textarea {...p} rows={4} maxLength={MENTORING_LIMITS.message} value={message} onChange={(e) => setMessage(e.target.value)} />}
      </Field>
    </Dialog>
  );
}

/** Mentors suggested to me, best first, with their score, top reasons and a Request button; explains why the list is short. */
export function Suggestions({ data, onMakeProfile }: { data: MentorSuggestionList; onMakeProfile: () => void }) {
  const [asking, setAsking] = useState<MentorSuggestion | null>(null);
  const atLimit = data.openRequests >= data.maxOpenRequests;
  if (!data.hasMenteeProfile)
    return (
      <EmptyState icon="search" title="Tell us what you want to grow" action={<Button onClick={onMakeProfile}>Find a mentor</Button>}>
        Suggestions come from your mentee profile: your goals and the skills you want.
      </EmptyState>
    );
  return (
    <div className="stack-sm">
      <p className="small muted suggestion-note">
        <Icon name="people" size={16} /> Mentors have a few seats each, so each one is suggested to only a few mentees at a time ({MENTORING_LIMITS.exposurePerSeat} per free seat), those they fit best. That keeps
        popular mentors from being flooded, and it is why this list is short. You can have {data.maxOpenRequests} open requests at once
        {data.openRequests ? ` (you have ${data.openRequests})` : ''}.
      </p>
      {data.items.length === 0 ? (
        <EmptyState icon="people" title="No mentor is free for you right now">
          Every mentor who fits you is full or already suggested to people they fit better. New seats open when relationships close; programme matching may still pair you.
        </EmptyState>
      ) : (
        <ul className="suggestion-list" aria-label="Suggested mentors">
          {data.items.map((s) => (
            <li key={s.mentor.id} className="suggestion" data-mentor={s.mentor.id}>
              <div className="suggestion-head">
                <PersonLine person={s.mentor} size="md" />
                <ScoreMeter score={s.score} />
              </div>
              <FactorChips factors={s.explanation} />
              <div className="suggestion-foot">
                <span className="small muted">{plural(s.freeSeats, 'free seat')}</span>
                {s.requested ? (
                  <span className="badge badge-ember">Requested</span>
                ) : (
                  <Button size="sm" onClick={() => setAsking(s)} disabled={atLimit} aria-label={`Request ${s.mentor.name}`} title={atLimit ? `You have ${data.maxOpenRequests} open requests; withdraw one first.` : undefined}>
                    Request
                  </Button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      {asking ? <RequestDialog s={asking} onClose={() => setAsking(null)} /> : null}
    </div>
  );
}
