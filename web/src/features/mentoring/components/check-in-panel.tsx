import { type FormEvent, useId, useState } from 'react';
import { MENTORING_LIMITS, type PersonRef, type RatingPoint, type RelationshipDetail } from '../../../../../contracts/index.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { Field } from '../../../components/ui/field.tsx';
import { Textarea } from '../../../components/ui/textarea.tsx';
import { ApiError } from '../../../lib/api-error.ts';
import { relativeTime } from '../../../lib/relative-time.ts';
import { useCheckIns } from '../api/use-mentoring.ts';
import { useRelationshipActions } from '../api/use-mentoring-actions.ts';
import { RATING_WORDS } from '../lib/labels.ts';
import { sideNames } from '../lib/partner.ts';

/** 1–5 as a row of radio buttons with words. */
export function RatingPicker({ value, onChange, legend }: { value: number | null; onChange: (v: number) => void; legend: string }) {
  const name = useId();
  return (
    <fieldset className="rating-picker">
      <legend>{legend}</legend>
      <div className="rating-options">
        {[1, 2, 3, 4, 5].map((n) => (
          <label key={n} className="rating-option" data-checked={value === n || undefined}>
            <input type="radio" name={name} value={n} checked={value === n} onChange={() => onChange(n)} />
            <span className="rating-num">{n}</span>
            <span className="rating-word">{RATING_WORDS[n]}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** Both partners' check-in ratings over time as dots (no text). */
function Trend({ points, kind }: { points: RatingPoint[]; kind: RelationshipDetail['kind'] }) {
  if (points.length === 0) return null;
  const names = sideNames(kind);
  const last = points.slice(-12);
  const w = 240;
  const h = 64;
  const x = (i: number) => (last.length === 1 ? w / 2 : 10 + (i * (w - 20)) / (last.length - 1));
  const y = (v: number) => h - 8 - ((v - 1) * (h - 16)) / 4;
  const summary = last.map((p) => `${names[p.by]} ${p.rating}`).join(', ');
  return (
    <figure className="trend">
      <svg viewBox={`0 0 ${w} ${h}`} width="100%" height={h} role="img" aria-labelledby="trend-title trend-desc">
        <title id="trend-title">Check-in ratings over time</title>
        <desc id="trend-desc">Oldest first: {summary}.</desc>
        {[1, 3, 5].map((v) => (
          <line key={v} x1={0} x2={w} y1={y(v)} y2={y(v)} className="trend-grid" />
        ))}
        {last.map((p, i) => (
          <circle key={`${p.at}-${p.by}`} cx={x(i)} cy={y(p.rating)} r={5} className={`trend-dot trend-${p.by}`} />
        ))}
      </svg>
      <figcaption className="small muted">
        <span className="legend-dot trend-mentor" /> {names.mentor} <span className="legend-dot trend-mentee" /> {names.mentee} · 1 (not working) to 5 (excellent)
      </figcaption>
    </figure>
  );
}

/** How is it going: a 1–5 rating and a note only I can read; my past check-ins; the pair's rating trend. */
export function CheckInPanel({ r, partner }: { r: RelationshipDetail; partner: PersonRef }) {
  const partnerSide = r.role === 'admin' || r.abilities.canSeeNotes === false;
  const mine = useCheckIns(r.id, !partnerSide);
  const { checkIn } = useRelationshipActions(r.id);
  const [rating, setRating] = useState<number | null>(null);
  const [text, setText] = useState('');
  const [sent, setSent] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!rating) return;
    checkIn.mutate(
      { rating, ...(text.trim() ? { text: text.trim() } : {}) },
      {
        onSuccess: () => {
          setRating(null);
          setText('');
          setSent(true);
        },
      },
    );
  };
  return (
    <Card title="Check-in" id="check-in">
      <Trend points={r.ratingTrend} kind={r.kind} />
      {r.abilities.canEdit ? (
        <form className="stack-sm" onSubmit={submit}>
          {sent ? <Alert tone="success">Thanks. {partner.name.split(' ')[0]} sees your rating in the trend, never your note.</Alert> : null}
          <RatingPicker legend="How is it going?" value={rating} onChange={(v) => { setRating(v); setSent(false); }} />
          <Field label="Note to yourself" optional hint="Only you can read this note.">
            {(p) => <Textarea {...p} rows={2} maxLength={MENTORING_LIMITS.longText} value={text} onChange={(e) => setText(e.target.value)} />}
          </Field>
          {checkIn.error ? <Alert>{checkIn.error instanceof ApiError ? checkIn.error.detail : 'Could not save the check-in.'}</Alert> : null}
          <div>
            <Button type="submit" variant="secondary" disabled={!rating} loading={checkIn.isPending}>
              Save check-in
            </Button>
          </div>
        </form>
      ) : r.ratingTrend.length === 0 ? (
        <p className="muted small">No check-ins yet.</p>
      ) : null}
      {mine.data?.items.length ? (
        <details className="my-checkins">
          <summary>Your check-ins ({mine.data.items.length})</summary>
          <ul>
            {mine.data.items.map((c) => (
              <li key={c.id}>
                <strong>
                  {c.rating} · {RATING_WORDS[c.rating]}
                </strong>{' '}
                <span className="muted small">{relativeTime(c.createdAt)}</span>
                {c.text ? <p className="small">{c.text}</p> : null}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </Card>
  );
}
