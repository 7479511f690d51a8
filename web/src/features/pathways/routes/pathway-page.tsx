import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import type { Pathway } from '../../../../../contracts/index.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { ErrorState } from '../../../components/ui/error-state.tsx';
import { Icon } from '../../../components/ui/icon.tsx';
import { InstantCheckbox } from '../../../components/ui/instant-checkbox.tsx';
import { PageLoading } from '../../../components/ui/page-loading.tsx';
import { ApiError } from '../../../lib/api-error.ts';
import { plural } from '../../../lib/plural.ts';
import { useChannel } from '../../../lib/use-channel.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { useMe } from '../../auth/api/use-me.ts';
import { pathwayKeys } from '../api/pathway-keys.ts';
import { usePathway } from '../api/use-pathway.ts';
import { usePathwayActions } from '../api/use-pathway-actions.ts';
import { AssignPathway } from '../components/assign-pathway.tsx';
import { PathwayBadges } from '../components/pathway-badges.tsx';
import { PeersPanel } from '../components/peers-panel.tsx';
import { ProgressBar } from '../components/progress-bar.tsx';
import { StepChecklist } from '../components/step-checklist.tsx';

function firstError(...errors: unknown[]): ApiError | null {
  for (const e of errors) if (e instanceof ApiError) return e;
  return null;
}

/** Enrol / leave, and whether peers see my progress. */
function Enrolment({ pathway, actions }: { pathway: Pathway; actions: ReturnType<typeof usePathwayActions> }) {
  const [confirmLeave, setConfirmLeave] = useState(false);
  const mine = pathway.myProgress;
  if (pathway.status === 'draft') return null;
  if (!mine)
    return pathway.abilities.canEnroll ? (
      <Card className="enrol-card" warm>
        <p>Enrol to tick off steps as you go and see how colleagues are doing.</p>
        <Button onClick={() => actions.enroll.mutate({ enrolled: true })} loading={actions.enroll.isPending}>
          <Icon name="plus" size={18} /> Enrol
        </Button>
      </Card>
    ) : null;
  const leave = () => actions.enroll.mutate({ enrolled: false }, { onSuccess: () => setConfirmLeave(false) });
  return (
    <Card className="enrol-card" title={mine.completedAt ? 'You completed this pathway' : 'Your progress'}>
      <ProgressBar done={mine.done} total={mine.total} label="Your progress" />
      <label className="checkbox small">
        <InstantCheckbox checked={pathway.hideMyProgress} onChange={(hide) => actions.enroll.mutate({ enrolled: true, hideProgress: hide })} disabled={actions.enroll.isPending} />
        Hide my progress from peers
      </label>
      <Button variant="ghost" size="sm" onClick={() => (mine.done > 0 ? setConfirmLeave(true) : leave())} loading={actions.enroll.isPending && !confirmLeave}>
        Leave pathway
      </Button>
      <Dialog
        open={confirmLeave}
        onClose={() => setConfirmLeave(false)}
        title="Leave this pathway?"
        footer={
          <>
            <Button variant="ghost" onClick={() => setConfirmLeave(false)}>
              Stay enrolled
            </Button>
            <Button variant="danger" onClick={leave} loading={actions.enroll.isPending}>
              Leave and clear progress
            </Button>
          </>
        }
      >
        <p>Your progress ({mine.done} of {mine.total} steps) is removed. You can enrol again later and start over.</p>
      </Dialog>
    </Card>
  );
}

/** Feature / Edit / Delete for moderators and the author. */
function Manage({ pathway, actions }: { pathway: Pathway; actions: ReturnType<typeof usePathwayActions> }) {
  const [, navigate] = useLocation();
  const [confirm, setConfirm] = useState(false);
  const a = pathway.abilities;
  if (!a.canFeature && !a.canEdit && !a.canDelete && !a.canAssign) return null;
  return (
    <div className="pathway-manage">
      {a.canAssign ? <AssignPathway pathway={pathway} /> : null}
      {a.canFeature ? (
        <Button variant="secondary" size="sm" onClick={() => actions.feature.mutate(!pathway.isFeatured)} loading={actions.feature.isPending}>
          <Icon name="sparkle" size={16} />
          {pathway.isFeatured ? 'Unfeature' : 'Feature'}
        </Button>
      ) : null}
      {a.canEdit ? (
        <Link href={`/pathways/${pathway.id}/edit`} className="btn btn-secondary btn-sm">
          <Icon name="edit" size={16} /> Edit
        </Link>
      ) : null}
      {a.canDelete ? (
        <Button variant="ghost" size="sm" className="btn-danger-text" onClick={() => setConfirm(true)}>
          <Icon name="trash" size={16} /> Delete
        </Button>
      ) : null}
      <Dialog
        open={confirm}
        onClose={() => setConfirm(false)}
        title="Delete this pathway?"
        footer={
          <>
            <Button variant="ghost" onClick={() => setConfirm(false)}>
              Keep it
            </Button>
            <Button variant="danger" onClick={() => actions.remove.mutate(undefined, { onSuccess: () => navigate('/pathways', { replace: true }) })} loading={actions.remove.isPending}>
              Delete pathway
            </Button>
          </>
        }
      >
        {actions.remove.error instanceof ApiError ? <Alert>{actions.remove.error.detail}</Alert> : null}
        <p>
          “{pathway.title}” disappears for everyone{pathway.enrolledCount ? `, including the ${plural(pathway.enrolledCount, 'person', 'people')} enrolled` : ''}.
        </p>
      </Dialog>
    </div>
  );
}

