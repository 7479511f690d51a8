import { type FormEvent, useState } from 'react';
import { MENTORING_LIMITS, type PersonRef, type RelationshipDetail, type RelationshipMeeting } from '../../../../../contracts/index.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { Field } from '../../../components/ui/field.tsx';
import { Icon } from '../../../components/ui/icon.tsx';
import { Input } from '../../../components/ui/input.tsx';
import { Select } from '../../../components/ui/select.tsx';
import { Textarea } from '../../../components/ui/textarea.tsx';
import { ApiError } from '../../../lib/api-error.ts';
import { plural } from '../../../lib/plural.ts';
import { useRelationshipActions } from '../api/use-mentoring-actions.ts';
import { formatInZone, timeInZone, todayInZone, zoneCity, zonedToIso } from '../lib/zoned-time.ts';

const DURATIONS = [15, 30, 45, 60, 90, 120];

/** One meeting: when (mine, and the partner's local time when their zone differs), length, agenda, calendar download. */
function MeetingItem({ m, zone, partner, partnerZone, past }: { m: RelationshipMeeting; zone: string; partner: PersonRef; partnerZone: string | null; past: boolean }) {
  const theirs = partnerZone && partnerZone !== zone ? `${timeInZone(m.startsAt, partnerZone)} for ${partner.name.split(' ')[0]} (${zoneCity(partnerZone)})` : null;
  return (
    <li className="meeting" data-meeting={m.id} data-past={past || undefined}>
      <span className="meeting-icon" aria-hidden="true">
        <Icon name="calendar" size={18} />
      </span>
      <div className="meeting-body">
        <p className="meeting-when">
          <time dateTime={m.startsAt}>{formatInZone(m.startsAt, zone)}</time> · {m.durationMinutes} min
        </p>
        {theirs ? <p className="small muted">{theirs}</p> : null}
        {m.agenda ? <p className="meeting-agenda">{m.agenda}</p> : null}
        {m.createdBy ? <p className="small muted">Booked by {m.createdBy.name}</p> : null}
      </div>
      {!past ? (
        <a className="btn btn-secondary btn-sm meeting-ics" href={m.icsUrl} download>
          <Icon name="download" size={16} /> Add to calendar
        </a>
      ) : null}
    </li>
  );
}

/** Meeting log with "Schedule meeting": date and time in my zone, duration, agenda, emailed invite. */
export function MeetingsPanel({ r, zone, partner, partnerZone }: { r: RelationshipDetail; zone: string; partner: PersonRef; partnerZone: string | null }) {
  const { addMeeting } = useRelationshipActions(r.id);
  const [open, setOpen] = useState(false);
  const [date, setDate] = useState(todayInZone(zone, 7));
  const [time, setTime] = useState('10:00');
  const [duration, setDuration] = useState(45);
  const [agenda, setAgenda] = useState('');
  const [email, setEmail] = useState(true);
  const [done, setDone] = useState<string | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const err = addMeeting.error instanceof ApiError ? addMeeting.error : null;
  const now = Date.now();
  const upcoming = r.meetings.filter((m) => new Date(m.startsAt).getTime() + m.durationMinutes * 60_000 > now);
  const past = r.meetings.filter((m) => !upcoming.includes(m)).reverse();
  const first = partner.name.split(' ')[0];

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const startsAt = zonedToIso(date, time, zone);
    if (!startsAt) return setLocalError('Enter a date and a start time.');
    setLocalError(null);
    addMeeting.mutate(
      { startsAt, durationMinutes: duration, agenda: agenda.trim(), emailInvite: email },
      {
        onSuccess: () => {
          setDone(`Meeting booked for ${formatInZone(startsAt, zone)}.${email ? ` The invite was sent by email to you and ${first}.` : ''}`);
          setOpen(false);
          setAgenda('');
        },
      },
    );
  };

  return (
    <Card
      title="Meetings"
      id="meetings"
      actions={
        r.abilities.canEdit && !open ? (
          <Button size="sm" onClick={() => { setOpen(true); setDone(null); }}>
            <Icon name="plus" size={16} /> Schedule meeting
          </Button>
        ) : null
      }
    >
      {done ? (
        <Alert tone="success">
          <span>{done}</span>
        </Alert>
      ) : null}
      {open ? (
        <form className="stack-sm meeting-form" onSubmit={submit} aria-label="Schedule meeting">
          <p className="small muted">
            <Icon name="globe" size={14} /> Times are in your time zone, {zoneCity(zone)} ({zone}).
          </p>
          <div className="form-trio">
            <Field label="Date" error={err?.fieldErrors.startsAt ?? localError}>
              {(p) => <Input {...p} type="date" required value={date} min={todayInZone(zone)} onChange={(e) => setDate(e.target.value)} />}
            </Field>
            <Field label="Start time">
              {(p) => <Input {...p} type="time" required step={300} value={time} onChange={(e) => setTime(e.target.value)} />}
            </Field>
            <Field label="Duration" error={err?.fieldErrors.durationMinutes}>
              {(p) => (
                <Select {...p} value={duration} onChange={(e) => setDuration(Number(e.target.value))}>
                  {DURATIONS.map((d) => (
                    <option key={d} value={d}>
                      {d < 60 ? `${d} min` : `${d / 60} h`.replace('.5 h', ' h 30')}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
          </div>
          {partnerZone && partnerZone !== zone && zonedToIso(date, time, zone) ? (
            <p className="small">
              That is {timeInZone(zonedToIso(date, time, zone) as string, partnerZone)} for {first} in {zoneCity(partnerZone)}.
            </p>
          ) : null}
          <Field label="Agenda" optional error={err?.fieldErrors.agenda}>
            {(p) => <Textarea {...p} rows={3} maxLength={MENTORING_LIMITS.longText} value={agenda} onChange={(e) => setAgenda(e.target.value)} placeholder="What do you want to talk about?" />}
          </Field>
          <label className="checkbox">
            <input type="checkbox" checked={email} onChange={(e) => setEmail(e.target.checked)} />
            Email a calendar invite to both of us
          </label>
          {err && !Object.keys(err.fieldErrors).length ? <Alert>{err.detail}</Alert> : null}
          <div className="row">
            <Button type="submit" loading={addMeeting.isPending}>
              Book meeting
            </Button>
            <Button variant="ghost" onClick={() => setOpen(false)}>
              Cancel
            </Button>
          </div>
        </form>
      ) : null}
      {r.meetings.length === 0 ? (
        r.meetingCount > 0 ? (
          <p className="muted">{plural(r.meetingCount, 'meeting')} logged. Only the pair sees the details.</p>
        ) : !open ? (
          <p className="muted">{r.abilities.canEdit ? 'No meeting yet. Book the first one; both of you get a calendar invite.' : 'No meeting logged yet.'}</p>
        ) : null
      ) : (
        <>
          {upcoming.length ? (
            <ul className="meeting-list" aria-label="Upcoming meetings">
              {upcoming.map((m) => (
                <MeetingItem key={m.id} m={m} zone={zone} partner={partner} partnerZone={partnerZone} past={false} />
              ))}
            </ul>
          ) : null}
          {past.length ? (
            <details className="past-meetings" open={!upcoming.length}>
              <summary>{plural(past.length, 'past meeting')}</summary>
              <ul className="meeting-list" aria-label="Past meetings">
                {past.map((m) => (
                  <MeetingItem key={m.id} m={m} zone={zone} partner={partner} partnerZone={partnerZone} past />
                ))}
              </ul>
            </details>
          ) : null}
        </>
      )}
    </Card>
  );
}
