import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

/**
 * Inserts the demo records that are not there yet and returns the ids of those it inserted. Seeds
 * add child rows (parties, areas, organisers ...) only for these, so a restart never brings back
 * children that someone has since replaced or removed.
 */
export async function insertNew<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  rows: Array<QueryDeepPartialEntity<T>>,
): Promise<Set<string>> {
  const result = await manager.createQueryBuilder().insert().into(entity).values(rows).orIgnore().returning('id').execute();
  return new Set((result.raw as Array<{ id: string }>).map((row) => row.id));
}