/** /pathways/:id: header, draft banner, enrolment, the step checklist and peers' progress, live. */
export function PathwayPage({ id }: { id: string }) {
  const me = useMe();
  const qc = useQueryClient();
  const pathway = usePathway(id);
  const actions = usePathwayActions(id);
  const p = pathway.data;
  useDocumentTitle(p?.title ?? 'Pathway');
  // Enrolments, ticks and edits by others arrive as ids only: refetch through the normal routes.
  useChannel(p ? `pathway:${id}` : null, (e) => {
    if (e.type === 'resynced' || e.what === 'pathway' || e.what === 'progress') {
      // While my own tick is on its way, its answer brings the fresh pathway; a refetch now could undo the tick.
      if (!qc.isMutating({ mutationKey: pathwayKeys.marking(id) })) void qc.invalidateQueries({ queryKey: pathwayKeys.detail(id) });
      void qc.invalidateQueries({ queryKey: pathwayKeys.progress(id) });
    }
  });

  if (pathway.isPending) return <PageLoading label="Loading pathway" />;
  if (pathway.isError) {
    if (pathway.error instanceof ApiError && pathway.error.status === 404)
      return (
        <EmptyState icon="search" title="We couldn't find that pathway" action={<Link href="/pathways" className="btn btn-primary">Browse pathways</Link>}>
          It may have been deleted, or it is a draft or lives in a community you can't see.
        </EmptyState>
      );
    return <ErrorState error={pathway.error} title="We couldn't load this pathway" onRetry={() => pathway.refetch()} />;
  }
  const pw = pathway.data;
  const enrolled = !!pw.myProgress;
  const error = firstError(actions.mark.error, actions.enroll.error, actions.feature.error, actions.update.error);
  const publish = () => actions.update.mutate({ status: 'published' });

  return (
    <>
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <Link href="/pathways">Pathways</Link>
        <span aria-hidden="true">/</span>
        <span aria-current="page" className="breadcrumb-current">
          {pw.title}
        </span>
      </nav>
      {pw.status === 'draft' ? (
        <div className="banner banner-amber" role="status">
          <Icon name="edit" size={18} />
          <p>
            <strong>Draft.</strong> Only you can see this pathway. Publish it when the steps are ready, so colleagues can enrol.
          </p>
          {pw.abilities.canPublish ? (
            <Button size="sm" onClick={publish} loading={actions.update.isPending} disabled={pw.steps.length === 0}>
              Publish
            </Button>
          ) : null}
        </div>
      ) : null}
      <header className="pathway-head">
        <span className="pathway-mark pathway-mark-lg" aria-hidden="true">
          <Icon name="route" size={34} />
        </span>
        <div className="pathway-head-text">
          <PathwayBadges pathway={pw} />
          <h1>{pw.title}</h1>
          {pw.description ? <p className="pathway-head-desc">{pw.description}</p> : null}
          {pw.myAssignment ? (
            <p className="badge badge-ember" role="status">
              <Icon name="calendar" size={16} /> Assigned to you, due {pw.myAssignment.dueOn}
            </p>
          ) : null}
          <ul className="community-facts">
            <li>
              <Icon name="globe" size={16} />
              {pw.community ? <Link href={`/communities/${pw.community.slug}`}>{pw.community.name}</Link> : 'Whole organization'}
            </li>
            <li>
              <Icon name="edit" size={16} />
              <span>
                by <Link href={`/people/${pw.author.id}`}>{pw.author.name}</Link>
              </span>
            </li>
            <li>
              <Icon name="list" size={16} />
              {plural(pw.steps.length, 'step')}
            </li>
            <li>
              <Icon name="people" size={16} />
              {plural(pw.enrolledCount, 'learner')}
            </li>
          </ul>
        </div>
        <Manage pathway={pw} actions={actions} />
      </header>
      {error ? <Alert>{error.detail}</Alert> : null}
      <div className="pathway-layout">
        <section aria-labelledby="steps-title" className="pathway-steps">
          <h2 id="steps-title" className="section-title">
            Steps
          </h2>
          {pw.steps.length === 0 ? (
            <EmptyState icon="list" title="No steps yet" action={pw.abilities.canEdit ? <Link href={`/pathways/${pw.id}/edit`} className="btn btn-primary">Add steps</Link> : undefined}>
              {pw.abilities.canEdit ? 'Add resources, discussions and tasks before you publish.' : 'The author has not added steps yet.'}
            </EmptyState>
          ) : (
            <>
              {!enrolled && pw.status === 'published' ? <p className="section-sub">Enrol to tick off steps as you go.</p> : null}
              <StepChecklist
                pathway={pw}
                enrolled={enrolled}
                pendingStepId={actions.mark.isPending ? (actions.mark.variables?.stepId ?? null) : null}
                onMark={(stepId, done) => actions.mark.mutate({ stepId, done })}
              />
            </>
          )}
        </section>
        <aside className="pathway-aside" aria-label="Progress">
          <Enrolment pathway={pw} actions={actions} />
          {pw.status === 'published' ? <PeersPanel pathwayId={pw.id} myId={me.person.id} /> : null}
        </aside>
      </div>
    </>
  );
}
