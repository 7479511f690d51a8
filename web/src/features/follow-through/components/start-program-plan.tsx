import { useLocation } from 'wouter';
import { Button } from '../../../components/ui/button.tsx';
import { Icon } from '../../../components/ui/icon.tsx';
import { usePlanActions } from '../api/use-follow-through.ts';

/** Starts my action plan for a program from its template (the facilitators' items, if any) and opens My plans. */
export function StartProgramPlan({ programId, programTitle }: { programId: string; programTitle: string }) {
  const { createPlan } = usePlanActions();
  const [, navigate] = useLocation();
  return (
    <>
      <Button
        variant="secondary"
        size="sm"
        loading={createPlan.isPending}
        onClick={() => createPlan.mutate({ title: `${programTitle}: my plan`.slice(0, 200), programId, fromTemplate: true }, { onSuccess: () => navigate('/plans') })}
      >
        <Icon name="checkCircle" size={16} /> Start my plan
      </Button>
      {createPlan.isError ? (
        <span role="alert" className="field-hint">
          The plan could not be started: {createPlan.error.message}
        </span>
      ) : null}
    </>
  );
}
