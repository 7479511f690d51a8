import { LIVE_LIMITS, type PollType, type Segment, type SegmentInput, type SegmentKind } from '../../../../../contracts/index.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Field } from '../../../components/ui/field.tsx';
import { Icon } from '../../../components/ui/icon.tsx';
import { Input } from '../../../components/ui/input.tsx';
import { Select } from '../../../components/ui/select.tsx';
import { Textarea } from '../../../components/ui/textarea.tsx';
import { KIND_ORDER, KindIcon, KINDS } from './segment-kinds.tsx';

/** A segment being edited; `locked` ones (done or running) are shown but cannot change. */
export type DraftSegment = {
  key: string;
  id?: string;
  kind: SegmentKind;
  title: string;
  prompt: string;
  minutes: string;
  meetingUrl: string;
  groupSize: 3 | 4;
  question: string;
  pollType: PollType;
  options: string[];
  scale: string;
  locked: boolean;
  status?: Segment['status'];
};

let counter = 0;
export const draftKey = () => `seg-${Date.now()}-${++counter}`;

const DEFAULT_TITLES: Record<SegmentKind, string> = {
  plenary: 'Welcome',
  icebreaker: 'Icebreaker',
  poll: 'Quick poll',
  chat: 'Open chat',
  groups: 'Small-group discussion',
  pairs: 'Learning partners',
  reflection: 'Reflection',
  debrief: 'Debrief',
};
const DEFAULT_MINUTES: Record<SegmentKind, number> = { plenary: 10, icebreaker: 10, poll: 5, chat: 5, groups: 20, pairs: 15, reflection: 5, debrief: 10 };

/** A fresh segment of a kind with sensible defaults. */
export function newDraft(kind: SegmentKind): DraftSegment {
  return { key: draftKey(), kind, title: DEFAULT_TITLES[kind], prompt: '', minutes: String(DEFAULT_MINUTES[kind]), meetingUrl: '', groupSize: kind === 'icebreaker' ? 3 : 4, question: '', pollType: 'single', options: ['', ''], scale: '5', locked: false };
}

/** The server's segment as an editable draft. */
export function toDraft(s: Segment, live: boolean): DraftSegment {
  const c = s.config;
  return {
    key: s.id,
    id: s.id,
    kind: s.kind,
    title: s.title,
    prompt: s.prompt,
    minutes: String(s.durationMinutes),
    meetingUrl: c.meetingUrl ?? '',
    groupSize: c.groupSize ?? (s.kind === 'icebreaker' ? 3 : 4),
    question: c.question ?? '',
    pollType: c.type ?? 'single',
    options: c.options?.length ? c.options : ['', ''],
    scale: String(c.scale ?? 5),
    locked: live && s.status !== 'pending',
    status: s.status,
  };
}

/** The draft as the API takes it (only the settings of its kind). */
export function toInput(d: DraftSegment): SegmentInput {
  const config: SegmentInput['config'] = {};
  if (d.kind === 'plenary' && d.meetingUrl.trim()) config.meetingUrl = d.meetingUrl.trim();
  if (d.kind === 'icebreaker' || d.kind === 'groups') config.groupSize = d.groupSize;
  if (d.kind === 'poll') {
    config.question = d.question.trim();
    config.type = d.pollType;
    if (d.pollType === 'single' || d.pollType === 'multiple') config.options = d.options.map((o) => o.trim()).filter(Boolean);
    if (d.pollType === 'rating') config.scale = Number(d.scale) || 5;
  }
  return { ...(d.id ? { id: d.id } : {}), kind: d.kind, title: d.title.trim(), prompt: d.prompt.trim(), durationMinutes: Math.round(Number(d.minutes)) || 0, config };
}

