import { type KeyboardEvent, useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'wouter';
import type { EventSummary } from '../../../../../contracts/index.ts';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { Icon } from '../../../components/ui/icon.tsx';
import { plural } from '../../../lib/plural.ts';
import { KIND_LABEL, rsvpLabel, startTime } from '../lib/event-format.ts';
import { coveredDays, type MonthKey, monthGrid } from '../lib/month.ts';
import { localDayKey } from '../lib/zoned-time.ts';
import { AgendaItem } from './agenda-list.tsx';

const MAX_CHIPS = 3;
const weekdayLong = new Intl.DateTimeFormat(undefined, { weekday: 'long' });
const weekdayShort = new Intl.DateTimeFormat(undefined, { weekday: 'short' });
const dayLabel = new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });

/** Events by local day key, each day by start time. */
export function byDay(items: EventSummary[]): Map<string, EventSummary[]> {
  const map = new Map<string, EventSummary[]>();
  for (const e of items) for (const d of coveredDays(e.startsAt, e.endsAt)) map.set(d, [...(map.get(d) ?? []), e]);
  return map;
}

/** One event in a day cell: start time and title; colour by kind, struck through when cancelled, marked when I go. */
function EventChip({ event, day }: { event: EventSummary; day: string }) {
  const continues = localDayKey(new Date(event.startsAt)) !== day;
  const mine = rsvpLabel(event);
  // The name starts with what the chip shows (time, then title), then what only its colour and marks tell.
  const label = `${continues ? '…' : startTime(event.startsAt)} ${event.title}${continues ? ' (continues)' : ''}, ${KIND_LABEL[event.kind]}${event.status === 'cancelled' ? ', cancelled' : ''}${mine ? `, ${mine}` : ''}`;
  return (
    <Link href={`/events/${event.id}`} className={`cal-chip event-kind-${event.kind}`} data-status={event.status} data-mine={event.isHost ? 'host' : event.myRsvp?.status} aria-label={label} title={label}>
      {event.myRsvp?.status === 'going' || event.isHost ? <Icon name="check" size={12} className="cal-chip-mark" /> : event.myRsvp?.status === 'waitlisted' ? <Icon name="clock" size={12} className="cal-chip-mark" /> : null}
      <span className="cal-chip-time">{continues ? '…' : startTime(event.startsAt)}</span>{' '}
      <span className="cal-chip-title">{event.title}</span>
    </Link>
  );
}

/**
 * A month as a grid of days (whole weeks). One day button is in the tab order; arrow keys move between days,
 * Home/End to the week's ends, Page Up/Down to the previous/next month; Enter opens the day's list (with
 * "New event on this day" for people who can plan). Event chips are links.
 */
