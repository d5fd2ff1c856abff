/** A LIKE/ILIKE pattern matching values that contain `text` literally (wildcards escaped). */
export const containsPattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** A calendar day written 'YYYY-MM-DD' that exists ('2026-02-30' does not): what a date column takes. */
export const isCalendarDay = (value: unknown): value is string =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;

/** Optional free text as stored: trimmed, and null when nothing is left. */
export const trimmedOrNull = (value: string | null | undefined) => value?.trim() || null;
