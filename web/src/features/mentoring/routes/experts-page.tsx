import { type FormEvent, useEffect, useId, useState } from 'react';
import { Link } from 'wouter';
import { MENTORING_LIMITS, type ExpertQuestion } from '../../../../../contracts/index.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { ErrorState } from '../../../components/ui/error-state.tsx';
import { Field } from '../../../components/ui/field.tsx';
import { Icon } from '../../../components/ui/icon.tsx';
import { Input } from '../../../components/ui/input.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { Skeleton } from '../../../components/ui/skeleton.tsx';
import { Textarea } from '../../../components/ui/textarea.tsx';
import { ApiError } from '../../../lib/api-error.ts';
import { fullTime, relativeTime } from '../../../lib/relative-time.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { useExpertQuestions, useKnownSkills, useMentoringProfile } from '../api/use-mentoring.ts';
import { useExpertActions, useSaveProfile } from '../api/use-mentoring-actions.ts';
import { PersonLine } from '../components/match-explanation.tsx';
import { ROUTE_STATUS } from '../lib/labels.ts';
import '../mentoring.css';

const Q_STATUS = { open: 'Waiting for experts', answered: 'Answered', posted: 'Posted to a community', unanswered: 'Nobody found' } as const;

/** The ask form: a skill known in the organization and the question. */
function AskForm() {
  const { ask } = useExpertActions();
  const known = useKnownSkills().data ?? [];
  const listId = useId();
  const [skill, setSkill] = useState('');
  const [question, setQuestion] = useState('');
  const err = ask.error instanceof ApiError ? ask.error : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    ask.mutate(
      { skill: skill.trim(), question: question.trim() },
      {
        onSuccess: () => {
          setQuestion('');
          setSkill('');
        },
      },
    );
  };
  return (
    <form className="stack-sm" onSubmit={submit} aria-label="Ask an expert">
      <datalist id={listId}>
        {known.map((k) => (
          <option key={k} value={k} />
        ))}
      </datalist>
      <Field label="Skill" hint="Pick one people here have, e.g. Negotiation." error={err?.fieldErrors.skill}>
        {(p) => <Input {...p} list={listId} required maxLength={60} value={skill} onChange={(e) => setSkill(e.target.value)} />}
      </Field>
      <Field label="Your question" error={err?.fieldErrors.question}>
        {(p) => <Textarea {...p} rows={4} required maxLength={MENTORING_LIMITS.longText} value={question} onChange={(e) => setQuestion(e.target.value)} placeholder="Be specific: what have you tried, what is blocking you?" />}
      </Field>
      {err && !Object.keys(err.fieldErrors).length ? <Alert>{err.detail}</Alert> : null}
      {ask.isSuccess ? <Alert tone="success">Sent. It went to {ask.data.routes.map((r) => r.person.name).join(', ') || 'nobody yet'}.</Alert> : null}
      <div>
        <Button type="submit" loading={ask.isPending} disabled={!skill.trim() || !question.trim()}>
          Ask
        </Button>
      </div>
      <p className="small muted">
        Hearth sends it to up to {MENTORING_LIMITS.expertsPerRound} colleagues who have the skill and have helped before (accepted answers, mentoring). If nobody answers in time, it tries others, then posts it as a question in a community.
      </p>
    </form>
  );
}

