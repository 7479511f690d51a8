import { localDayKey } from './zoned-time.ts';

/** A month as "YYYY-MM". */
export type MonthKey = string;

const pad = (n: number) => String(n).padStart(2, '0');

/** This month's key in the browser's zone. */
export const thisMonth = (now = new Date()): MonthKey => `${now.getFullYear()}-${pad(now.getMonth() + 1)}`;

/** A valid month key from the address, or null. */
export function parseMonth(v: string | null): MonthKey | null {
  if (!v || !/^\d{4}-(0[1-9]|1[0-2])$/.test(v)) return null;
  const y = Number(v.slice(0, 4));
  return y >= 1970 && y <= 2200 ? v : null;
}

/** The month `delta` months away. */
export function addMonths(m: MonthKey, delta: number): MonthKey {
  const d = new Date(Number(m.slice(0, 4)), Number(m.slice(5, 7)) - 1 + delta, 1);
  return thisMonth(d);
}

/** The first day of the week for the browser's locale: 1 = Monday … 7 = Sunday. */
export function firstDayOfWeek(): number {
  try {
    const loc = new Intl.Locale(navigator.language) as Intl.Locale & { getWeekInfo?: () => { firstDay: number }; weekInfo?: { firstDay: number } };
    const info = loc.getWeekInfo?.() ?? loc.weekInfo;
    if (info?.firstDay) return info.firstDay;
  } catch {
    /* default below */
  }
  return 1;
}

/** The weeks shown for a month (whole weeks, local midnight dates), and the range to ask the server for. */
export function monthGrid(m: MonthKey, weekStart = firstDayOfWeek()) {
  const first = new Date(Number(m.slice(0, 4)), Number(m.slice(5, 7)) - 1, 1);
  const jsStart = weekStart % 7; // JS: 0 = Sunday
  const lead = (first.getDay() - jsStart + 7) % 7;
  const start = new Date(first.getFullYear(), first.getMonth(), 1 - lead);
  const daysInMonth = new Date(first.getFullYear(), first.getMonth() + 1, 0).getDate();
  const weeksCount = Math.ceil((lead + daysInMonth) / 7);
  const weeks: Date[][] = [];
  for (let w = 0; w < weeksCount; w++) {
    const week: Date[] = [];
    for (let d = 0; d < 7; d++) week.push(new Date(start.getFullYear(), start.getMonth(), start.getDate() + w * 7 + d));
    weeks.push(week);
  }
  const end = new Date(start.getFullYear(), start.getMonth(), start.getDate() + weeksCount * 7);
  return { weeks, from: start.toISOString(), to: end.toISOString(), first, monthStart: first.toISOString(), monthEnd: new Date(first.getFullYear(), first.getMonth() + 1, 1).toISOString() };
}

/** Every local day key an event covers (at most 42, enough for a month grid). */
export function coveredDays(startsAt: string, endsAt: string): string[] {
  const s = new Date(startsAt);
  const e = new Date(Date.parse(endsAt) - 1);
  const out: string[] = [];
  const d = new Date(s.getFullYear(), s.getMonth(), s.getDate());
  while (d <= e && out.length < 42) {
    out.push(localDayKey(d));
    d.setDate(d.getDate() + 1);
  }
  return out.length ? out : [localDayKey(s)];
}

/** The month a local day key is in. */
export const monthOfDay = (day: string): MonthKey => day.slice(0, 7);
