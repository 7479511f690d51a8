import { useState } from 'react';
import { Link } from 'wouter';
import type { Plan, PlanKind, Program } from '../../../../../contracts/index.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { ErrorState } from '../../../components/ui/error-state.tsx';
import { Field } from '../../../components/ui/field.tsx';
import { Icon, type IconName } from '../../../components/ui/icon.tsx';
import { Input } from '../../../components/ui/input.tsx';
import { PageLoading } from '../../../components/ui/page-loading.tsx';
import { ApiError } from '../../../lib/api-error.ts';
import { plural } from '../../../lib/plural.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { usePlanActions } from '../api/use-program-actions.ts';
import { usePlans, useProgram } from '../api/use-programs.ts';
import { EnrolleesPanel } from '../components/enrollees-panel.tsx';
import { FirstTimePairs } from '../components/first-time-pairs.tsx';
import { idsOf, moved, PlanBoard } from '../components/plan-board.tsx';
import { PlanChart } from '../components/plan-chart.tsx';
import { ProgramBadges } from '../components/program-badges.tsx';
import { WaitingList } from '../components/waiting-list.tsx';

const KINDS: { kind: PlanKind; label: string; short: string; icon: IconName; noun: string; form: string }[] = [
  { kind: 'cohorts', label: 'Cohorts', short: 'Cohorts', icon: 'people', noun: 'cohorts', form: 'Form cohorts' },
  { kind: 'rotation', label: 'Breakout rotation', short: 'Rotation', icon: 'refresh', noun: 'breakout rotation', form: 'Form rotation' },
  { kind: 'partners', label: 'Learning partners', short: 'Partners', icon: 'userPlus', noun: 'learning partners', form: 'Pair partners' },
];

const when = (iso: string) => new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric', hour: 'numeric', minute: '2-digit' }).format(new Date(iso));

/** Parameters, the Form button (with progress), and what it will do. */
function FormControls({ program, kind, draft, cohortsPublished, onForm, pending }: { program: Program; kind: PlanKind; draft: Plan | undefined; cohortsPublished: boolean; onForm: (body: { size?: number; rounds?: number; seed?: number }) => void; pending: boolean }) {
  const s = program.settings;
  const [size, setSize] = useState(String(kind === 'cohorts' ? s.cohortSize : s.groupSize));
  const [rounds, setRounds] = useState(String(s.rounds));
  const meta = KINDS.find((k) => k.kind === kind) ?? KINDS[0];
  const blocked = kind === 'cohorts' && cohortsPublished;
  const submit = (seed?: number) =>
    onForm({ ...(kind !== 'partners' && Number(size) >= 2 ? { size: Number(size) } : {}), ...(kind === 'rotation' && Number(rounds) >= 1 ? { rounds: Number(rounds) } : {}), ...(seed ? { seed } : {}) });
  if (blocked) return <p className="muted small">Cohorts are published and have their spaces. Breakout rotations are formed within each cohort.</p>;
  return (
    <form
      className="plan-form"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      {kind !== 'partners' ? (
        <Field label={kind === 'cohorts' ? 'People per cohort' : 'People per group'}>
          {(p) => <Input {...p} type="number" inputMode="numeric" min={2} max={kind === 'cohorts' ? 500 : 12} value={size} onChange={(e) => setSize(e.target.value)} />}
        </Field>
      ) : null}
      {kind === 'rotation' ? (
        <Field label="Rounds">
          {(p) => <Input {...p} type="number" inputMode="numeric" min={1} max={30} value={rounds} onChange={(e) => setRounds(e.target.value)} />}
        </Field>
      ) : null}
      <div className="plan-form-actions">
        <Button type="submit" loading={pending}>
          <Icon name="sparkle" size={16} /> {meta.form}
        </Button>
        {draft ? (
          <Button variant="secondary" onClick={() => submit(draft.params.seed + 1)} disabled={pending}>
            <Icon name="refresh" size={16} /> Try another
          </Button>
        ) : null}
      </div>
      <p className="muted small plan-form-note">
        {kind === 'cohorts'
          ? 'Mixes departments and locations, keeps close colleagues apart and respects shared working hours.'
          : kind === 'rotation'
            ? cohortsPublished
              ? 'Groups are formed within each published cohort; each round brings together people who have not met yet, as far as the numbers allow.'
              : 'Groups are formed across everyone enrolled; each round brings together people who have not met yet, as far as the numbers allow.'
            : 'Pairs from different departments with overlapping working hours, for the whole program.'}
      </p>
      {pending ? (
        <p className="plan-progress" role="status">
          <span className="spinner" aria-hidden="true" /> Forming {meta.noun} and comparing with random assignment…
        </p>
      ) : null}
    </form>
  );
}

