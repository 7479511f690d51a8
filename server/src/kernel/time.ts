/** ISO 8601 string of a timestamp that one driver returns as Date and another may return as string. */
export const toIso = (v: Date | string) => (v instanceof Date ? v : new Date(v)).toISOString();
