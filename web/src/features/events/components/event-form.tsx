import { type FormEvent, useMemo, useState } from 'react';
import { Link } from 'wouter';
import { type AttachEventResource, type CommunitySummary, EVENT_LIMITS, type EventDetail, type EventKind, type GuestSpeaker, type PersonRef } from '../../../../../contracts/index.ts';
import { MarkdownEditor } from '../../../components/editor/markdown-editor.tsx';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { Field } from '../../../components/ui/field.tsx';
import { Icon } from '../../../components/ui/icon.tsx';
import { Input } from '../../../components/ui/input.tsx';
import { Select } from '../../../components/ui/select.tsx';
import { ApiError } from '../../../lib/api-error.ts';
import { eventWhen, KIND_LABEL } from '../lib/event-format.ts';
import { allZones, browserZone, fromZonedInput, gmtLabel, toZonedInput } from '../lib/zoned-time.ts';
import { HostPicker } from './host-picker.tsx';

/** What the form hands back: every editable field (a create and a PATCH accept the same names). */
export type EventFormValues = {
  title: string;
  kind: EventKind;
  description: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  location: string | null;
  joinUrl: string | null;
  capacity: number | null;
  hostIds: string[];
  guestSpeakers: GuestSpeaker[];
  communityId: string | null;
  recordingUrl?: string | null;
  resources?: AttachEventResource[];
};

type DraftLink = { key: string; resourceId?: string; title: string; url: string };
let counter = 0;
const newKey = () => `k-${++counter}`;

