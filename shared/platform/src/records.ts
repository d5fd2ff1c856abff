import { Field, ID, Int, ObjectType } from 'type-graphql';
import { CreateDateColumn, EntityManager, EntityTarget, ObjectLiteral, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { notFound, versionConflict } from './errors';
import { isUuid } from './ids';

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

/** What a versioned record has, whatever its key: a version and the time of its last change. */
export type Versioned = Pick<VersionedRecord, 'version' | 'updatedAt'> & ObjectLiteral;

/** A record locked for a change, at the version the caller read. */
export interface Locked<T extends Versioned> {
  /** The record as read: set the changes on it, not by SQL, since `commit()` writes all its columns as they are on it. */
  readonly record: T;
  /**
   * Writes the record's columns and makes it one version newer, changed now, in one statement and
   * whatever changed: a change to its child rows alone (organisers, areas, holders...) is a new
   * version too, so a writer still holding the old one is refused. Returns the record as written.
   */
  commit(): Promise<T>;
}

/**
 * Loads a record for update by its key (a uuid id, or an area's code), locked, lets `authorize`
 * refuse the caller, then checks the caller's version, so two writers can never both succeed from
 * the same version. Unknown or malformed keys are NOT_FOUND. A change ends with the handle's
 * `commit()`; a delete needs only the lock.
 */
export async function lockForUpdate<T extends Versioned>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  typeName: string,
  key: string,
  expectedVersion: number,
  authorize: (record: T) => void | Promise<void>,
): Promise<Locked<T>> {
  const repository = manager.getRepository(entity);
  const [keyColumn] = repository.metadata.primaryColumns;
  const wellFormed = keyColumn.type !== 'uuid' || isUuid(key);
  const record = wellFormed
    ? await repository.createQueryBuilder('r').setLock('pessimistic_write').where(`r.${keyColumn.propertyName} = :key`, { key }).getOne()
    : null;
  if (!record) throw notFound(typeName, key);
  await authorize(record);
  if (record.version !== expectedVersion) throw versionConflict(typeName, key, expectedVersion, record.version);
  return { record, commit: () => writeNewVersion(manager, entity, record) };
}

/**
 * One UPDATE of every column the record has, which TypeORM's query builder ends with
 * `version = version + 1, updated_at = CURRENT_TIMESTAMP` (the version and update columns are left
 * out of the values for that) and whose RETURNING puts both on the record. Unlike `save()`, it
 * writes a row also when no column changed, and never bumps twice.
 */
async function writeNewVersion<T extends Versioned>(manager: EntityManager, entity: EntityTarget<T>, record: T): Promise<T> {
  const { columns } = manager.getRepository(entity).metadata;
  const values = Object.fromEntries(
    columns
      .filter((column) => !column.isPrimary && !column.isVersion && !column.isUpdateDate && !column.isCreateDate)
      .map((column) => [column.propertyName, column.getEntityValue(record)]),
  );
  await manager.createQueryBuilder().update(entity).set(values).whereEntity(record).execute();
  return record;
}
