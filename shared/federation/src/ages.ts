import { badInput } from '@samverkan/platform';

/** The oldest age an age range may name, across the federation. */
export const MAX_AGE = 120;

/** Refuses an age range whose upper end is below its lower end (open ends are fine). */
export function assertAgeRange(ageMin: number | null | undefined, ageMax: number | null | undefined): void {
  if (ageMin != null && ageMax != null && ageMin > ageMax) {
    throw badInput('ageMin is above ageMax', [{ field: 'ageMax', message: 'must not be below ageMin' }]);
  }
}