export function MonthGrid({
  month,
  items,
  now,
  onMonth,
  newEventHref,
}: {
  month: MonthKey;
  items: EventSummary[];
  now: number;
  onMonth: (m: MonthKey, focusDay?: string) => void;
  newEventHref?: (day: string) => string;
}) {
  const grid = useMemo(() => monthGrid(month), [month]);
  const days = useMemo(() => byDay(items), [items]);
  const today = localDayKey(new Date(now));
  const inMonth = (d: Date) => d.getMonth() === grid.first.getMonth();
  const allDays = grid.weeks.flat();
  const defaultFocus = allDays.find((d) => localDayKey(d) === today && inMonth(d)) ?? grid.first;
  const defaultKey = localDayKey(defaultFocus);
  const [focusDay, setFocusDay] = useState(defaultKey);
  const [openDay, setOpenDay] = useState<string | null>(null);
  const table = useRef<HTMLTableElement>(null);
  const wantFocus = useRef(false);

  // A new month: keep the focused day when it is in it (keyboard paging), else today or the 1st.
  useEffect(() => {
    setFocusDay((d) => (d.slice(0, 7) === month ? d : defaultKey));
  }, [month, defaultKey]);
  // After a key press, focus follows the day once the grid shows its month (paging re-renders with the new month).
  useEffect(() => {
    if (!wantFocus.current || focusDay.slice(0, 7) !== month) return;
    const el = table.current?.querySelector<HTMLButtonElement>(`[data-day="${focusDay}"]`);
    if (!el) return;
    wantFocus.current = false;
    el.focus();
  });

  const move = (from: string, deltaDays: number) => {
    const [y, m, d] = from.split('-').map(Number);
    const next = localDayKey(new Date(y, m - 1, d + deltaDays));
    wantFocus.current = true;
    setFocusDay(next);
    if (next.slice(0, 7) !== month) onMonth(next.slice(0, 7), next);
  };
  const onKey = (e: KeyboardEvent<HTMLButtonElement>, day: string) => {
    const [y, m, d] = day.split('-').map(Number);
    const date = new Date(y, m - 1, d);
    const col = grid.weeks[0].findIndex((x) => x.getDay() === date.getDay());
    const keys: Record<string, () => void> = {
      ArrowLeft: () => move(day, -1),
      ArrowRight: () => move(day, 1),
      ArrowUp: () => move(day, -7),
      ArrowDown: () => move(day, 7),
      Home: () => move(day, -col),
      End: () => move(day, 6 - col),
      PageUp: () => {
        const target = new Date(y, m - 2, Math.min(d, new Date(y, m - 1, 0).getDate()));
        move(day, Math.round((target.getTime() - date.getTime()) / 86_400_000));
      },
      PageDown: () => {
        const target = new Date(y, m, Math.min(d, new Date(y, m + 1, 0).getDate()));
        move(day, Math.round((target.getTime() - date.getTime()) / 86_400_000));
      },
    };
    const fn = keys[e.key];
    if (fn) {
      e.preventDefault();
      fn();
    }
  };

  const openEvents = openDay ? (days.get(openDay) ?? []) : [];
  const openDate = openDay ? new Date(Number(openDay.slice(0, 4)), Number(openDay.slice(5, 7)) - 1, Number(openDay.slice(8, 10))) : null;

  return (
    <>
      <table className="cal" ref={table} aria-labelledby="cal-month-title">
        <thead>
          <tr>
            {grid.weeks[0].map((d) => (
              <th key={d.getDay()} scope="col" abbr={weekdayLong.format(d)}>
                {weekdayShort.format(d)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {grid.weeks.map((week) => (
            <tr key={localDayKey(week[0])}>
              {week.map((d) => {
                const key = localDayKey(d);
                const list = days.get(key) ?? [];
                const shown = list.length > MAX_CHIPS ? list.slice(0, MAX_CHIPS - 1) : list;
                const isToday = key === today;
                return (
                  <td key={key} className="cal-cell" data-outside={!inMonth(d) || undefined} data-today={isToday || undefined} data-past={key < today || undefined}>
                    <button
                      type="button"
                      className="cal-day"
                      data-day={key}
                      tabIndex={key === focusDay ? 0 : -1}
                      aria-current={isToday ? 'date' : undefined}
                      aria-label={`${dayLabel.format(d)}${isToday ? ', today' : ''}, ${list.length ? plural(list.length, 'event') : 'no events'}`}
                      onKeyDown={(e) => onKey(e, key)}
                      onFocus={() => setFocusDay(key)}
                      onClick={() => setOpenDay(key)}
                    >
                      {d.getDate()}
                    </button>
                    {shown.length ? (
                      <ul className="cal-chips">
                        {shown.map((e) => (
                          <li key={e.id}>
                            <EventChip event={e} day={key} />
                          </li>
                        ))}
                      </ul>
                    ) : null}
                    {list.length > shown.length ? (
                      <button type="button" className="cal-more" onClick={() => setOpenDay(key)}>
                        +{list.length - shown.length} more
                      </button>
                    ) : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <Dialog open={!!openDay} onClose={() => setOpenDay(null)} title={openDate ? dayLabel.format(openDate) : ''}>
        {openEvents.length ? (
          <ul className="agenda-items">
            {openEvents.map((e) => (
              <AgendaItem key={e.id} event={e} now={now} />
            ))}
          </ul>
        ) : (
          <p className="muted">Nothing is planned on this day.</p>
        )}
        {newEventHref && openDay && openDay >= today ? (
          <Link href={newEventHref(openDay)} className="btn btn-primary" style={{ marginTop: 'var(--space-4)' }}>
            <Icon name="plus" size={18} /> New event on this day
          </Link>
        ) : null}
      </Dialog>
    </>
  );
}
