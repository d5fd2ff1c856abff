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

/**
 * Loads a record for update, locked, lets `authorize` refuse the caller, then checks the caller's
 * version, so two writers can never both succeed from the same version. Unknown or malformed ids
 * are NOT_FOUND.
 */
export async function lockForUpdate<T extends VersionedRecord & ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  typeName: string,
  id: string,
  expectedVersion: number,
  authorize: (record: T) => void,
): Promise<T> {
  const record = isUuid(id)
    ? await manager.getRepository(entity).createQueryBuilder('r').setLock('pessimistic_write').where('r.id = :id', { id }).getOne()
    : null;
  if (!record) throw notFound(typeName, id);
  authorize(record);
  if (record.version !== expectedVersion) throw versionConflict(typeName, id, expectedVersion, record.version);
  return record;
}
