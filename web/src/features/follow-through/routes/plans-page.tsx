import { useState } from 'react';
import type { PersonRef } from '../../../../../contracts/index.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { ErrorState } from '../../../components/ui/error-state.tsx';
import { Field } from '../../../components/ui/field.tsx';
import { Input } from '../../../components/ui/input.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { SkeletonRows } from '../../../components/ui/skeleton.tsx';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { useMe } from '../../auth/api/use-me.ts';
import { PeoplePicker } from '../../messages/components/people-picker.tsx';
import { useHelping, usePlan, usePlanActions, usePlans } from '../api/use-follow-through.ts';
import { ActionItemCard } from '../components/action-item-card.tsx';
import '../follow-through.css';

/** Adds an item with an optional due date and named peers. */
function NewItemForm({ planId }: { planId: string }) {
  const me = useMe();
  const { addItem } = usePlanActions();
  const [title, setTitle] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [peers, setPeers] = useState<PersonRef[]>([]);
  return (
    <form
      className="stack-sm"
      aria-label="New item"
      onSubmit={(e) => {
        e.preventDefault();
        if (!title.trim()) return;
        addItem.mutate(
          { planId, title: title.trim(), ...(dueOn ? { dueOn } : {}), peerIds: peers.map((p) => p.id) },
          { onSuccess: () => (setTitle(''), setDueOn(''), setPeers([])) },
        );
      }}
    >
      <Field label="Item">{(a) => <Input {...a} value={title} onChange={(e) => setTitle(e.target.value)} placeholder="Something you will do" />}</Field>
      <Field label="Due date" optional>
        {(a) => <Input {...a} type="date" value={dueOn} onChange={(e) => setDueOn(e.target.value)} />}
      </Field>
      <div className="field" role="group" aria-labelledby="item-peers-title">
        <p className="field-label" id="item-peers-title">
          Peers who help with this item <span className="field-optional">(optional)</span>
        </p>
        <PeoplePicker chosen={peers} onChange={setPeers} excludeId={me.person.id} max={10} />
        <span className="field-hint">They see and comment on this item only, never the rest of your plan.</span>
      </div>
      {addItem.isError ? <Alert>{addItem.error.message}</Alert> : null}
      <div>
        <Button type="submit" disabled={!title.trim()} loading={addItem.isPending}>
          Add item
        </Button>
      </div>
    </form>
  );
}

/** /plans — my action plans with their items, and the items colleagues asked me to help with. */
export function PlansPage() {
  useDocumentTitle('My plans');
  const plans = usePlans();
  const helping = useHelping();
  const { createPlan } = usePlanActions();
  const [chosen, setChosen] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const openId = chosen ?? plans.data?.items[0]?.id ?? null;
  const plan = usePlan(openId);
  return (
    <div className="ft-page stack">
      <PageHeader title="My plans" subtitle="Turn what you learned into action: items with due dates, evidence of what you did, and peers who help." />
      <Card title="Start a plan" id="plans-new">
        <form
          className="ft-inline"
          onSubmit={(e) => {
            e.preventDefault();
            if (title.trim()) createPlan.mutate({ title: title.trim() }, { onSuccess: (p) => (setTitle(''), setChosen(p.id)) });
          }}
        >
          <label className="visually-hidden" htmlFor="plan-title">
            Plan title
          </label>
          <Input id="plan-title" placeholder="e.g. Coaching my team" value={title} onChange={(e) => setTitle(e.target.value)} />
          <Button type="submit" disabled={!title.trim()} loading={createPlan.isPending}>
            Start plan
          </Button>
        </form>
        {createPlan.isError ? <Alert>{createPlan.error.message}</Alert> : null}
      </Card>
      <Card title="Plans" id="plans-mine">
        {plans.isPending ? (
          <SkeletonRows rowClassName="ft-entry" label="Loading your plans" rows={2} />
        ) : plans.isError ? (
          <ErrorState error={plans.error} title="Your plans could not be loaded" onRetry={() => plans.refetch()} />
        ) : plans.data.items.length === 0 ? (
          <EmptyState icon="checkCircle" title="No plans yet">
            Start one above, or with “Start my plan” on a program's page (it copies the program's template items).
          </EmptyState>
        ) : (
          <div className="stack">
            <ul className="ft-plan-tabs" aria-label="Your plans">
              {plans.data.items.map((p) => (
                <li key={p.id}>
                  <Button variant={p.id === openId ? 'primary' : 'secondary'} size="sm" aria-pressed={p.id === openId} onClick={() => setChosen(p.id)}>
                    {p.title} ({p.doneCount}/{p.itemCount})
                  </Button>
                </li>
              ))}
            </ul>
            {plan.isPending ? (
              <SkeletonRows rowClassName="ft-entry" label="Loading the plan" rows={2} />
            ) : plan.isError ? (
              <ErrorState error={plan.error} title="This plan could not be loaded" onRetry={() => plan.refetch()} />
            ) : (
              <>
                {plan.data.items.length ? (
                  <ul className="ft-list">
                    {plan.data.items.map((it) => (
                      <ActionItemCard key={it.id} item={it} />
                    ))}
                  </ul>
                ) : (
                  <p className="muted">No items yet: add the first one below.</p>
                )}
                <NewItemForm planId={plan.data.id} />
              </>
            )}
          </div>
        )}
      </Card>
      <Card title="Helping colleagues" id="plans-helping">
        {helping.isPending ? (
          <SkeletonRows rowClassName="ft-entry" label="Loading items you help with" rows={1} />
        ) : helping.isError ? (
          <ErrorState error={helping.error} title="Items you help with could not be loaded" onRetry={() => helping.refetch()} />
        ) : helping.data.items.length === 0 ? (
          <EmptyState icon="people" title="Nobody has asked for your help yet">
            When a colleague names you as a peer on an item of their plan, it appears here.
          </EmptyState>
        ) : (
          <ul className="ft-list">
            {helping.data.items.map((it) => (
              <ActionItemCard key={it.id} item={it} />
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