const pad = (n: number) => String(n).padStart(2, '0');
/** Default times: the chosen day (or tomorrow) 10:00–11:00. */
function defaultTimes(day: string | null) {
  const d = day && /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : (() => {
    const t = new Date(Date.now() + 86_400_000);
    return `${t.getFullYear()}-${pad(t.getMonth() + 1)}-${pad(t.getDate())}`;
  })();
  return { start: `${d}T10:00`, end: `${d}T11:00` };
}
/** Adds minutes to a datetime-local value (wall clock arithmetic). */
function shiftLocal(local: string, minutes: number): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) return local;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]) + minutes));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}
const localMinutes = (a: string, b: string) => {
  const x = Date.parse(`${a}:00Z`);
  const y = Date.parse(`${b}:00Z`);
  return Number.isNaN(x) || Number.isNaN(y) ? 60 : Math.round((y - x) / 60_000);
};
const isHttps = (v: string) => /^https:\/\/[^\s/$.?#].[^\s]*$/i.test(v.trim());

/**
 * Title, kind, description (Markdown with preview), start and end in a chosen time zone (the browser's by default;
 * the viewer's own time is shown when it differs), place and join link, seats, calendar (organization or a
 * community), hosts and guest speakers; when editing, the recording and attached links. Server field errors land on
 * their field.
 */
export function EventForm({
  initial,
  communities,
  canUseOrgCalendar,
  defaultDay,
  defaultCommunityId,
  saving,
  error,
  onSave,
  cancelHref,
  submitLabel,
  me,
}: {
  initial?: EventDetail;
  communities: Pick<CommunitySummary, 'id' | 'name'>[];
  canUseOrgCalendar: boolean;
  defaultDay?: string | null;
  defaultCommunityId?: string | null;
  saving: boolean;
  error: unknown;
  onSave: (v: EventFormValues) => void;
  cancelHref: string;
  submitLabel: string;
  me: PersonRef;
}) {
  const zone0 = initial?.timeZone ?? browserZone();
  const times0 = initial ? { start: toZonedInput(initial.startsAt, zone0), end: toZonedInput(initial.endsAt, zone0) } : defaultTimes(defaultDay ?? null);
  const [title, setTitle] = useState(initial?.title ?? '');
  const [kind, setKind] = useState<EventKind>(initial?.kind ?? 'workshop');
  const [description, setDescription] = useState(initial?.description ?? '');
  const [start, setStart] = useState(times0.start);
  const [end, setEnd] = useState(times0.end);
  const [timeZone, setTimeZone] = useState(zone0);
  const [location, setLocation] = useState(initial?.location ?? '');
  const [joinUrl, setJoinUrl] = useState(initial?.joinUrl ?? '');
  const [capacity, setCapacity] = useState(initial?.capacity ? String(initial.capacity) : '');
  const [communityId, setCommunityId] = useState(initial ? (initial.community?.id ?? '') : (defaultCommunityId ?? (canUseOrgCalendar ? '' : (communities[0]?.id ?? ''))));
  const [hosts, setHosts] = useState<PersonRef[]>(initial?.hosts ?? []);
  const [guests, setGuests] = useState<(GuestSpeaker & { key: string })[]>(() => (initial?.guestSpeakers ?? []).map((g) => ({ ...g, key: newKey() })));
  const [recordingUrl, setRecordingUrl] = useState(initial?.recordingUrl ?? '');
  const [links, setLinks] = useState<DraftLink[]>(() => (initial?.resources ?? []).map((r) => ({ key: r.id, resourceId: r.resourceId ?? undefined, title: r.title, url: r.url ?? '' })));
  const [touched, setTouched] = useState(false);

  const apiError = error instanceof ApiError ? error : null;
  const fe = apiError?.fieldErrors ?? {};
  const known = /^(title|kind|description|startsAt|endsAt|timeZone|location|joinUrl|capacity|hostIds|guestSpeakers|communityId|recordingUrl|resources)/;
  const otherError = apiError && !Object.keys(fe).some((f) => known.test(f));

  const startIso = fromZonedInput(start, timeZone);
  const endIso = fromZonedInput(end, timeZone);
  const local = {
    title: touched && !title.trim() ? 'Give the event a title.' : undefined,
    startsAt: touched && !startIso ? 'Choose a start date and time.' : undefined,
    endsAt: !touched ? undefined : !endIso ? 'Choose an end date and time.' : startIso && endIso <= startIso ? 'The end must be after the start.' : undefined,
    capacity: touched && capacity && !(Number(capacity) >= 1) ? 'Enter a number of seats, or leave it empty for unlimited.' : undefined,
    joinUrl: touched && joinUrl.trim() && !isHttps(joinUrl) ? 'Use a full https:// link.' : undefined,
    recordingUrl: touched && recordingUrl.trim() && !isHttps(recordingUrl) ? 'Use a full https:// link.' : undefined,
    communityId: touched && !canUseOrgCalendar && !communityId ? 'Choose the community whose calendar holds it.' : undefined,
  };
  const guestError = (i: number) => (touched && !guests[i].name.trim() ? 'Enter a name, or remove this speaker.' : fe[`guestSpeakers.${i}.name`]);
  const linkError = (i: number, f: 'title' | 'url') => {
    const l = links[i];
    if (touched && !l.resourceId && f === 'title' && !l.title.trim()) return 'Give the link a title.';
    if (touched && !l.resourceId && f === 'url' && !isHttps(l.url)) return 'Use a full https:// link.';
    return fe[`resources.${i}.${f}`] ?? (f === 'url' ? fe[`resources.${i}`] : undefined);
  };

  const zones = useMemo(() => {
    const at = startIso ? Date.parse(startIso) : Date.now();
    const list = allZones();
    const mine = browserZone();
    const ordered = [...new Set([timeZone, mine, ...list])];
    return ordered.map((z) => ({ id: z, label: `${z.replace(/_/g, ' ')} (${gmtLabel(z, at)})${z === mine ? ' · your zone' : ''}` }));
  }, [startIso, timeZone]);

  const preview = startIso && endIso && endIso > startIso && timeZone !== browserZone() ? eventWhen({ startsAt: startIso, endsAt: endIso, timeZone }).local : null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    const bad =
      !title.trim() ||
      !startIso ||
      !endIso ||
      endIso <= startIso ||
      (capacity && !(Number(capacity) >= 1)) ||
      (joinUrl.trim() && !isHttps(joinUrl)) ||
      (recordingUrl.trim() && !isHttps(recordingUrl)) ||
      (!canUseOrgCalendar && !communityId) ||
      guests.some((g) => !g.name.trim()) ||
      links.some((l) => !l.resourceId && (!l.title.trim() || !isHttps(l.url)));
    if (bad || saving) {
      requestAnimationFrame(() => document.querySelector<HTMLElement>('.event-form [aria-invalid="true"]')?.focus());
      return;
    }
    onSave({
      title: title.trim(),
      kind,
      description: description.trim(),
      startsAt: startIso,
      endsAt: endIso,
      timeZone,
      location: location.trim() || null,
      joinUrl: joinUrl.trim() || null,
      capacity: capacity ? Math.round(Number(capacity)) : null,
      hostIds: hosts.map((h) => h.id),
      guestSpeakers: guests.map((g) => ({ name: g.name.trim(), title: g.title?.trim() || null })),
      communityId: communityId || null,
      ...(initial
        ? {
            recordingUrl: recordingUrl.trim() || null,
            resources: links.map((l) => (l.resourceId ? { resourceId: l.resourceId } : { title: l.title.trim(), url: l.url.trim() })),
          }
        : {}),
    });
  };

  return (
    <Card>
      <form className="stack event-form" onSubmit={submit} noValidate>
        {otherError ? <Alert>{apiError.detail}</Alert> : null}
        <Field label="Title" error={local.title ?? fe.title}>
          {(p) => <Input {...p} value={title} onChange={(e) => setTitle(e.target.value)} maxLength={EVENT_LIMITS.title} autoFocus={!initial} />}
        </Field>
        <div className="form-grid">
          <Field label="Kind" error={fe.kind}>
            {(p) => (
              <Select {...p} value={kind} onChange={(e) => setKind(e.target.value as EventKind)}>
                {(Object.keys(KIND_LABEL) as EventKind[]).map((k) => (
                  <option key={k} value={k}>
                    {KIND_LABEL[k]}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field label="Calendar" error={local.communityId ?? fe.communityId} hint={communityId ? 'Only members of this community see it.' : 'Everyone in the organization sees it.'}>
            {(p) => (
              <Select {...p} value={communityId} onChange={(e) => setCommunityId(e.target.value)} disabled={!!initial}>
                {canUseOrgCalendar || initial ? <option value="">Whole organization</option> : <option value="">Choose a community…</option>}
                {communities.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
                {initial?.community && !communities.some((c) => c.id === initial.community?.id) ? <option value={initial.community.id}>{initial.community.name}</option> : null}
              </Select>
            )}
          </Field>
        </div>
        <MarkdownEditor label="Description" value={description} onChange={setDescription} maxLength={EVENT_LIMITS.description} error={fe.description} hint="What people will learn and how to prepare. Markdown; check it under Preview." rows={6} />

        <fieldset className="fieldset stack-sm">
          <legend>When</legend>
          <div className="form-grid event-when-grid">
            <Field label="Starts" error={local.startsAt ?? fe.startsAt}>
              {(p) => (
                <Input
                  {...p}
                  type="datetime-local"
                  value={start}
                  onChange={(e) => {
                    const next = e.target.value;
                    // Moving the start keeps the length.
                    if (start && end && next) setEnd(shiftLocal(next, localMinutes(start, end)));
                    setStart(next);
                  }}
                />
              )}
            </Field>
            <Field label="Ends" error={local.endsAt ?? fe.endsAt}>
              {(p) => <Input {...p} type="datetime-local" value={end} min={start || undefined} onChange={(e) => setEnd(e.target.value)} />}
            </Field>
            <Field label="Time zone" error={fe.timeZone} hint="The zone the times above are in.">
              {(p) => (
                <Select {...p} value={timeZone} onChange={(e) => setTimeZone(e.target.value)}>
                  {zones.map((z) => (
                    <option key={z.id} value={z.id}>
                      {z.label}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
          </div>
          {preview ? (
            <p className="muted small" data-testid="zone-preview">
              <Icon name="clock" size={15} /> In your time zone: {preview}
            </p>
          ) : null}
        </fieldset>

        <div className="form-grid">
          <Field label="Place" optional error={fe.location} hint="Room or address.">
            {(p) => <Input {...p} value={location} onChange={(e) => setLocation(e.target.value)} maxLength={EVENT_LIMITS.location} />}
          </Field>
          <Field label="Join link" optional error={local.joinUrl ?? fe.joinUrl} hint="Only people going and hosts see it.">
            {(p) => <Input {...p} type="url" inputMode="url" placeholder="https://" value={joinUrl} onChange={(e) => setJoinUrl(e.target.value)} maxLength={EVENT_LIMITS.url} />}
          </Field>
          <Field label="Seats" optional error={local.capacity ?? fe.capacity} hint="Leave empty for unlimited. Past it, people join a waitlist in order.">
            {(p) => <Input {...p} type="number" inputMode="numeric" min={1} max={EVENT_LIMITS.capacity} value={capacity} onChange={(e) => setCapacity(e.target.value)} />}
          </Field>
        </div>

        <fieldset className="fieldset stack-sm">
          <legend>Hosts and speakers</legend>
          <HostPicker chosen={hosts} onChange={setHosts} max={EVENT_LIMITS.hosts} error={fe.hostIds ?? Object.entries(fe).find(([k]) => k.startsWith('hostIds'))?.[1]} />
          {hosts.length && !hosts.some((h) => h.id === me.id) ? (
            <p className="field-hint">
              You are not among the hosts.{' '}
              <button type="button" className="events-link-btn" onClick={() => setHosts((l) => [...l, { id: me.id, name: me.name, title: me.title }])}>
                Add me as a host
              </button>
            </p>
          ) : null}
          <h3 className="subheading">Guest speakers</h3>
          {guests.length === 0 ? <p className="field-hint">Speakers from outside the organization, shown by name.</p> : null}
          <ol className="guest-list">
            {guests.map((g, i) => (
              <li key={g.key} className="guest-edit" data-guest-key={g.key}>
                <Field label={`Speaker ${i + 1} name`} error={guestError(i)}>
                  {(p) => <Input {...p} value={g.name} maxLength={120} onChange={(e) => setGuests((l) => l.map((x) => (x.key === g.key ? { ...x, name: e.target.value } : x)))} />}
                </Field>
                <Field label="Title or affiliation" optional error={fe[`guestSpeakers.${i}.title`]}>
                  {(p) => <Input {...p} value={g.title ?? ''} maxLength={160} onChange={(e) => setGuests((l) => l.map((x) => (x.key === g.key ? { ...x, title: e.target.value } : x)))} />}
                </Field>
                <button
                  type="button"
                  className="icon-btn icon-btn-danger"
                  aria-label={`Remove speaker ${i + 1}${g.name ? ` (${g.name})` : ''}`}
                  onClick={() => {
                    setGuests((l) => l.filter((x) => x.key !== g.key));
                    requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-add-guest]')?.focus());
                  }}
                >
                  <Icon name="trash" size={18} />
                </button>
              </li>
            ))}
          </ol>
          <div>
            <Button
              variant="secondary"
              size="sm"
              data-add-guest
              disabled={guests.length >= EVENT_LIMITS.guestSpeakers}
              onClick={() => {
                const key = newKey();
                setGuests((l) => [...l, { key, name: '', title: null }]);
                requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-guest-key="${key}"] input`)?.focus());
              }}
            >
              <Icon name="plus" size={16} /> Add guest speaker
            </Button>
          </div>
        </fieldset>

        {initial ? (
          <fieldset className="fieldset stack-sm" id="after">
            <legend>Afterwards</legend>
            <Field label="Recording link" optional error={local.recordingUrl ?? fe.recordingUrl}>
              {(p) => <Input {...p} type="url" inputMode="url" placeholder="https://" value={recordingUrl} onChange={(e) => setRecordingUrl(e.target.value)} maxLength={EVENT_LIMITS.url} />}
            </Field>
            <h3 className="subheading">Slides and links</h3>
            <ol className="guest-list">
              {links.map((l, i) => (
                <li key={l.key} className="guest-edit" data-link-key={l.key}>
                  {l.resourceId ? (
                    <p className="link-resource">
                      <Icon name="file" size={16} /> <Link href={`/resources/${l.resourceId}`}>{l.title}</Link> <span className="muted small">(from the library)</span>
                    </p>
                  ) : (
                    <>
                      <Field label={`Link ${i + 1} title`} error={linkError(i, 'title')}>
                        {(p) => <Input {...p} value={l.title} maxLength={160} onChange={(e) => setLinks((x) => x.map((y) => (y.key === l.key ? { ...y, title: e.target.value } : y)))} />}
                      </Field>
                      <Field label="URL" error={linkError(i, 'url')}>
                        {(p) => <Input {...p} type="url" placeholder="https://" value={l.url} maxLength={EVENT_LIMITS.url} onChange={(e) => setLinks((x) => x.map((y) => (y.key === l.key ? { ...y, url: e.target.value } : y)))} />}
                      </Field>
                    </>
                  )}
                  <button type="button" className="icon-btn icon-btn-danger" aria-label={`Remove ${l.title || `link ${i + 1}`}`} onClick={() => setLinks((x) => x.filter((y) => y.key !== l.key))}>
                    <Icon name="trash" size={18} />
                  </button>
                </li>
              ))}
            </ol>
            <div>
              <Button
                variant="secondary"
                size="sm"
                disabled={links.length >= EVENT_LIMITS.resources}
                onClick={() => {
                  const key = newKey();
                  setLinks((x) => [...x, { key, title: '', url: '' }]);
                  requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-link-key="${key}"] input`)?.focus());
                }}
              >
                <Icon name="plus" size={16} /> Add a link
              </Button>
            </div>
          </fieldset>
        ) : null}

        <div className="form-actions">
          <Link href={cancelHref} className="btn btn-ghost">
            Cancel
          </Link>
          <Button type="submit" loading={saving}>
            {submitLabel}
          </Button>
        </div>
      </form>
    </Card>
  );
}
