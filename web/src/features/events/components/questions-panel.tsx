import { type FormEvent, useState } from 'react';
import { EVENT_LIMITS, type EventDetail, type EventQuestion } from '../../../../../contracts/index.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Avatar } from '../../../components/ui/avatar.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Field } from '../../../components/ui/field.tsx';
import { Icon } from '../../../components/ui/icon.tsx';
import { Skeleton } from '../../../components/ui/skeleton.tsx';
import { Textarea } from '../../../components/ui/textarea.tsx';
import { ApiError } from '../../../lib/api-error.ts';
import { plural } from '../../../lib/plural.ts';
import { fullTime, relativeTime } from '../../../lib/relative-time.ts';
import { useQuestionActions } from '../api/use-event-actions.ts';
import { useEventQuestions } from '../api/use-events.ts';

function QuestionItem({ q, actions, now }: { q: EventQuestion; actions: ReturnType<typeof useQuestionActions>; now: number }) {
  const moderating = actions.moderate.isPending && actions.moderate.variables?.questionId === q.id;
  return (
    <li className="question" data-answered={!!q.answeredAt || undefined} data-hidden={q.hidden || undefined} data-question-id={q.id}>
      <button
        type="button"
        className="question-vote"
        aria-pressed={q.upvotedByMe}
        disabled={!q.abilities.canUpvote}
        aria-label={`${q.upvotedByMe ? 'Take back your upvote' : 'Upvote'}: ${q.body.slice(0, 80)} (${plural(q.upvotes, 'upvote')})`}
        title={q.abilities.canUpvote ? undefined : 'You cannot upvote this question'}
        onClick={() => actions.upvote.mutate({ questionId: q.id, upvoted: !q.upvotedByMe })}
      >
        <Icon name="arrowUp" size={18} />
        <span className="question-votes" data-testid="votes">
          {q.upvotes}
        </span>
      </button>
      <div className="question-main">
        <p className="question-body">{q.body}</p>
        <p className="question-meta">
          <Avatar personId={q.author.id} name={q.author.name} size="xs" />
          <span>{q.author.name}</span>
          <span aria-hidden="true">·</span>
          <time dateTime={q.createdAt} title={fullTime(q.createdAt)}>
            {relativeTime(q.createdAt, now)}
          </time>
          {q.answeredAt ? (
            <span className="badge badge-moss">
              <Icon name="check" size={13} /> Answered
            </span>
          ) : null}
          {q.hidden ? (
            <span className="badge">
              <Icon name="eyeOff" size={13} /> Hidden
            </span>
          ) : null}
        </p>
        {q.abilities.canModerate ? (
          <div className="question-actions">
            <Button variant="ghost" size="sm" disabled={moderating} onClick={() => actions.moderate.mutate({ questionId: q.id, answered: !q.answeredAt })}>
              <Icon name={q.answeredAt ? 'refresh' : 'checkCircle'} size={16} /> {q.answeredAt ? 'Mark unanswered' : 'Mark answered'}
              <span className="visually-hidden">: {q.body.slice(0, 60)}</span>
            </Button>
            <Button variant="ghost" size="sm" disabled={moderating} onClick={() => actions.moderate.mutate({ questionId: q.id, hidden: !q.hidden })}>
              <Icon name="eyeOff" size={16} /> {q.hidden ? 'Show' : 'Hide'}
              <span className="visually-hidden">: {q.body.slice(0, 60)}</span>
            </Button>
          </div>
        ) : null}
      </div>
    </li>
  );
}

/** Live Q&A: ask (going attendees and hosts), upvote others' questions (toggle), most upvoted first; hosts mark answered or hide. */
export function QuestionsPanel({ event, now }: { event: EventDetail; now: number }) {
  const list = useEventQuestions(event.id);
  const actions = useQuestionActions(event.id);
  const [body, setBody] = useState('');
  const [touched, setTouched] = useState(false);
  const askError = actions.ask.error instanceof ApiError ? actions.ask.error : null;
  const otherError = [actions.upvote.error, actions.moderate.error].find((e) => e instanceof ApiError) as ApiError | undefined;
  const items = list.data?.items ?? [];
  const open = items.filter((q) => !q.answeredAt);
  const answered = items.filter((q) => q.answeredAt);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!body.trim() || actions.ask.isPending) return;
    actions.ask.mutate(body.trim(), {
      onSuccess: () => {
        setBody('');
        setTouched(false);
      },
    });
  };
  return (
    <section aria-labelledby="qa-title" className="qa">
      <h2 id="qa-title" className="section-title">
        Questions {items.length ? <span className="count-pill">{items.length}</span> : null}
      </h2>
      {event.abilities.canAsk ? (
        <form className="qa-ask card" onSubmit={submit} noValidate>
          <Field label="Ask the hosts" error={(touched && !body.trim() ? 'Write your question first.' : undefined) ?? askError?.fieldErrors?.body ?? (askError && !askError.fieldErrors?.body ? askError.detail : undefined)} hint={`${body.length}/${EVENT_LIMITS.question}. Others can upvote it; the most upvoted come first.`}>
            {(p) => <Textarea {...p} value={body} onChange={(e) => setBody(e.target.value)} maxLength={EVENT_LIMITS.question} rows={2} />}
          </Field>
          <div className="form-actions">
            <Button type="submit" loading={actions.ask.isPending}>
              <Icon name="question" size={18} /> Ask
            </Button>
          </div>
        </form>
      ) : event.status === 'scheduled' && Date.parse(event.endsAt) > now ? (
        <p className="muted small qa-hint">{event.myRsvp?.status === 'waitlisted' ? 'You can ask questions once you have a seat.' : 'Answer “Going” to ask a question.'}</p>
      ) : null}
      {otherError ? <Alert>{otherError.detail}</Alert> : null}
      {list.isPending ? (
        <div className="stack-sm" aria-busy="true" aria-label="Loading questions">
          <Skeleton height={64} />
          <Skeleton height={64} />
        </div>
      ) : list.isError ? (
        <Alert>{list.error instanceof ApiError ? list.error.detail : 'We could not load the questions.'}</Alert>
      ) : items.length === 0 ? (
        <p className="section-empty">No questions yet.{event.abilities.canAsk ? ' Be the first to ask.' : ''}</p>
      ) : (
        <>
          <ol className="questions" aria-label="Open questions, most upvoted first">
            {open.map((q) => (
              <QuestionItem key={q.id} q={q} actions={actions} now={now} />
            ))}
          </ol>
          {open.length === 0 ? <p className="section-empty">Every question is answered.</p> : null}
          {answered.length ? (
            <>
              <h3 className="subheading qa-answered-title">Answered ({answered.length})</h3>
              <ol className="questions" aria-label="Answered questions">
                {answered.map((q) => (
                  <QuestionItem key={q.id} q={q} actions={actions} now={now} />
                ))}
              </ol>
            </>
          ) : null}
        </>
      )}
    </section>
  );
}
