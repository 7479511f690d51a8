import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { type CommunityPage, type ProgramPage, SURVEY_LIMITS, SURVEY_TEMPLATES, type SurveyAudienceKind, type SurveyKind, type SurveyQuestionInput } from '../../../../../contracts/index.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Breadcrumb } from '../../../components/ui/breadcrumb.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { Field } from '../../../components/ui/field.tsx';
import { Input } from '../../../components/ui/input.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { Select } from '../../../components/ui/select.tsx';
import { Textarea } from '../../../components/ui/textarea.tsx';
import { api } from '../../../lib/api-client.ts';
import { ApiError } from '../../../lib/api-error.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { useMe } from '../../auth/api/use-me.ts';
import { useCreateSurvey } from '../api/use-surveys.ts';
import { QuestionsEditor } from '../components/questions-editor.tsx';
import '../surveys.css';

const KINDS: Record<SurveyKind, string> = {
  pulse: 'Pulse check',
  program_feedback: 'Program feedback',
  event_feedback: 'Event feedback',
  nps: 'Net Promoter Score',
  likert: 'Agree / disagree',
  open_text: 'Open question',
};

const pad = (n: number) => String(n).padStart(2, '0');
/** A week from now at 17:00 as a datetime-local value. */
function inAWeek() {
  const d = new Date(Date.now() + 7 * 86_400_000);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T17:00`;
}

/** An audience the creator may choose: `kind:id` (or `org`). */
type Choice = { key: string; label: string };

/**
 * /surveys/new — kind (its template's questions, editable), audience (the organization for admins; communities they
 * moderate, programs they facilitate; or the event / session / cohort the link came from), anonymity and close date.
 */
export function NewSurveyPage() {
  useDocumentTitle('New survey');
  const me = useMe();
  const isAdmin = me.person.roles.includes('admin');
  const [, navigate] = useLocation();
  const search = new URLSearchParams(useSearch());
  const create = useCreateSurvey();
  const communities = useQuery({ queryKey: ['surveys', 'my-communities'], queryFn: ({ signal }) => api<CommunityPage>('/api/communities?mine=true&limit=100', { signal }) });
  const programs = useQuery({ queryKey: ['surveys', 'my-programs'], queryFn: ({ signal }) => api<ProgramPage>('/api/programs?filter=mine&limit=50', { signal }) });
  const linked: Choice[] = search.get('audienceKind') && search.get('audienceId') ? [{ key: `${search.get('audienceKind')}:${search.get('audienceId')}`, label: search.get('audienceName') ?? 'The linked audience' }] : [];
  const choices: Choice[] = [
    ...linked,
    ...(isAdmin ? [{ key: 'org', label: `Everyone in ${me.organization.name}` }] : []),
    ...(communities.data?.items ?? [])
      .filter((c) => isAdmin || (c.membership?.status === 'active' && ['owner', 'moderator'].includes(c.membership.role)))
      .map((c) => ({ key: `community:${c.id}`, label: `Members of ${c.name}` })),
    ...(programs.data?.items ?? []).filter((p) => isAdmin || p.facilitators.some((f) => f.id === me.person.id)).map((p) => ({ key: `program:${p.id}`, label: `People in ${p.title}` })),
  ].filter((c, i, all) => all.findIndex((x) => x.key === c.key) === i);
  const [kind, setKind] = useState<SurveyKind>((search.get('kind') as SurveyKind) in KINDS ? (search.get('kind') as SurveyKind) : 'pulse');
  const [questions, setQuestions] = useState<SurveyQuestionInput[]>(() => SURVEY_TEMPLATES[kind].map((q) => ({ ...q })));
  const [title, setTitle] = useState('');
  const [intro, setIntro] = useState('');
  const [audience, setAudience] = useState(linked[0]?.key ?? '');
  const [anonymous, setAnonymous] = useState(true);
  const [opensAt, setOpensAt] = useState('');
  const [closesAt, setClosesAt] = useState(inAWeek);
  const [touched, setTouched] = useState(false);
  const chosen = audience || choices[0]?.key || '';
  const err = create.error instanceof ApiError ? create.error : null;
  const fe = err?.fieldErrors ?? {};
  const local = { title: touched && !title.trim() ? 'Give the survey a title.' : undefined, audience: touched && !chosen ? 'Choose who is asked.' : undefined };
  const otherError = err && !Object.keys(fe).some((k) => ['title', 'intro', 'opensAt', 'closesAt', 'audienceId', 'audienceKind'].includes(k) || k.startsWith('questions')) ? err.detail : null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!title.trim() || !chosen) {
      requestAnimationFrame(() => document.querySelector<HTMLElement>('.new-survey [aria-invalid="true"]')?.focus());
      return;
    }
    const [audienceKind, audienceId] = chosen.split(':') as [SurveyAudienceKind, string | undefined];
    create.mutate(
      {
        kind,
        title: title.trim(),
        intro: intro.trim() || undefined,
        audienceKind,
        audienceId,
        anonymous,
        opensAt: opensAt ? new Date(opensAt).toISOString() : undefined,
        closesAt: new Date(closesAt).toISOString(),
        questions: questions.map((q) => ({ ...q, prompt: q.prompt.trim(), options: q.type === 'choice' ? (q.options ?? []).map((o) => o.trim()).filter(Boolean) : undefined })),
      },
      { onSuccess: (s) => navigate(`/surveys/${s.id}`) },
    );
  };

  return (
    <div className="survey-page stack">
      <Breadcrumb trail={[{ href: '/surveys', label: 'Surveys' }]} current="New survey" />
      <PageHeader title="New survey" subtitle="It is saved as a draft; open it when it is ready and everyone asked is reminded." />
      <Card>
        <form className="stack new-survey" onSubmit={submit} noValidate>
          {otherError ? <Alert>{otherError}</Alert> : null}
          <div className="form-grid">
            <Field label="Kind" hint="Each kind starts with its own questions; change them below.">
              {(p) => (
                <Select
                  {...p}
                  value={kind}
                  onChange={(e) => {
                    const k = e.target.value as SurveyKind;
                    setKind(k);
                    setQuestions(SURVEY_TEMPLATES[k].map((q) => ({ ...q })));
                  }}
                >
                  {(Object.keys(KINDS) as SurveyKind[]).map((k) => (
                    <option key={k} value={k}>
                      {KINDS[k]}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
            <Field label="Who is asked" error={local.audience ?? fe.audienceId ?? fe.audienceKind} hint={choices.length ? undefined : 'You can ask the members of communities you moderate and the people of programs you facilitate.'}>
              {(p) => (
                <Select {...p} value={chosen} onChange={(e) => setAudience(e.target.value)} disabled={!choices.length}>
                  {choices.map((c) => (
                    <option key={c.key} value={c.key}>
                      {c.label}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
          </div>
          <Field label="Title" error={local.title ?? fe.title}>
            {(p) => <Input {...p} value={title} maxLength={SURVEY_LIMITS.title} onChange={(e) => setTitle(e.target.value)} />}
          </Field>
          <Field label="Introduction" optional error={fe.intro}>
            {(p) => <Textarea {...p} rows={2} value={intro} maxLength={SURVEY_LIMITS.intro} onChange={(e) => setIntro(e.target.value)} />}
          </Field>
          <div className="form-grid">
            <Field label="Opens" optional error={fe.opensAt} hint="Empty: answers start when you open the survey. A date: opening it schedules it for then.">
              {(p) => <Input {...p} type="datetime-local" value={opensAt} onChange={(e) => setOpensAt(e.target.value)} />}
            </Field>
            <Field label="Closes" error={fe.closesAt} hint={`Your time zone: ${Intl.DateTimeFormat().resolvedOptions().timeZone}`}>
              {(p) => <Input {...p} type="datetime-local" value={closesAt} onChange={(e) => setClosesAt(e.target.value)} />}
            </Field>
            <label className="survey-anonymous">
              <input type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} />
              <span>
                <strong>Anonymous</strong>
                <span className="field-hint"> Nobody, you and admins included, can see who answered what; results show only from 5 answers.</span>
              </span>
            </label>
          </div>
          <QuestionsEditor value={questions} onChange={setQuestions} errors={fe} />
          <div className="row">
            <Button type="submit" loading={create.isPending}>
              Save draft
            </Button>
            <Link href="/surveys">Cancel</Link>
          </div>
        </form>
      </Card>
    </div>
  );
}
