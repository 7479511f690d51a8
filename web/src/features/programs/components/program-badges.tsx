import type { ProgramSummary } from '../../../../../contracts/index.ts';
import { Icon } from '../../../components/ui/icon.tsx';

const STATUS: Record<ProgramSummary['status'], { label: string; className: string }> = {
  draft: { label: 'Draft', className: 'badge badge-draft' },
  open: { label: 'Open for enrolment', className: 'badge badge-moss' },
  running: { label: 'Running', className: 'badge badge-sky' },
  closed: { label: 'Closed', className: 'badge program-badge-closed' },
};

/** The program's state, and the viewer's enrolment (enrolled, or their place on the waitlist). */
export function ProgramBadges({ program }: { program: ProgramSummary }) {
  const s = STATUS[program.status];
  const mine = program.myEnrollment;
  return (
    <span className="pathway-badges">
      <span className={s.className}>{s.label}</span>
      {mine?.status === 'enrolled' ? (
        <span className="badge badge-ember">
          <Icon name="check" size={13} />
          Enrolled
        </span>
      ) : null}
      {mine?.status === 'waitlisted' ? <span className="badge chip-amber">Waitlist · #{mine.waitlistPosition ?? '?'}</span> : null}
    </span>
  );
}

/** "4 seats left", "Full", or "Unlimited seats". */
export function seatsText(p: Pick<ProgramSummary, 'capacity' | 'enrolledCount'>): string {
  if (p.capacity === null) return 'Unlimited seats';
  const left = Math.max(0, p.capacity - p.enrolledCount);
  return left === 0 ? 'Full' : `${left} of ${p.capacity} seats left`;
}

/** A day such as "3 Feb 2027" (the date as written, not shifted by time zone). */
export function formatDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, d));
}

/** "3 Feb – 28 Apr 2027", or null when no dates are set. */
export function formatDays(startsOn: string | null, endsOn: string | null): string | null {
  if (startsOn && endsOn) return `${formatDay(startsOn)} – ${formatDay(endsOn)}`;
  if (startsOn) return `From ${formatDay(startsOn)}`;
  if (endsOn) return `Until ${formatDay(endsOn)}`;
  return null;
}
