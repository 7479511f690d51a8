/**
 * Builds CSV text. Cells that a spreadsheet would run as a formula (= + - @ tab CR) get a leading
 * apostrophe, so exported user content cannot execute in Excel or Sheets (CSV injection).
 */
export function toCsv(rows: (string | number | null | undefined)[][]): string {
  return `${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** One escaped, formula-neutralized CSV cell. */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n']/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}
