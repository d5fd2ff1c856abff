import { badInput } from '@samverkan/platform';
import { todayInSweden } from '../periods';

/**
 * Figures are per calendar month ('YYYY-MM'). Months never overlap, and no sum over months is
 * published, so a month cannot be recovered by subtracting one period's figure from another's.
 */
export const MONTH_PATTERN = /^(19|20)\d{2}-(0[1-9]|1[0-2])$/;

/** The most months one series returns: two years, what the dashboard's trends show. */
export const MAX_SERIES_MONTHS = 24;

/** Refuses anything but a calendar month 'YYYY-MM' between 1900 and 2099. */
export function assertMonth(month: string, field = 'month'): void {
  if (!MONTH_PATTERN.test(month)) throw badInput(`${field} must be a calendar month such as "2026-11"`, [{ field, message: 'must be YYYY-MM' }]);
}

/** The month a day ('YYYY-MM-DD') lies in. */
export const monthOf = (day: string) => day.slice(0, 7);

/** The month it is in Sweden. */
export const currentMonth = (today = todayInSweden()) => monthOf(today);

/** The month's first day, 'YYYY-MM-DD'. */
export const firstDayOf = (month: string) => `${month}-01`;

/** The month's last day, 'YYYY-MM-DD'. */
export function lastDayOf(month: string): string {
  const [year, monthNumber] = month.split('-').map(Number);
  const days = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  return `${month}-${String(days).padStart(2, '0')}`;
}

/**
 * The day a month's state figures ("active", "ending within 90 days") are taken on: today for the
 * current month, else the month's last day.
 */
export const asOfDay = (month: string, today = todayInSweden()) => (month === currentMonth(today) ? today : lastDayOf(month));

/** The month `offset` months after `month` (before, when negative). */
export function addMonths(month: string, offset: number): string {
  const [year, monthNumber] = month.split('-').map(Number);
  const index = year * 12 + monthNumber - 1 + offset;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** `count` months ending with `until`, oldest first. */
export const monthsUntil = (until: string, count: number) => Array.from({ length: count }, (_, i) => addMonths(until, i - count + 1));