/** Checks a draft before sending, with the same limits the server applies. */
export function localErrors(d: DraftSegment): Record<string, string> {
  const e: Record<string, string> = {};
  if (!d.title.trim()) e.title = 'Give the segment a title.';
  const m = Number(d.minutes);
  if (!Number.isInteger(m) || m < LIVE_LIMITS.durationMinutes.min || m > LIVE_LIMITS.durationMinutes.max) e.durationMinutes = `Between ${LIVE_LIMITS.durationMinutes.min} and ${LIVE_LIMITS.durationMinutes.max} minutes.`;
  if (d.kind === 'plenary' && d.meetingUrl.trim() && !/^https:\/\/\S+$/.test(d.meetingUrl.trim())) e['config.meetingUrl'] = 'Use an https:// link.';
  if (d.kind === 'poll') {
    if (!d.question.trim()) e['config.question'] = 'A poll needs a question.';
    if ((d.pollType === 'single' || d.pollType === 'multiple') && d.options.filter((o) => o.trim()).length < LIVE_LIMITS.pollOptions.min)
      e['config.options'] = `Give ${LIVE_LIMITS.pollOptions.min} to ${LIVE_LIMITS.pollOptions.max} options.`;
  }
  return e;
}

type RowProps = {
  d: DraftSegment;
  index: number;
  count: number;
  errors: Record<string, string>;
  onChange: (patch: Partial<DraftSegment>) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
  canMoveUp: boolean;
};

