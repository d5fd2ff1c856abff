import { ValidateBy } from 'class-validator';
import { Arg, ClassType, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { DataSource, EntityTarget, In, QueryFailedError } from 'typeorm';
import DataLoader from 'dataloader';
import { assertSignedIn, badInput, isSignedIn, recordLoader, trimmedOrNull, Viewer } from '@samverkan/platform';
import { isOwnerMember } from './visibility';

/**
 * A record's `externalId` is the identifier the owning (or maintaining) organisation's own system
 * gives it, e.g. a municipality's association register: unique per organisation, shown only to it.
 * Each table has a unique index named `<table>_external_id` over the organisation and the id.
 */
export const MAX_EXTERNAL_ID_LENGTH = 200;

export const EXTERNAL_ID_INPUT_DESCRIPTION = `Your own system's identifier of the record (1–${MAX_EXTERNAL_ID_LENGTH} characters, trimmed), unique among your organisation's records of this type; look the record up with it later. On update, null clears it.`;

/** DDL giving a table `external_id`, unique per organisation (`organisationColumn`) where set. */
export const externalIdDdl = (table: string, organisationColumn = 'owner_id') => [
  `ALTER TABLE ${table} ADD COLUMN external_id text`,
  `CREATE UNIQUE INDEX ${table}_external_id ON ${table} (${organisationColumn}, external_id) WHERE external_id IS NOT NULL`,
];

const isExternalId = (value: unknown) => typeof value === 'string' && value.trim().length >= 1 && value.trim().length <= MAX_EXTERNAL_ID_LENGTH;

/** Checks an `externalId` input: 1–200 characters once trimmed (null passes: it clears the id on update). */
export const IsExternalId = () =>
  ValidateBy({
    name: 'isExternalId',
    validator: {
      validate: (value: unknown) => value === null || isExternalId(value),
      defaultMessage: () => `externalId must be 1–${MAX_EXTERNAL_ID_LENGTH} characters (trimmed)`,
    },
  });

/** The stored form of a given `externalId`: trimmed, null when none. */
export const externalIdColumn = (value: string | null | undefined): string | null => trimmedOrNull(value);

/** Whether an error is a unique index of external ids refusing a value that is taken. */
function isExternalIdTaken(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const { code, constraint } = error.driverError as { code?: string; constraint?: string };
  return code === '23505' && !!constraint?.endsWith('_external_id');
}

/**
 * Runs a write that may set an `externalId`: the unique index refuses one the organisation already
 * gave another record of the type (also when two writers race), and this turns that refusal into
 * BAD_USER_INPUT naming `externalId`.
 */
export async function withExternalIdKey<T>(write: () => Promise<T>, field = 'externalId'): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!isExternalIdTaken(error)) throw error;
    const message = 'is already the externalId of another record of your organisation';
    throw badInput(`externalId ${message}`, [{ field, message }]);
  }
}

/**
 * Per-request loader of the viewer's organisation's records by `externalId` (none for the public):
 * `organisationColumn` is the property holding the organisation the ids belong to.
 */
export function externalIdLoader<T extends { externalId: string | null }>(
  dataSource: DataSource,
  entity: EntityTarget<T>,
  viewer: Viewer,
  organisationColumn = 'ownerId',
): DataLoader<string, T | null> {
  return recordLoader<string, T>(
    async (ids) =>
      isSignedIn(viewer)
        ? dataSource.getRepository(entity).find({ where: { [organisationColumn]: viewer.organisationId, externalId: In(ids) } as never })
        : [],
    (record) => record.externalId!,
  );
}

type Loaders = Record<string, DataLoader<string, unknown>>;

/**
 * Adds `externalId` to an entity, for members of the organisation it belongs to (`isMember`; by
 * default the owner's), null for others; and the root query `queryName` that finds the viewer's
 * organisation's record by it through the loader `loaderName` (an `externalIdLoader`).
 */
export function externalIdFields<T extends { externalId: string | null }, L = Loaders>(
  entity: ClassType<T>,
  { typeName, queryName, loaderName, isMember = isOwnerMember as unknown as (record: T, viewer: Viewer) => boolean }: {
    typeName: string;
    queryName: string;
    loaderName: string & keyof L;
    isMember?: (record: T, viewer: Viewer, loaders: L) => boolean | Promise<boolean>;
  },
) {
  type ExternalIdContext = { viewer: Viewer; loaders: L };
  @Resolver(() => entity)
  class ExternalIdResolver {
    @FieldResolver(() => String, {
      nullable: true,
      description: `Your own system's identifier of this ${typeName}, as your organisation gave it (unique among its ${typeName} records); look it up with \`${queryName}\`. Only for members of the organisation it belongs to; null for others and when none was given.`,
    })
    async externalId(@Root() record: T, @Ctx() { viewer, loaders }: ExternalIdContext): Promise<string | null> {
      return record.externalId !== null && (await isMember(record, viewer, loaders)) ? record.externalId : null;
    }

    @Query(() => entity, {
      name: queryName,
      nullable: true,
      description: `Your organisation's ${typeName} with this \`externalId\` (your own system's id); null when it has none. Needs a token (UNAUTHENTICATED without one).`,
    })
    byExternalId(@Arg('externalId', () => String, { description: 'The id your own system gave the record.' }) externalId: string, @Ctx() { viewer, loaders }: ExternalIdContext) {
      assertSignedIn(viewer, `look up ${typeName} records by externalId`);
      return (loaders as Loaders)[loaderName].load(externalId.trim());
    }
  }
  return ExternalIdResolver;
}
