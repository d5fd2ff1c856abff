import { SelectQueryBuilder } from 'typeorm';
import { todayInSweden } from '@samverkan/federation';
import { Clock } from '@samverkan/platform';
import { Agreement, AgreementStatus } from '../agreement/agreement';

/** The widest window `expiresWithinDays` takes: ten years. */
export const MAX_EXPIRY_WINDOW_DAYS = 3650;

/**
 * SQL over the agreements as `alias`: ACTIVE and ending between `today` and `days` days after it,
 * both days included (`:expiryToday`, `:expiryDays`). An open-ended agreement never expires.
 * The one rule behind the `expiresWithinDays` filter and the expiry notice.
 */
export const expiringSql = (alias: string) =>
  `${alias}.status = '${AgreementStatus.ACTIVE}' AND ${alias}.ends_on BETWEEN CAST(:expiryToday AS date) AND CAST(:expiryToday AS date) + CAST(:expiryDays AS int)`;

/** The parameters of `expiringSql`: a window of days from the request's today in Sweden. */
export interface ExpiryWindow {
  expiryToday: string;
  expiryDays: number;
}

/** The window of `expiresWithinDays` as of the request's clock; undefined when not asked for. */
export const expiryWindow = (days: number | null | undefined, clock: Clock): ExpiryWindow | undefined =>
  days === null || days === undefined ? undefined : { expiryToday: todayInSweden(clock.now()), expiryDays: days };

/** Keeps the agreements that expire within `days` days of the request's today in Sweden (none given: all). */
export function whereExpiresWithin(query: SelectQueryBuilder<Agreement>, days: number | null | undefined, clock: Clock): SelectQueryBuilder<Agreement> {
  const window = expiryWindow(days, clock);
  return window ? query.andWhere(expiringSql(query.alias), window) : query;
}

/** The description of `expiresWithinDays` on the nested lists. */
export const NESTED_EXPIRY_DESCRIPTION = `Only ACTIVE agreements that end between today (in Sweden) and this many days later, both days included (0–${MAX_EXPIRY_WINDOW_DAYS}); open-ended ones never. All when left out.`;

const DAY_MS = 86_400_000;

/** Whole days from `from` to `to` (both 'YYYY-MM-DD'): negative when `to` is earlier. */
export const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
