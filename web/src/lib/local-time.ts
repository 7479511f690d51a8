/** The current time in a person's time zone ("3:42 PM"), or null when the zone is unknown. */
export function localTime(timeZone: string | null, now = new Date()): string | null {
  if (!timeZone) return null;
  try {
    return new Intl.DateTimeFormat(undefined, { timeZone, hour: 'numeric', minute: '2-digit' }).format(now);
  } catch {
    return null;
  }
}
