/** Today's date in the person's time zone, as YYYY-MM-DD. */
export function todayIso(now = new Date()): string {
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${now.getFullYear()}-${m}-${d}`;
}

/** A YYYY-MM-DD date in words ("Mar 4, 2025"), without time-zone shifts. */
export function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1));
}

/** overdue (past and not done), today, or upcoming. */
export function dueState(dueDate: string, done: boolean, today = todayIso()): 'overdue' | 'today' | 'upcoming' | 'done' {
  if (done) return 'done';
  if (dueDate < today) return 'overdue';
  return dueDate === today ? 'today' : 'upcoming';
}
