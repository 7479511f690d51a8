import { AppError } from './errors.ts';

const DAY = 86_400_000;

/**
 * The days (YYYY-MM-DD, inclusive, UTC) a report covers: `to` defaults to today and `from` to `defaultDays` - 1
 * days before it. The contract checks a range given in full; a default end (today) can still make one backwards or,
 * with `maxDays`, too long, so the resolved range is checked here (400 VALIDATION_FAILED on `from`).
 */
export function resolveDayRange(q: { from?: string; to?: string }, opts: { defaultDays: number; maxDays?: number; tooLong?: string }) {
  const to = q.to ?? new Date().toISOString().slice(0, 10);
  const from = q.from ?? new Date(Date.parse(`${to}T00:00:00Z`) - (opts.defaultDays - 1) * DAY).toISOString().slice(0, 10);
  const days = (Date.parse(to) - Date.parse(from)) / DAY + 1;
  if (days < 1 || (opts.maxDays !== undefined && days > opts.maxDays))
    throw new AppError('VALIDATION_FAILED', opts.tooLong ?? 'Choose a first day before the last.', { errors: [{ field: 'from', message: 'Out of range' }] });
  return { from, to, days };
}
