/** Time-zone arithmetic for planning events in one zone and showing them in another (Intl only, no tables). */

/** The browser's IANA time zone. */
export const browserZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

const partsCache = new Map<string, Intl.DateTimeFormat>();
function partsFormat(timeZone: string) {
  let f = partsCache.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    partsCache.set(timeZone, f);
  }
  return f;
}

/** The wall-clock fields of an instant in a zone. */
export function wallClock(ms: number, timeZone: string) {
  const p: Record<string, number> = {};
  for (const part of partsFormat(timeZone).formatToParts(new Date(ms))) if (part.type !== 'literal') p[part.type] = Number(part.value);
  return { year: p.year, month: p.month, day: p.day, hour: p.hour === 24 ? 0 : p.hour, minute: p.minute, second: p.second };
}

/** Minutes the zone is ahead of UTC at that instant (Berlin in winter: 60). */
export function offsetMinutes(ms: number, timeZone: string): number {
  const w = wallClock(ms, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60_000);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant as the value of a datetime-local input in a zone ("2030-03-04T10:00"). */
export function toZonedInput(iso: string, timeZone: string): string {
  const w = wallClock(Date.parse(iso), timeZone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

/**
 * The instant a wall-clock time in a zone names ("2030-03-04T10:00" in Europe/Berlin → 09:00Z), or null for a
 * malformed value. A time skipped by a daylight-saving jump moves forward by the jump, as calendars do.
 */
export function fromZonedInput(local: string, timeZone: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) return null;
  const asUtc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  let guess = asUtc - offsetMinutes(asUtc, timeZone) * 60_000;
  const second = asUtc - offsetMinutes(guess, timeZone) * 60_000;
  if (second !== guess) guess = Math.max(guess, second);
  return new Date(guess).toISOString();
}

/** "GMT+1", "GMT-5:30" style label of a zone at an instant. */
export function gmtLabel(timeZone: string, ms = Date.now()): string {
  const off = offsetMinutes(ms, timeZone);
  if (off === 0) return 'GMT';
  const sign = off > 0 ? '+' : '−';
  const h = Math.floor(Math.abs(off) / 60);
  const min = Math.abs(off) % 60;
  return `GMT${sign}${h}${min ? `:${pad(min)}` : ''}`;
}

/** Every IANA zone the browser knows (falls back to a short list on old browsers). */
export function allZones(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (k: string) => string[] };
  try {
    const list = intl.supportedValuesOf?.('timeZone');
    if (list?.length) return list.includes('UTC') ? list : ['UTC', ...list];
  } catch {
    /* fall through */
  }
  return ['UTC', 'Europe/London', 'Europe/Berlin', 'Europe/Lisbon', 'America/New_York', 'America/Chicago', 'America/Los_Angeles', 'America/Sao_Paulo', 'Asia/Kolkata', 'Asia/Singapore', 'Asia/Tokyo', 'Australia/Sydney'];
}

/** A zone's city, readable: "America/New_York" → "New York". */
export const zoneCity = (tz: string) => (tz.split('/').pop() ?? tz).replace(/_/g, ' ');

/** Whether two zones show the same wall-clock time at an instant (then one time is enough). */
export const sameOffset = (a: string, b: string, ms: number) => a === b || offsetMinutes(ms, a) === offsetMinutes(ms, b);

/** The local calendar day (YYYY-MM-DD) of an instant in the browser's zone. */
export function localDayKey(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
