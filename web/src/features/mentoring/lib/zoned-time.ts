/** The browser's own IANA time zone. */
export const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** A usable IANA zone: the given one if the browser knows it, else the browser's own. */
export function usableZone(zone: string | null | undefined): string {
  if (!zone) return browserZone();
  try {
    new Intl.DateTimeFormat(undefined, { timeZone: zone });
    return zone;
  } catch {
    return browserZone();
  }
}

/** Offset of `zone` from UTC at instant `ms`, in milliseconds (positive east of Greenwich). */
function offsetAt(ms: number, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' }).formatToParts(new Date(ms));
  const n = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  const asUtc = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour') % 24, n('minute'), n('second'));
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/** The instant of wall-clock `date` (YYYY-MM-DD) and `time` (HH:MM) in `zone`, as an ISO string in UTC; null when malformed. */
export function zonedToIso(date: string, time: string, zone: string): string | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) return null;
  const wall = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]));
  // Two passes settle the offset around daylight-saving changes.
  let ms = wall - offsetAt(wall, zone);
  ms = wall - offsetAt(ms, zone);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** "Tue 12 Jun 2030, 10:00" in `zone`. */
export function formatInZone(iso: string, zone: string, opts: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: 'numeric', minute: '2-digit' }): string {
  return new Intl.DateTimeFormat(undefined, { ...opts, timeZone: zone }).format(new Date(iso));
}

/** Just the time of day in `zone` ("10:00"). */
export const timeInZone = (iso: string, zone: string) => formatInZone(iso, zone, { hour: 'numeric', minute: '2-digit' });

/** A short zone name for labels: "London" from Europe/London. */
export const zoneCity = (zone: string) => zone.split('/').pop()?.replace(/_/g, ' ') ?? zone;

/** Today's date in `zone` as YYYY-MM-DD (for date input minimums and defaults). */
export function todayInZone(zone: string, plusDays = 0): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date(Date.now() + plusDays * 86_400_000));
  const v = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${v('year')}-${v('month')}-${v('day')}`;
}
