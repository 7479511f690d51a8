import { type FormEvent, useState } from 'react';
import { Link } from 'wouter';
import type { SurveyAnswerInput, SurveyDetail } from '../../../../../contracts/index.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Breadcrumb } from '../../../components/ui/breadcrumb.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { ErrorState } from '../../../components/ui/error-state.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { SkeletonRows } from '../../../components/ui/skeleton.tsx';
import { ApiError } from '../../../lib/api-error.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { useAnswerSurvey, useSurvey, useSurveyAction } from '../api/use-surveys.ts';
import { type Draft, QuestionInput } from '../components/question-input.tsx';
import { SurveyFacts } from '../components/survey-facts.tsx';
import '../surveys.css';

/** Open and close for the survey's managers. */
function ManageBar({ s }: { s: SurveyDetail }) {
  const action = useSurveyAction(s.id);
  const err = action.error instanceof ApiError ? action.error.detail : action.error ? 'That did not work. Try again.' : null;
  return (
    <Card title="Manage this survey">
      <div className="stack-sm">
        {err ? <Alert>{err}</Alert> : null}
        <p className="muted">
          {s.status === 'draft'
            ? 'Nobody is asked yet. Opening it reminds everyone in its audience.'
            : s.status === 'closed'
              ? 'This survey is closed.'
              : s.opensAt && Date.parse(s.opensAt) > Date.now()
                ? `Scheduled: answers open ${new Date(s.opensAt).toLocaleString()}, and everyone asked is reminded then.`
                : 'Answers are being taken.'}
        </p>
        <div className="row">
          {s.status === 'draft' ? (
            <Button loading={action.isPending} onClick={() => action.mutate('open')}>
              Open the survey
            </Button>
          ) : null}
          {s.status === 'open' ? (
            <Button variant="secondary" loading={action.isPending} onClick={() => action.mutate('close')}>
              Close it now
            </Button>
          ) : null}
          {s.abilities.canSeeResults ? <Link href={`/surveys/${s.id}/results`}>See results</Link> : null}
        </div>
      </div>
    </Card>
  );
}

/** After answering (also when the refetched survey says so): thanks, and what anonymity means. */
function AnsweredNote({ s }: { s: SurveyDetail }) {
  return (
    <Alert tone="success">
      Thank you — your answers are in.{s.anonymous ? ' Nobody can see who gave them.' : ''} <Link href="/surveys">Back to surveys</Link>
    </Alert>
  );
}

/** The answer form: every question, required ones checked before sending; answers go once. */
function AnswerForm({ s }: { s: SurveyDetail }) {
  const answer = useAnswerSurvey(s.id);
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [missing, setMissing] = useState<Set<string>>(new Set());
  const err = answer.error instanceof ApiError ? answer.error : null;
  if (answer.isSuccess) return <AnsweredNote s={s} />;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const gaps = new Set(s.questions.filter((q) => q.required && (q.type === 'text' ? !drafts[q.id]?.text?.trim() : drafts[q.id]?.value === undefined)).map((q) => q.id));
    setMissing(gaps);
    if (gaps.size) {
      requestAnimationFrame(() => document.querySelector<HTMLElement>('.survey-form [aria-invalid="true"] input, .survey-form textarea[aria-invalid="true"]')?.focus());
      return;
    }
    answer.mutate({
      answers: s.questions.flatMap((q): SurveyAnswerInput[] => {
        const d = drafts[q.id];
        if (q.type === 'text') return d?.text?.trim() ? [{ questionId: q.id, text: d.text.trim() }] : [];
        return d?.value !== undefined ? [{ questionId: q.id, value: d.value }] : [];
      }),
    });
  };
  return (
    <form className="survey-form stack" onSubmit={submit} noValidate aria-label={s.title}>
      {err ? <Alert>{err.code === 'ALREADY_ANSWERED' ? 'You have already answered this survey.' : err.detail}</Alert> : null}
      {missing.size ? <Alert>Please answer the {missing.size === 1 ? 'question' : `${missing.size} questions`} marked below.</Alert> : null}
      {s.questions.map((q, i) => (
        <QuestionInput
          key={q.id}
          q={q}
          index={i}
          draft={drafts[q.id] ?? {}}
          error={missing.has(q.id) ? 'This question needs an answer.' : undefined}
          onChange={(d) => {
            setDrafts((all) => ({ ...all, [q.id]: d }));
            setMissing((m) => (m.has(q.id) ? new Set([...m].filter((x) => x !== q.id)) : m));
          }}
        />
      ))}
      <div className="row">
        <Button type="submit" loading={answer.isPending}>
          Send my answers
        </Button>
        <span className="muted">You can answer once.</span>
      </div>
    </form>
  );
}

/** /surveys/:id — answer a survey (its audience) or manage it (creator, hosts, admins). */
export function SurveyPage({ id }: { id: string }) {
  const survey = useSurvey(id);
  useDocumentTitle(survey.data?.title ?? 'Survey');
  if (survey.isPending) return <SkeletonRows label="Loading the survey" rowClassName="survey-skeleton" rows={4} />;
  if (survey.isError) return <ErrorState error={survey.error} title="This survey could not be shown" onRetry={() => survey.refetch()} />;
  const s = survey.data;
  return (
    <div className="survey-page stack">
      <Breadcrumb trail={[{ href: '/surveys', label: 'Surveys' }]} current={s.title} />
      <PageHeader title={s.title} subtitle={<SurveyFacts s={s} />} />
      {s.intro ? <p className="survey-intro">{s.intro}</p> : null}
      {s.abilities.canManage ? <ManageBar s={s} /> : null}
      {s.abilities.canAnswer ? (
        <Card>
          <AnswerForm s={s} />
        </Card>
      ) : s.answered ? (
        <AnsweredNote s={s} />
      ) : !s.abilities.canManage && !s.abilities.canSeeResults ? (
        <Alert tone="info">{s.status === 'closed' ? 'This survey has closed.' : 'This survey is not open for answers right now.'}</Alert>
      ) : (
        <Card title="Questions">
          <ol className="survey-preview">
            {s.questions.map((q) => (
              <li key={q.id}>
                {q.prompt} <span className="muted">({q.type === 'likert' ? 'scale 1–5' : q.type === 'nps' ? '0–10' : q.type === 'choice' ? q.options.join(' / ') : 'written answer'})</span>
              </li>
            ))}
          </ol>
        </Card>
      )}
    </div>
  );
}
