import { useState } from 'react';
import type { Program } from '../../../../../contracts/index.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { Icon } from '../../../components/ui/icon.tsx';
import type { useProgramActions } from '../api/use-program-actions.ts';

const NEXT: Record<Program['status'], { to: Program['status']; label: string; explain: string } | null> = {
  draft: { to: 'open', label: 'Open enrolment', explain: 'Everyone in your organization sees the program and, unless only facilitators add people, can enrol.' },
  open: { to: 'running', label: 'Start program', explain: 'Enrolment closes to new self-enrolments; you can still add people.' },
  running: { to: 'closed', label: 'Close program', explain: 'The program is marked as finished. Cohort spaces stay available.' },
  closed: null,
};

/** The next step of a program's life (Open enrolment → Start → Close), confirmed in a dialog. */
export function StatusActions({ program, actions }: { program: Program; actions: ReturnType<typeof useProgramActions> }) {
  const [confirm, setConfirm] = useState(false);
  const next = NEXT[program.status];
  if (!program.abilities.canEdit || !next) return null;
  const go = () => actions.update.mutate({ status: next.to }, { onSuccess: () => setConfirm(false) });
  return (
    <>
      <Button size="sm" variant={program.status === 'running' ? 'secondary' : 'primary'} onClick={() => setConfirm(true)}>
        <Icon name={program.status === 'running' ? 'check' : 'arrowRight'} size={16} /> {next.label}
      </Button>
      <Dialog
        open={confirm}
        onClose={() => setConfirm(false)}
        title={`${next.label}?`}
        footer={
          <>
            <Button variant="ghost" onClick={() => setConfirm(false)}>
              Not yet
            </Button>
            <Button onClick={go} loading={actions.update.isPending}>
              {next.label}
            </Button>
          </>
        }
      >
        <p>{next.explain}</p>
      </Dialog>
    </>
  );
}
