import { type FormEvent, useState } from 'react';
import { CHECKIN_LIMITS, type Checkin } from '../../../../../contracts/index.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Field } from '../../../components/ui/field.tsx';
import { Input } from '../../../components/ui/input.tsx';
import { Textarea } from '../../../components/ui/textarea.tsx';
import { ApiError } from '../../../lib/api-error.ts';
import { useRecordCheckin } from '../api/use-checkins.ts';

const todayLocal = () => new Date(Date.now() - new Date().getTimezoneOffset() * 60_000).toISOString().slice(0, 10);

/** The manager's form: the day they met, a note and the next step. Server field errors land on their field. */
export function CheckinOutcomeForm({ c, onDone }: { c: Checkin; onDone: () => void }) {
  const [heldOn, setHeldOn] = useState(c.outcome?.heldOn ?? todayLocal());
  const [note, setNote] = useState(c.outcome?.note ?? '');
  const [nextStep, setNextStep] = useState(c.outcome?.nextStep ?? '');
  const [touched, setTouched] = useState(false);
  const record = useRecordCheckin(c.id);
  const apiError = record.error instanceof ApiError ? record.error : null;
  const fe = apiError?.fieldErrors ?? {};
  const local = { nextStep: touched && !nextStep.trim() ? 'Write the next step you agreed.' : undefined };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!nextStep.trim() || record.isPending) return;
    record.mutate({ heldOn, note: note.trim(), nextStep: nextStep.trim() }, { onSuccess: onDone });
  };
  return (
    <form className="stack-sm checkin-form" onSubmit={submit} noValidate aria-label={`Record the check-in with ${c.learner.name}`}>
      {apiError && !fe.heldOn && !fe.note && !fe.nextStep ? <Alert>{apiError.detail}</Alert> : null}
      <Field label="Day you met" error={fe.heldOn}>
        {(p) => <Input {...p} type="date" value={heldOn} max={todayLocal()} onChange={(e) => setHeldOn(e.target.value)} required />}
      </Field>
      <Field label="Note" optional error={fe.note} hint={`What you talked about. ${c.learner.name} sees it.`}>
        {(p) => <Textarea {...p} rows={3} value={note} maxLength={CHECKIN_LIMITS.note} onChange={(e) => setNote(e.target.value)} />}
      </Field>
      <Field label="Next step" error={local.nextStep ?? fe.nextStep}>
        {(p) => <Input {...p} value={nextStep} maxLength={CHECKIN_LIMITS.nextStep} onChange={(e) => setNextStep(e.target.value)} />}
      </Field>
      <div className="row">
        <Button type="submit" disabled={record.isPending}>{record.isPending ? 'Saving…' : 'Save check-in'}</Button>
        <Button type="button" variant="ghost" onClick={onDone}>Cancel</Button>
      </div>
    </form>
  );
}
