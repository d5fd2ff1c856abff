import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { badInput } from '@samverkan/platform';
import { normaliseOrganisationNumber } from './organisation-number';

/**
 * An organisation number is the registry's natural key: one actor per number. The unique index
 * (migration UniqueOrganisationNumbers) holds archived actors too, since an archived organisation
 * is still that organisation: restore it rather than register it again.
 */
export const ORGANISATION_NUMBER_INDEX = 'actors_organisation_number';

/** The actor holding an organisation number. */
export interface Holder {
  id: string;
  name: string;
  organisationNumber: string;
}

/** The stored form of a given organisation number (null and undefined pass through). */
export function organisationNumberKey<T extends string | null | undefined>(value: T): T {
  return (typeof value === 'string' ? normaliseOrganisationNumber(value) : value) as T;
}

/** The actors holding these organisation numbers (at most one each), in one statement. */
export const holdersOf = (db: DataSource | EntityManager, organisationNumbers: string[]): Promise<Holder[]> =>
  db.query('SELECT id, name, organisation_number AS "organisationNumber" FROM actors WHERE organisation_number = ANY($1::text[])', [
    organisationNumbers,
  ]);

/** The actor holding an organisation number, if any besides `exceptId`. */
async function holderOf(db: DataSource | EntityManager, organisationNumber: string, exceptId?: string): Promise<Holder | undefined> {
  return (await holdersOf(db, [organisationNumber])).find((holder) => holder.id !== exceptId);
}

/** The actor holding a number, as refusals name it: the registry is public, so naming it reveals nothing. */
export const describeHolder = (holder: Pick<Holder, 'id' | 'name'>) => `"${holder.name}" (actor ${holder.id})`;

/** How the registry refuses a number that is taken: the field and the actor holding it. */
export function organisationNumberTaken(organisationNumber: string, holder: Holder, field = 'organisationNumber') {
  const message = `already registered: ${describeHolder(holder)}`;
  return badInput(`organisationNumber ${organisationNumber} is ${message}`, [{ field, message }]);
}

/** Refuses an organisation number another actor holds (BAD_USER_INPUT naming it). */
export async function assertOrganisationNumberFree(manager: EntityManager, organisationNumber: string | null | undefined, exceptId?: string) {
  if (!organisationNumber) return;
  const holder = await holderOf(manager, organisationNumber, exceptId);
  if (holder) throw organisationNumberTaken(organisationNumber, holder);
}

/** The organisation number the unique index refused, when the error is that refusal. */
function refusedOrganisationNumber(error: unknown): string | undefined {
  if (!(error instanceof QueryFailedError)) return undefined;
  const { code, constraint, detail } = error.driverError as { code?: string; constraint?: string; detail?: string };
  if (code !== '23505' || constraint !== ORGANISATION_NUMBER_INDEX) return undefined;
  // PostgreSQL names the value: "Key (organisation_number)=(802002-3829) already exists."
  return /\)=\((.+)\) already exists/.exec(detail ?? '')?.[1];
}

/**
 * Runs a write that may give an actor an organisation number. Two writers may both pass the check
 * before either commits; the index then refuses the second, and this turns that into the same
 * refusal the check gives, naming the actor that won.
 */
export async function withOrganisationNumberKey<T>(dataSource: DataSource, write: () => Promise<T>, field = 'organisationNumber'): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const organisationNumber = refusedOrganisationNumber(error);
    const holder = organisationNumber && (await holderOf(dataSource, organisationNumber));
    throw holder ? organisationNumberTaken(organisationNumber, holder, field) : error;
  }
}