/** One kind's draft (editable, with Publish) and published plan (read-only, with its date). */
function KindPanel({ program, kind, plans }: { program: Program; kind: PlanKind; plans: Plan[] }) {
  const actions = usePlanActions(program.id);
  const [confirm, setConfirm] = useState(false);
  const [announce, setAnnounce] = useState('');
  const draft = plans.find((p) => p.kind === kind && p.status === 'draft');
  const published = plans.find((p) => p.kind === kind && p.status === 'published');
  const cohortsPublished = plans.some((p) => p.kind === 'cohorts' && p.status === 'published');
  const meta = KINDS.find((k) => k.kind === kind) ?? KINDS[0];
  const error = [actions.form.error, actions.adjust.error, actions.publish.error, actions.moveToCohort.error, actions.joinPartners.error].find((e) => e instanceof ApiError) as ApiError | undefined;
  const nameOf = (plan: Plan, personId: string) => [...plan.rounds.flatMap((r) => r.groups.flatMap((g) => g.members)), ...plan.waiting].find((m) => m.id === personId)?.name ?? 'Person';

  /** Published cohorts: moving someone (or placing someone waiting) changes their cohort, space and breakout groups. */
  const moveToCohort = (plan: Plan, personId: string, cohortId: string) => {
    const who = nameOf(plan, personId);
    const target = plan.rounds[0]?.groups.find((g) => g.cohortId === cohortId)?.label ?? 'the cohort';
    setAnnounce(`Moving ${who} to ${target}…`);
    actions.moveToCohort.mutate(
      { personId, cohortId },
      {
        onSuccess: () => {
          setAnnounce(`${who} moved to ${target}. Their cohort space and breakout groups changed with it.`);
          setTimeout(() => document.querySelector<HTMLElement>(`[data-plan="${plan.id}"] [data-member="${CSS.escape(personId)}"] select`)?.focus(), 300);
        },
        onError: () => setAnnounce(''),
      },
    );
  };

  /** Published partners: someone waiting gets a partner (another waiting person) or joins a pair as a trio. */
  const pairWith = (plan: Plan, personId: string, withId: string) => {
    const who = nameOf(plan, personId);
    const other = nameOf(plan, withId);
    actions.joinPartners.mutate({ personId, withId }, { onSuccess: () => setAnnounce(`${who} is now learning with ${other}.`) });
  };

  const move = (plan: Plan) => (round: number, personId: string, toGroup: number) => {
    const next = moved(plan, round, personId, toGroup);
    const who = plan.rounds[round].groups.flatMap((g) => g.members).find((m) => m.id === personId)?.name ?? 'Person';
    const target = plan.rounds[round].groups[toGroup]?.label ?? 'the group';
    setAnnounce(`Moving ${who} to ${target}…`);
    actions.adjust.mutate(
      { planId: plan.id, rounds: idsOf(next), preview: next },
      {
        onSuccess: () => {
          setAnnounce(`${who} moved to ${target}. Figures updated.`);
          requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-plan="${plan.id}"] [data-member="${CSS.escape(personId)}"] select`)?.focus());
        },
        onError: () => setAnnounce(''),
      },
    );
  };

  const publish = () => {
    if (!draft) return;
    actions.publish.mutate(draft.id, { onSettled: () => setConfirm(false) });
  };

  return (
    <div className="stack">
      <FormControls
        key={kind}
        program={program}
        kind={kind}
        draft={draft}
        cohortsPublished={cohortsPublished}
        pending={actions.form.isPending}
        onForm={(body) => actions.form.mutate({ kind, ...body })}
      />
      {error ? <Alert>{error.detail}</Alert> : null}
      <p className="visually-hidden" role="status">
        {announce}
      </p>
      {draft ? (
        <section className="plan" data-plan={draft.id} data-status="draft" aria-labelledby={`draft-${kind}`}>
          <div className="plan-head">
            <div>
              <h3 id={`draft-${kind}`} className="plan-title">
                Preview <span className="badge badge-draft">Draft</span>
              </h3>
              <p className="muted small">
                {plural(draft.rounds[0]?.groups.length ?? 0, draft.kind === 'partners' ? 'pair' : draft.kind === 'cohorts' ? 'cohort' : 'group')}
                {draft.rounds.length > 1 ? ` per round · ${draft.rounds.length} rounds` : ''} · formed {when(draft.createdAt)}. Drag people between groups, or use “Move to”.
              </p>
            </div>
            <Button onClick={() => setConfirm(true)} disabled={actions.adjust.isPending}>
              <Icon name="check" size={16} /> Publish
            </Button>
          </div>
          <PlanDetails plan={draft} pending={actions.adjust.isPending} />
          <PlanBoard plan={draft} editable onMove={move(draft)} />
          <Dialog
            open={confirm}
            onClose={() => setConfirm(false)}
            title={kind === 'rotation' ? 'Publish this breakout rotation?' : `Publish these ${meta.noun}?`}
            footer={
              <>
                <Button variant="ghost" onClick={() => setConfirm(false)}>
                  Keep editing
                </Button>
                <Button onClick={publish} loading={actions.publish.isPending}>
                  Publish
                </Button>
              </>
            }
          >
            {actions.publish.error instanceof ApiError ? <Alert>{actions.publish.error.detail}</Alert> : null}
            <p>
              {kind === 'cohorts'
                ? `Each of the ${draft.rounds[0]?.groups.length ?? 0} cohorts gets its own private space, and its members see their cohort on the program page. Cohorts cannot be formed again after this; people who enrol later join the cohort that keeps the mix best.`
                : published
                  ? `Members see their new ${meta.noun} at once; it replaces the one published ${when(published.publishedAt ?? published.createdAt)}.`
                  : `Members see their ${meta.noun} on the program page at once.`}
            </p>
          </Dialog>
        </section>
      ) : !published ? (
        <EmptyState icon={meta.icon} title={`No ${meta.noun} yet`}>
          {kind === 'rotation' && !cohortsPublished ? 'Tip: publish cohorts first, and rotations are formed within each cohort.' : `Press “${meta.form}” to see a preview you can adjust before anyone sees it.`}
        </EmptyState>
      ) : null}
      {published ? (
        <section className="plan plan-published" data-plan={published.id} data-status="published" aria-labelledby={`published-${kind}`}>
          <div className="plan-head">
            <div>
              <h3 id={`published-${kind}`} className="plan-title">
                Published <span className="badge badge-moss">Live</span>
              </h3>
              <p className="muted small">
                Published {when(published.publishedAt ?? published.createdAt)}. Members see where they are.
                {kind === 'cohorts'
                  ? ' People who enrol now join the cohort that keeps the mix best; use “Move to…” to change anyone’s cohort.'
                  : kind === 'rotation'
                    ? ' People who enrol now join their cohort’s groups in every round.'
                    : ' People who enrol now are paired with the next newcomer, or wait for you below.'}
              </p>
            </div>
          </div>
          <PlanDetails plan={published} />
          <WaitingList plan={published} pending={actions.moveToCohort.isPending || actions.joinPartners.isPending} onChoose={(personId, value) => (kind === 'cohorts' ? moveToCohort(published, personId, value) : pairWith(published, personId, value))} />
          {kind === 'cohorts' ? (
            <PlanBoard
              plan={published}
              editable
              isFull={(gi) => published.maxGroupSize !== null && (published.rounds[0]?.groups[gi]?.members.length ?? 0) >= published.maxGroupSize}
              onMove={(_round, personId, toGroup) => {
                const cohortId = published.rounds[0]?.groups[toGroup]?.cohortId;
                if (cohortId) moveToCohort(published, personId, cohortId);
              }}
            />
          ) : (
            <PlanBoard plan={published} editable={false} />
          )}
        </section>
      ) : null}
    </div>
  );
}

/** Explanation sentences, engine warnings and the chart against random assignment. */
function PlanDetails({ plan, pending }: { plan: Plan; pending?: boolean }) {
  return (
    <div className="plan-details">
      <div className="stack-sm">
        <ul className="plan-explain">
          {plan.explanation.map((s) => (
            <li key={s}>
              <Icon name="checkCircle" size={16} />
              <span>{s}</span>
            </li>
          ))}
        </ul>
        <FirstTimePairs plan={plan} />
        {plan.warnings.length ? (
          <Alert tone="info">
            {plan.warnings.map((w) => (
              <p key={w}>{w}</p>
            ))}
          </Alert>
        ) : null}
      </div>
      <PlanChart plan={plan} pending={pending} />
    </div>
  );
}

/** /programs/:id/plan (facilitators): enrolled people, then cohorts, breakout rotation and learning partners. */
export function ProgramPlanPage({ id }: { id: string }) {
  const program = useProgram(id);
  const canFacilitate = !!program.data?.abilities.canFacilitate;
  const plans = usePlans(id, canFacilitate);
  const [tab, setTab] = useState<PlanKind>('cohorts');
  useDocumentTitle(program.data ? `People & groups · ${program.data.title}` : 'People & groups');
  if (program.isPending) return <PageLoading label="Loading program" />;
  if (program.isError) return <ErrorState error={program.error} title="We couldn't load this program" onRetry={() => program.refetch()} />;
  const p = program.data;
  if (!canFacilitate)
    return <EmptyState icon="lock" title="Only the program’s facilitators form groups" action={<Link href={`/programs/${id}`} className="btn btn-primary">Back to the program</Link>} />;

  return (
    <>
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <Link href="/programs">Programs</Link>
        <span aria-hidden="true">/</span>
        <Link href={`/programs/${id}`} className="breadcrumb-current">
          {p.title}
        </Link>
        <span aria-hidden="true">/</span>
        <span aria-current="page">People & groups</span>
      </nav>
      <header className="page-header">
        <div>
          <h1>People & groups</h1>
          <p>
            <ProgramBadges program={p} /> {plural(p.enrolledCount, 'person', 'people')} enrolled{p.waitlistCount ? `, ${p.waitlistCount} waiting` : ''}.
          </p>
        </div>
      </header>
      <div className="plan-layout">
        <EnrolleesPanel programId={id} />
        <Card className="plans-card">
          <div className="plan-tabs" role="tablist" aria-label="What to form">
            {KINDS.map((k) => (
              <button
                key={k.kind}
                type="button"
                role="tab"
                id={`tab-${k.kind}`}
                aria-selected={tab === k.kind}
                aria-controls={`panel-${k.kind}`}
                tabIndex={tab === k.kind ? 0 : -1}
                className="tab plan-tab"
                aria-label={k.label}
                onClick={() => setTab(k.kind)}
                onKeyDown={(e) => {
                  if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
                  const i = KINDS.findIndex((x) => x.kind === k.kind);
                  const next = KINDS[(i + (e.key === 'ArrowRight' ? 1 : KINDS.length - 1)) % KINDS.length];
                  setTab(next.kind);
                  document.getElementById(`tab-${next.kind}`)?.focus();
                }}
              >
                <Icon name={k.icon} size={17} />
                <span className="tab-long">{k.label}</span>
                <span className="tab-short">{k.short}</span>
              </button>
            ))}
          </div>
          <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="plan-panel">
            {plans.isPending ? (
              <PageLoading label="Loading plans" />
            ) : plans.isError ? (
              <ErrorState error={plans.error} title="We couldn't load the plans" onRetry={() => plans.refetch()} />
            ) : p.enrolledCount < 2 ? (
              <EmptyState icon="people" title="Enrol people first">
                Add at least two people; then form cohorts, a breakout rotation or learning partners.
              </EmptyState>
            ) : (
              <KindPanel key={tab} program={p} kind={tab} plans={plans.data.items} />
            )}
          </div>
        </Card>
      </div>
    </>
  );
}
