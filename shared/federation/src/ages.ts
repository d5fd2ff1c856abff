import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { badInput } from '@samverkan/platform';

/** The oldest age an age range may name, across the federation. */
export const MAX_AGE = 120;

/** The names of an age range's two ends, as the caller's input calls them. */
export interface AgeFields {
  min: string;
  max: string;
}

/** Refuses an age range whose upper end is below its lower end (open ends are fine). */
export function assertAgeRange(
  ageMin: number | null | undefined,
  ageMax: number | null | undefined,
  fields: AgeFields = { min: 'ageMin', max: 'ageMax' },
): void {
  if (ageMin != null && ageMax != null && ageMin > ageMax) {
    throw badInput(`${fields.min} is above ${fields.max}`, [{ field: fields.max, message: `must not be below ${fields.min}` }]);
  }
}

/**
 * Keeps the records whose age range (columns `min`, `max`) overlaps [from, to] (either end may be
 * left open). A record without a lower or upper limit matches any age on that side.
 */
export function whereAgesOverlap<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  { min, max }: { min: string; max: string },
  { from, to }: { from?: number | null; to?: number | null },
): SelectQueryBuilder<T> {
  assertAgeRange(from, to, { min: 'ageFrom', max: 'ageTo' });
  if (from != null) query.andWhere(`(${max} IS NULL OR ${max} >= :ageFrom)`, { ageFrom: from });
  if (to != null) query.andWhere(`(${min} IS NULL OR ${min} <= :ageTo)`, { ageTo: to });
  return query;
}
