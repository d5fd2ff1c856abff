import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { badInput, FieldProblem } from '@samverkan/platform';

/** The names of a period's two ends, as the caller's input calls them. */
export interface PeriodFields {
  start: string;
  end: string;
}

/** The problem with a period whose end comes before its start (dates as 'YYYY-MM-DD'; open ends are fine), if any. */
export function periodProblem(start: string | null | undefined, end: string | null | undefined, fields: PeriodFields): FieldProblem | null {
  return start && end && end < start ? { field: fields.end, message: `must not be before ${fields.start}` } : null;
}

/** The first day PostgreSQL's `date` holds (it has no year 0): an earlier one would fail in SQL, not as bad input. */
const FIRST_DAY = '0001-01-01';

/**
 * Refuses a period that ends before it starts, or with a day before year 1: one rule for agreements,
 * activities, reports, holders and every period filter.
 */
export function assertPeriod(start: string | null | undefined, end: string | null | undefined, fields: PeriodFields): void {
  for (const [day, field] of [[start, fields.start], [end, fields.end]] as const) {
    if (day && day < FIRST_DAY) throw badInput(`${field} must be in year 1 or later`, [{ field, message: 'must be in year 1 or later' }]);
  }
  const problem = periodProblem(start, end, fields);
  if (problem) throw badInput(`${fields.end} is before ${fields.start}`, [problem]);
}

/**
 * The SQL conditions, with their named parameters, that keep the records whose period overlaps
 * [from, to] (dates as 'YYYY-MM-DD'; either end may be left open). A record without a start is
 * never in a dated range; one without an end is ongoing. Refuses `to` before `from`, naming `fields`.
 */
export function periodOverlapConditions(
  { start, end }: { start: string; end: string },
  { from, to }: { from?: string | null; to?: string | null },
  fields: PeriodFields = { start: 'from', end: 'filter.to' },
): Array<[string, ObjectLiteral]> {
  assertPeriod(from, to, fields);
  const conditions: Array<[string, ObjectLiteral]> = [];
  if (from) conditions.push([periodOverlapSql({ start, end }, { from: ':periodFrom' }), { periodFrom: from }]);
  if (to) conditions.push([periodOverlapSql({ start, end }, { to: ':periodTo' }), { periodTo: to }]);
  return conditions;
}

/**
 * The period rule as one SQL condition over expressions (columns, parameters, or a joined row's
 * bounds, such as each requested month's first and last day): the record's period [start, end]
 * overlaps [from, to]; either bound may be left out (open). A record without a start is never in a
 * dated range; one without an end is ongoing.
 */
export function periodOverlapSql({ start, end }: { start: string; end: string }, { from, to }: { from?: string; to?: string }): string {
  const conditions: string[] = [];
  if (from) conditions.push(`${start} IS NOT NULL AND (${end} IS NULL OR ${end} >= ${from})`);
  if (to) conditions.push(`${start} <= ${to}`);
  return conditions.length ? conditions.map((condition) => `(${condition})`).join(' AND ') : 'true';
}

/** Keeps the records whose period overlaps [from, to]: `periodOverlapConditions` on a query builder. */
export function wherePeriodOverlaps<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  columns: { start: string; end: string },
  period: { from?: string | null; to?: string | null },
): SelectQueryBuilder<T> {
  for (const [condition, parameters] of periodOverlapConditions(columns, period)) query.andWhere(condition, parameters);
  return query;
}

const SWEDISH_DATE = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' });

/** The calendar day ('YYYY-MM-DD') in Sweden at `now`: what "today" means for periods across the federation. */
export const todayInSweden = (now = new Date()) => SWEDISH_DATE.format(now);