/** One segment: kind, title, minutes, prompt and the settings of its kind; buttons move or remove it. */
export function SegmentRow({ d, index, count, errors, onChange, onMove, onRemove, canMoveUp }: RowProps) {
  const name = d.title.trim() || KINDS[d.kind].label;
  if (d.locked)
    return (
      <li className="seg-row seg-locked" data-status={d.status}>
        <span className="seg-number" aria-hidden="true">
          {index + 1}
        </span>
        <KindIcon kind={d.kind} />
        <div className="seg-locked-text">
          <strong>{d.title}</strong>
          <span className="small muted">
            {KINDS[d.kind].label} · {d.minutes} min · {d.status === 'active' ? 'running now' : 'done'} — can no longer change
          </span>
        </div>
      </li>
    );
  const err = (f: string) => errors[f];
  return (
    <li className="seg-row" data-kind={d.kind}>
      <div className="seg-top">
        <span className="seg-number" aria-hidden="true">
          {index + 1}
        </span>
        <KindIcon kind={d.kind} />
        <div className="seg-kind">
          <Field label={<span className="visually-hidden">Segment {index + 1} kind</span>}>
            {(p) => (
              <Select {...p} value={d.kind} onChange={(e) => onChange({ kind: e.target.value as SegmentKind })}>
                {KIND_ORDER.map((k) => (
                  <option key={k} value={k}>
                    {KINDS[k].label}
                  </option>
                ))}
              </Select>
            )}
          </Field>
        </div>
        <div className="seg-tools" role="group" aria-label={`Move or remove ${name}`}>
          <button type="button" className="icon-btn" aria-label={`Move ${name} up`} disabled={!canMoveUp} onClick={() => onMove(-1)}>
            <Icon name="arrowUp" size={18} />
          </button>
          <button type="button" className="icon-btn" aria-label={`Move ${name} down`} disabled={index === count - 1} onClick={() => onMove(1)}>
            <Icon name="arrowDown" size={18} />
          </button>
          <button type="button" className="icon-btn" aria-label={`Remove ${name}`} onClick={onRemove} disabled={count <= 1}>
            <Icon name="trash" size={18} />
          </button>
        </div>
      </div>
      <div className="seg-fields">
        <div className="seg-title-field">
          <Field label={`Segment ${index + 1} title`} error={err('title')}>
            {(p) => <Input {...p} value={d.title} maxLength={LIVE_LIMITS.segmentTitle} onChange={(e) => onChange({ title: e.target.value })} />}
          </Field>
        </div>
        <div className="seg-minutes-field">
          <Field label="Minutes" error={err('durationMinutes')}>
            {(p) => <Input {...p} type="number" inputMode="numeric" min={1} max={LIVE_LIMITS.durationMinutes.max} value={d.minutes} onChange={(e) => onChange({ minutes: e.target.value })} />}
          </Field>
        </div>
        <div className="seg-prompt-field">
          <Field label="Prompt" optional error={err('prompt')} hint={KINDS[d.kind].hint}>
            {(p) => <Textarea {...p} rows={2} value={d.prompt} maxLength={LIVE_LIMITS.prompt} onChange={(e) => onChange({ prompt: e.target.value })} />}
          </Field>
        </div>
        {d.kind === 'plenary' ? (
          <div className="seg-config">
            <Field label="External meeting link" optional error={err('config.meetingUrl')} hint="Leave empty to use the built-in room.">
              {(p) => <Input {...p} type="url" inputMode="url" placeholder="https://" value={d.meetingUrl} onChange={(e) => onChange({ meetingUrl: e.target.value })} />}
            </Field>
          </div>
        ) : null}
        {d.kind === 'icebreaker' || d.kind === 'groups' ? (
          <div className="seg-config">
            <Field label="People per group" error={err('config.groupSize')} hint="Groups form among the people present; new colleagues each round.">
              {(p) => (
                <Select {...p} value={d.groupSize} onChange={(e) => onChange({ groupSize: Number(e.target.value) as 3 | 4 })}>
                  <option value={3}>3 people</option>
                  <option value={4}>4 people</option>
                </Select>
              )}
            </Field>
          </div>
        ) : null}
        {d.kind === 'poll' ? (
          <div className="seg-config seg-poll">
            <Field label="Question" error={err('config.question')}>
              {(p) => <Input {...p} value={d.question} maxLength={LIVE_LIMITS.pollQuestion} onChange={(e) => onChange({ question: e.target.value })} />}
            </Field>
            <Field label="Poll type" error={err('config.type')}>
              {(p) => (
                <Select {...p} value={d.pollType} onChange={(e) => onChange({ pollType: e.target.value as PollType })}>
                  <option value="single">Single choice</option>
                  <option value="multiple">Multiple choice</option>
                  <option value="rating">Rating</option>
                  <option value="wordcloud">Word cloud</option>
                </Select>
              )}
            </Field>
            {d.pollType === 'single' || d.pollType === 'multiple' ? (
              <fieldset className="seg-options">
                <legend className="field-label">Options</legend>
                {d.options.map((o, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: options are edited in place by position
                  <div key={i} className="seg-option">
                    <Input aria-label={`Option ${i + 1}`} value={o} maxLength={LIVE_LIMITS.pollOption} aria-invalid={err('config.options') && !o.trim() ? true : undefined} onChange={(e) => onChange({ options: d.options.map((x, j) => (j === i ? e.target.value : x)) })} />
                    <button type="button" className="icon-btn" aria-label={`Remove option ${i + 1}`} disabled={d.options.length <= LIVE_LIMITS.pollOptions.min} onClick={() => onChange({ options: d.options.filter((_, j) => j !== i) })}>
                      <Icon name="x" size={16} />
                    </button>
                  </div>
                ))}
                {d.options.length < LIVE_LIMITS.pollOptions.max ? (
                  <Button size="sm" variant="ghost" onClick={() => onChange({ options: [...d.options, ''] })}>
                    <Icon name="plus" size={16} /> Add option
                  </Button>
                ) : null}
                {err('config.options') ? (
                  <span className="field-error">
                    <Icon name="alert" size={16} /> {err('config.options')}
                  </span>
                ) : null}
              </fieldset>
            ) : null}
            {d.pollType === 'rating' ? (
              <Field label="Scale up to" error={err('config.scale')}>
                {(p) => <Input {...p} type="number" min={2} max={10} value={d.scale} onChange={(e) => onChange({ scale: e.target.value })} />}
              </Field>
            ) : null}
          </div>
        ) : null}
      </div>
    </li>
  );
}

/** Applies an edit; a kind change also swaps a default title and minutes for the new kind's. */
export function applyPatch(d: DraftSegment, patch: Partial<DraftSegment>): DraftSegment {
  if (!patch.kind || patch.kind === d.kind) return { ...d, ...patch };
  const fresh = newDraft(patch.kind);
  return {
    ...d,
    ...patch,
    title: !d.title.trim() || d.title === DEFAULT_TITLES[d.kind] ? fresh.title : d.title,
    minutes: d.minutes === String(DEFAULT_MINUTES[d.kind]) ? fresh.minutes : d.minutes,
    groupSize: fresh.groupSize,
  };
}