/** A question I asked: who it went to, where each stands, and the answers. */
function AskedQuestion({ q }: { q: ExpertQuestion }) {
  return (
    <li className="xq" data-question={q.id} data-status={q.status} tabIndex={-1}>
      <div className="xq-head">
        <span className="chip chip-sky">{q.skill}</span>
        <span className={`badge${q.status === 'answered' ? ' badge-moss' : q.status === 'open' ? ' badge-ember' : ''}`}>{Q_STATUS[q.status]}</span>
        <span className="small muted">
          <time dateTime={q.createdAt} title={fullTime(q.createdAt)}>
            {relativeTime(q.createdAt)}
          </time>
        </span>
      </div>
      <p className="xq-question">{q.question}</p>
      {q.routes.length ? (
        <ul className="route-list" aria-label="Sent to">
          {q.routes.map((r) => (
            <li key={`${r.person.id}-${r.round}`} className="route" data-status={r.status}>
              <div className="route-head">
                <PersonLine person={r.person} size="xs" note={r.why} />
                <span className={`route-status route-${r.status}`}>{ROUTE_STATUS[r.status]}</span>
              </div>
              {r.answer ? <blockquote className="xq-answer">{r.answer}</blockquote> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="small muted">Nobody with this skill could be reached.</p>
      )}
      {q.status === 'open' && q.windowEndsAt ? <p className="small muted">If nobody answers by {fullTime(q.windowEndsAt)}, Hearth asks {q.round === 1 ? 'other experts' : 'a community'}.</p> : null}
      {q.threadUrl ? (
        <Link href={q.threadUrl} className="small">
          See it in the community <Icon name="arrowRight" size={14} />
        </Link>
      ) : null}
    </li>
  );
}

/** A question routed to me: answer it or decline. */
function QuestionForMe({ q }: { q: ExpertQuestion }) {
  const { answer, decline, markSeen } = useExpertActions();
  const [text, setText] = useState('');
  const mine = q.routes[0];
  const unseen = mine?.status === 'routed';
  const { mutate: seen } = markSeen;
  // Shown to me on this page: the asker sees "Seen".
  useEffect(() => {
    if (unseen) seen(q.id);
  }, [unseen, q.id, seen]);
  const err = (answer.error ?? decline.error) instanceof ApiError ? ((answer.error ?? decline.error) as ApiError) : null;
  return (
    <li className="xq" data-question={q.id} data-status={mine?.status ?? q.status}>
      <div className="xq-head">
        <span className="chip chip-sky">{q.skill}</span>
        {mine ? <span className={`route-status route-${mine.status}`}>{ROUTE_STATUS[mine.status]}</span> : null}
        <span className="small muted">{relativeTime(q.createdAt)}</span>
      </div>
      <PersonLine person={q.asker} size="xs" note="asks" />
      <p className="xq-question">{q.question}</p>
      {mine?.why ? <p className="small muted">You were picked because: {mine.why}</p> : null}
      {mine?.answer ? <blockquote className="xq-answer">{mine.answer}</blockquote> : null}
      {q.abilities.canAnswer ? (
        <form
          className="stack-sm"
          onSubmit={(e) => {
            e.preventDefault();
            if (text.trim()) answer.mutate({ id: q.id, answer: text.trim() });
          }}
        >
          <Field label={`Your answer to ${q.asker.name.split(' ')[0]}`} error={err?.fieldErrors.answer}>
            {(p) => <Textarea {...p} rows={3} maxLength={MENTORING_LIMITS.longText} value={text} onChange={(e) => setText(e.target.value)} />}
          </Field>
          {err && !Object.keys(err.fieldErrors).length ? <Alert>{err.detail}</Alert> : null}
          <div className="row">
            <Button type="submit" size="sm" loading={answer.isPending} disabled={!text.trim()}>
              Answer
            </Button>
            {q.abilities.canDecline ? (
              <Button size="sm" variant="ghost" loading={decline.isPending} onClick={() => decline.mutate(q.id)}>
                Decline
              </Button>
            ) : null}
          </div>
        </form>
      ) : null}
    </li>
  );
}

/** Whether expert questions may be routed to me. */
function Availability() {
  const profile = useMentoringProfile();
  const save = useSaveProfile();
  if (!profile.data) return null;
  return (
    <label className="checkbox">
      <input type="checkbox" checked={profile.data.expertAvailable} disabled={save.isPending} onChange={(e) => save.mutate({ expertAvailable: e.target.checked })} />
      Send me expert questions in my skills
    </label>
  );
}

/** /experts: ask a question routed to proven helpers; follow who got it and their answers; answer questions sent to me. */
export function ExpertsPage({ focusId }: { focusId?: string } = {}) {
  useDocumentTitle('Ask an expert');
  const list = useExpertQuestions();
  const forMe = list.data?.routedToMe ?? [];
  const waiting = forMe.filter((q) => q.abilities.canAnswer).length;
  // /mentoring/expert-questions/:id (from a notification): bring that question into view once loaded.
  const loaded = !!list.data;
  useEffect(() => {
    if (focusId && loaded) document.querySelector(`[data-question="${CSS.escape(focusId)}"]`)?.scrollIntoView({ block: 'center' });
  }, [focusId, loaded]);
  return (
    <div className="experts-page">
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <Link href="/mentoring">Mentoring</Link>
        <span aria-hidden="true">/</span>
        <span aria-current="page">Ask an expert</span>
      </nav>
      <PageHeader title="Ask an expert" subtitle="A quick question to colleagues who know the skill and have helped before." />
      <div className="experts-layout" data-waiting={waiting > 0 || undefined}>
        <div className="stack">
          <Card title="Ask">
            <AskForm />
          </Card>
          <section aria-labelledby="asked-title" className="mentoring-section">
            <h2 id="asked-title" className="section-title">
              Your questions
            </h2>
            {list.isPending ? (
              <Skeleton height={120} />
            ) : list.isError ? (
              <ErrorState error={list.error} title="We couldn't load your questions" onRetry={() => list.refetch()} />
            ) : list.data.asked.length === 0 ? (
              <p className="muted">You haven't asked anything yet.</p>
            ) : (
              <ul className="xq-list">
                {list.data.asked.map((q) => (
                  <AskedQuestion key={q.id} q={q} />
                ))}
              </ul>
            )}
          </section>
        </div>
        <section aria-labelledby="for-me-title" className="mentoring-section">
          <h2 id="for-me-title" className="section-title">
            Questions for you {waiting ? <span className="count-badge">{waiting}</span> : null}
          </h2>
          <Availability />
          {list.isPending ? (
            <Skeleton height={120} />
          ) : list.isError ? null : forMe.length === 0 ? (
            <p className="muted">No questions for you. When a colleague asks about a skill you have helped with, it shows up here and by notification.</p>
          ) : (
            <ul className="xq-list">
              {forMe.map((q) => (
                <QuestionForMe key={q.id} q={q} />
              ))}
            </ul>
          )}
        </section>
      </div>
    </div>
  );
}
