import { type FormEvent, useState } from 'react';
import { LIVE_LIMITS, type PollResults, type PollView } from '../../../../../contracts/index.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Icon } from '../../../components/ui/icon.tsx';
import { ApiError } from '../../../lib/api-error.ts';
import { plural } from '../../../lib/plural.ts';

/** Counted, anonymous results: bars for choices and ratings, sized words for a word cloud. Every figure is in text. */
export function PollResultsView({ results, question, scale }: { results: PollResults; question: string; scale?: number | null }) {
  const voters = plural(results.voters, 'vote');
  if (results.type === 'wordcloud') {
    const max = Math.max(1, ...results.words.map((w) => w.count));
    return (
      <figure className="poll-results" aria-label={`Results: ${question}`}>
        <figcaption className="poll-results-caption">{voters}</figcaption>
        {results.words.length ? (
          <ul className="word-cloud">
            {results.words.map((w) => (
              <li key={w.word} style={{ fontSize: `${0.9 + (w.count / max) * 1.3}rem` }} data-weight={Math.ceil((w.count / max) * 3)}>
                {w.word}
                <span className="visually-hidden">: {plural(w.count, 'mention')}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">No words yet.</p>
        )}
      </figure>
    );
  }
  const rows =
    results.type === 'rating'
      ? Array.from({ length: scale ?? results.histogram.length }, (_, i) => ({ label: String(i + 1), count: results.histogram.find((h) => h.value === i + 1)?.count ?? 0 }))
      : results.options;
  const max = Math.max(1, ...rows.map((r) => r.count));
  const total = Math.max(1, results.voters);
  return (
    <figure className="poll-results" aria-label={`Results: ${question}`}>
      <figcaption className="poll-results-caption">
        {voters}
        {results.type === 'rating' && results.mean !== null ? ` · average ${results.mean.toLocaleString(undefined, { maximumFractionDigits: 1 })} of ${scale ?? rows.length}` : ''}
        {results.type === 'multiple' ? ' · several answers allowed' : ''}
      </figcaption>
      <ul className="poll-bars">
        {rows.map((r) => (
          <li key={r.label} className="poll-bar-row">
            <span className="poll-bar-label">{r.label}</span>
            <span className="poll-bar-track" aria-hidden="true">
              <span className="poll-bar" style={{ width: `${(r.count / max) * 100}%` }} />
            </span>
            <span className="poll-bar-value">
              {r.count}
              <span className="muted"> · {Math.round((r.count / total) * 100)}%</span>
            </span>
          </li>
        ))}
      </ul>
    </figure>
  );
}

/**
 * A poll as a participant sees it: the question and a vote form of its type; after voting (or once the poll closed)
 * the results. Votes are anonymous and final, and the form says so.
 */
export function PollPanel({ poll, onVote, voting, error }: { poll: PollView; onVote: (v: { choices?: number[]; rating?: number; words?: string[] }) => void; voting: boolean; error: unknown }) {
  const [choices, setChoices] = useState<number[]>([]);
  const [rating, setRating] = useState<number | null>(null);
  const [words, setWords] = useState(['', '', '']);
  const voted = poll.myVote !== null;
  const scale = poll.scale ?? 5;
  const err = error instanceof ApiError ? error : null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (poll.type === 'single' || poll.type === 'multiple') onVote({ choices });
    else if (poll.type === 'rating' && rating) onVote({ rating });
    else if (poll.type === 'wordcloud') onVote({ words: words.map((w) => w.trim()).filter(Boolean) });
  };
  const ready =
    poll.type === 'rating' ? rating !== null : poll.type === 'wordcloud' ? words.some((w) => w.trim()) : choices.length > 0;

  return (
    <div className="poll">
      <h3 className="poll-question">{poll.question}</h3>
      {voted ? (
        <p className="poll-voted">
          <Icon name="checkCircle" size={18} /> Thanks, your vote is in{describeVote(poll)}.
        </p>
      ) : null}
      {!voted && poll.open ? (
        <form onSubmit={submit} className="stack-sm">
          {poll.type === 'single' || poll.type === 'multiple' ? (
            <fieldset className="poll-options">
              <legend className="visually-hidden">{poll.type === 'single' ? 'Choose one answer' : 'Choose one or more answers'}</legend>
              <p className="field-hint">{poll.type === 'single' ? 'Choose one.' : 'Choose all that apply.'}</p>
              {poll.options.map((o, i) => (
                <label key={o} className="poll-option">
                  <input
                    type={poll.type === 'single' ? 'radio' : 'checkbox'}
                    name="poll-choice"
                    checked={choices.includes(i)}
                    onChange={(e) => setChoices(poll.type === 'single' ? [i] : e.target.checked ? [...choices, i].sort() : choices.filter((c) => c !== i))}
                  />
                  <span>{o}</span>
                </label>
              ))}
            </fieldset>
          ) : null}
          {poll.type === 'rating' ? (
            <fieldset className="poll-rating">
              <legend className="field-hint">
                From 1 (not at all) to {scale} (very much)
              </legend>
              <div className="rating-row">
                {Array.from({ length: scale }, (_, i) => i + 1).map((v) => (
                  <label key={v} className="rating-pill" data-on={rating === v || undefined}>
                    <input type="radio" name="poll-rating" value={v} checked={rating === v} onChange={() => setRating(v)} />
                    <span>{v}</span>
                  </label>
                ))}
              </div>
            </fieldset>
          ) : null}
          {poll.type === 'wordcloud' ? (
            <fieldset className="poll-words">
              <legend className="field-hint">Up to {LIVE_LIMITS.words} words or short phrases</legend>
              {words.map((w, i) => (
                <input
                  // biome-ignore lint/suspicious/noArrayIndexKey: three fixed inputs
                  key={i}
                  className="input"
                  aria-label={`Word ${i + 1}`}
                  value={w}
                  maxLength={LIVE_LIMITS.wordLength}
                  onChange={(e) => setWords(words.map((x, j) => (j === i ? e.target.value : x)))}
                />
              ))}
            </fieldset>
          ) : null}
          {err ? <Alert>{err.code === 'ALREADY_VOTED' ? 'You already voted in this poll.' : err.code === 'POLL_CLOSED' ? 'This poll has closed.' : err.detail}</Alert> : null}
          <div className="row">
            <Button type="submit" disabled={!ready} loading={voting}>
              Vote
            </Button>
            <span className="field-hint">Anonymous. You can vote once.</span>
          </div>
        </form>
      ) : null}
      {!voted && !poll.open ? <p className="muted">This poll has closed.</p> : null}
      {poll.results ? <PollResultsView results={poll.results} question={poll.question} scale={poll.scale} /> : !voted && poll.open ? <p className="field-hint">Results appear after you vote.</p> : null}
    </div>
  );
}

function describeVote(poll: PollView): string {
  const v = poll.myVote;
  if (!v) return '';
  if (v.choices?.length) return `: ${v.choices.map((c) => poll.options[c]).filter(Boolean).join(', ')}`;
  if (v.rating) return `: ${v.rating} of ${poll.scale ?? 5}`;
  if (v.words?.length) return `: ${v.words.join(', ')}`;
  return '';
}
