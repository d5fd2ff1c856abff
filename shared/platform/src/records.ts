import { Field, ID, Int, ObjectType } from 'type-graphql';
import { CreateDateColumn, EntityManager, EntityTarget, ObjectLiteral, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { notFound, versionConflict } from './errors';

/** How every record's `id` is documented. */
export const ID_DESCRIPTION = 'Stable identifier (a UUID).';

/** Columns every owned record has: a UUID, a version for optimistic concurrency, and timestamps. */
@ObjectType()
export abstract class VersionedRecord {
  @Field(() => ID, { description: ID_DESCRIPTION })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => Int, {
    description: 'Increases with every change. Send it back with an update: a stale version is refused, so no change is lost.',
  })
  @VersionColumn()
  version: number;

  @Field({ description: 'When the record was created.' })
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @Field({ description: 'When the record was last changed.' })
  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt: Date;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

/** What a versioned record has, whatever its key: a version and the time of its last change. */
export type Versioned = Pick<VersionedRecord, 'version' | 'updatedAt'> & ObjectLiteral;

/**
 * Loads a record for update by its key (a uuid id, or an area's code), locked, lets `authorize`
 * refuse the caller, then checks the caller's version, so two writers can never both succeed from
 * the same version. Unknown or malformed keys are NOT_FOUND.
 */
export async function lockForUpdate<T extends Versioned>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  typeName: string,
  key: string,
  expectedVersion: number,
  authorize: (record: T) => void | Promise<void>,
): Promise<T> {
  const repository = manager.getRepository(entity);
  const [keyColumn] = repository.metadata.primaryColumns;
  const wellFormed = keyColumn.type !== 'uuid' || isUuid(key);
  const record = wellFormed
    ? await repository.createQueryBuilder('r').setLock('pessimistic_write').where(`r.${keyColumn.propertyName} = :key`, { key }).getOne()
    : null;
  if (!record) throw notFound(typeName, key);
  await authorize(record);
  if (record.version !== expectedVersion) throw versionConflict(typeName, key, expectedVersion, record.version);
  return record;
}
