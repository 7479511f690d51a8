import { type FormEvent, useState } from 'react';
import { RESOURCE_LIMITS, type Resource } from '../../../../../contracts/index.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Field } from '../../../components/ui/field.tsx';
import { Textarea } from '../../../components/ui/textarea.tsx';
import { ApiError } from '../../../lib/api-error.ts';
import { fullTime, relativeTime } from '../../../lib/relative-time.ts';
import { useReviewResource, useWithdrawReview } from '../api/use-resource.ts';
import { StarsDisplay, StarsInput } from './star-rating.tsx';

/** The person's own rating form (not on their own resource) and everyone's reviews, newest first. */
export function ReviewSection({ resource }: { resource: Resource }) {
  const mine = resource.myReview;
  const [rating, setRating] = useState(mine?.rating ?? 0);
  const [text, setText] = useState(mine?.review ?? '');
  const [saved, setSaved] = useState(false);
  const review = useReviewResource(resource.id);
  const withdraw = useWithdrawReview(resource.id);
  const err = review.error instanceof ApiError ? review.error : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    review.mutate({ rating, review: text }, { onSuccess: () => setSaved(true) });
  };
  return (
    <section className="card stack" aria-labelledby="reviews-title">
      <div className="card-header">
        <h2 id="reviews-title" className="card-title">
          Ratings and reviews
        </h2>
        <StarsDisplay average={resource.ratingAverage} count={resource.ratingCount} size={20} />
      </div>
      {resource.abilities.canReview ? (
        <form className="stack-sm review-form" onSubmit={submit} aria-label="Your rating">
          <StarsInput value={rating} onChange={setRating} label={mine ? 'Your rating (you can change it)' : 'Rate it'} />
          <Field label="Review" optional hint="Plain text: what did you take away?" error={err?.fieldErrors.review}>
            {(p) => <Textarea {...p} rows={3} value={text} maxLength={RESOURCE_LIMITS.review} onChange={(e) => setText(e.target.value)} />}
          </Field>
          {err && !err.fieldErrors.review ? <Alert>{err.detail}</Alert> : null}
          {saved ? <Alert tone="success">Thanks — your rating is saved.</Alert> : null}
          <div className="row">
            <Button type="submit" disabled={rating === 0} loading={review.isPending}>
              {mine ? 'Update rating' : 'Save rating'}
            </Button>
            {mine ? (
              <Button variant="ghost" loading={withdraw.isPending} onClick={() => withdraw.mutate(undefined, { onSuccess: () => (setRating(0), setText(''), setSaved(false)) })}>
                Remove my rating
              </Button>
            ) : null}
          </div>
        </form>
      ) : (
        <p className="muted">You shared this resource, so others rate it.</p>
      )}
      {resource.reviews.length === 0 ? (
        <p className="muted">No reviews yet.</p>
      ) : (
        <ul className="review-list">
          {resource.reviews.map((v) => (
            <li key={v.person.id}>
              <div className="review-head">
                <strong>{v.person.name}</strong>
                <StarsDisplay average={v.rating} size={14} />
                <time className="muted" dateTime={v.updatedAt} title={fullTime(v.updatedAt)}>
                  {relativeTime(v.updatedAt)}
                </time>
              </div>
              {v.review ? <p className="review-text">{v.review}</p> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
