import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { badInput } from '@samverkan/platform';

/**
 * Keeps the records whose period overlaps [from, to] (dates as 'YYYY-MM-DD'; either end may be
 * left open). A record without a start is never in a dated range; one without an end is ongoing.
 */
export function wherePeriodOverlaps<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  { start, end }: { start: string; end: string },
  { from, to }: { from?: string | null; to?: string | null },
): SelectQueryBuilder<T> {
  if (from && to && from > to) throw badInput('`from` is after `to`', [{ field: 'filter.to', message: 'must not be before from' }]);
  if (from) query.andWhere(`${start} IS NOT NULL AND (${end} IS NULL OR ${end} >= :periodFrom)`, { periodFrom: from });
  if (to) query.andWhere(`${start} <= :periodTo`, { periodTo: to });
  return query;
}
