import { useState } from 'react';
import { Link } from 'wouter';
import { MENTORING_LIMITS, type MentorRequest } from '../../../../../contracts/index.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { Field } from '../../../components/ui/field.tsx';
import { Textarea } from '../../../components/ui/textarea.tsx';
import { ApiError } from '../../../lib/api-error.ts';
import { relativeTime } from '../../../lib/relative-time.ts';
import { useRequestActions } from '../api/use-mentoring-actions.ts';
import { PersonLine } from './match-explanation.tsx';

const STATUS = { open: 'Waiting for an answer', accepted: 'Accepted', declined: 'Declined', withdrawn: 'Withdrawn' } as const;

/** Accept or decline with an optional message back. */
function AnswerDialog({ request, answer, onClose }: { request: MentorRequest; answer: 'accept' | 'decline'; onClose: () => void }) {
  const { respond } = useRequestActions();
  const [message, setMessage] = useState('');
  const first = request.mentee.name.split(' ')[0];
  return (
    <Dialog
      open
      onClose={onClose}
      title={answer === 'accept' ? `Accept ${first}'s request?` : `Decline ${first}'s request?`}
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
          <Button variant={answer === 'accept' ? 'primary' : 'danger'} loading={respond.isPending} onClick={() => respond.mutate({ id: request.id, answer, message: message.trim() || undefined }, { onSuccess: onClose })}>
            {answer === 'accept' ? 'Accept' : 'Decline'}
          </Button>
        </>
      }
    >
      {respond.error ? <Alert>{respond.error instanceof ApiError ? respond.error.detail : 'Could not send your answer.'}</Alert> : null}
      <p className="small muted">{answer === 'accept' ? `You start a ${request.kind} relationship: agree goals, book meetings and keep notes only the two of you can read.` : `${first} is told you can't take them on now, and sees other suggestions.`}</p>
      <Field label={`Message to ${first}`} optional>
        {(p) => <Textarea {...p} rows={3} maxLength={MENTORING_LIMITS.message} value={message} onChange={(e) => setMessage(e.target.value)} placeholder={answer === 'accept' ? 'Looking forward to it! How about a first chat next week?' : 'I am full this quarter. Try again in spring?'} />}
      </Field>
    </Dialog>
  );
}

/** Requests mentees sent me: message, Accept / Decline. */
export function ReceivedRequests({ items }: { items: MentorRequest[] }) {
  const [answering, setAnswering] = useState<{ request: MentorRequest; answer: 'accept' | 'decline' } | null>(null);
  return (
    <ul className="request-list" aria-label="Requests to you">
      {items.map((r) => (
        <li key={r.id} className="request" data-request={r.id} data-status={r.status}>
          <div className="request-head">
            <PersonLine person={r.mentee} note={`asks for ${r.kind} · ${relativeTime(r.createdAt)}`} />
            {r.status !== 'open' ? <span className="badge">{STATUS[r.status]}</span> : null}
          </div>
          {r.message ? <blockquote className="request-message">{r.message}</blockquote> : null}
          {r.abilities.canAccept || r.abilities.canDecline ? (
            <div className="row">
              {r.abilities.canAccept ? (
                <Button size="sm" onClick={() => setAnswering({ request: r, answer: 'accept' })} aria-label={`Accept ${r.mentee.name}`}>
                  Accept
                </Button>
              ) : null}
              {r.abilities.canDecline ? (
                <Button size="sm" variant="secondary" onClick={() => setAnswering({ request: r, answer: 'decline' })} aria-label={`Decline ${r.mentee.name}`}>
                  Decline
                </Button>
              ) : null}
            </div>
          ) : r.relationshipId ? (
            <Link href={`/mentoring/relationships/${r.relationshipId}`} className="small">
              Open the relationship
            </Link>
          ) : null}
        </li>
      ))}
      {answering ? <AnswerDialog request={answering.request} answer={answering.answer} onClose={() => setAnswering(null)} /> : null}
    </ul>
  );
}

/** Requests I sent: status, the mentor's answer, Withdraw while open. */
export function SentRequests({ items }: { items: MentorRequest[] }) {
  const { withdraw } = useRequestActions();
  return (
    <ul className="request-list" aria-label="Your requests">
      {items.map((r) => (
        <li key={r.id} className="request" data-request={r.id} data-status={r.status}>
          <div className="request-head">
            <PersonLine person={r.mentor} note={`sent ${relativeTime(r.createdAt)}`} />
            <span className={`badge${r.status === 'accepted' ? ' badge-moss' : r.status === 'open' ? ' badge-ember' : ''}`}>{STATUS[r.status]}</span>
          </div>
          {r.responseMessage ? (
            <blockquote className="request-message">
              <span className="visually-hidden">{r.mentor.name} answered: </span>
              {r.responseMessage}
            </blockquote>
          ) : null}
          <div className="row">
            {r.abilities.canWithdraw ? (
              <Button size="sm" variant="ghost" loading={withdraw.isPending && withdraw.variables === r.id} onClick={() => withdraw.mutate(r.id)} aria-label={`Withdraw request to ${r.mentor.name}`}>
                Withdraw
              </Button>
            ) : null}
            {r.relationshipId ? (
              <Link href={`/mentoring/relationships/${r.relationshipId}`} className="small">
                Open the relationship
              </Link>
            ) : null}
          </div>
        </li>
      ))}
    </ul>
  );
}
