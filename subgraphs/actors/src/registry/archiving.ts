import { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import { forbidden } from '@samverkan/federation';
import { Actor } from './actor';

/**
 * Archiving instead of deleting: an archived actor keeps its row, id, organisation number and
 * history, so agreements, activities and situation reports that name it still show it (by id and
 * through `_entities`). It is left out of the registry's lists and counts: search, the area lists,
 * HSDS lists and coverage; so are its services, venues and contact functions. The list queries'
 * `includeArchived` brings them back. Nobody changes an archived actor's entry or records until an
 * administrator restores it, and its organisation's tokens are refused.
 */

/**
 * SQL: the actor whose id is in `actorIdColumn` is not archived: an anti-join on the small partial
 * index actors_archived, so lists keep their index-only scans (for actors too: use `t.id`).
 */
export const actorNotArchivedSql = (actorIdColumn: string) =>
  `NOT EXISTS (SELECT 1 FROM actors archived WHERE archived.id = ${actorIdColumn} AND archived.archived_at IS NOT NULL)`;

/** Loads records an actor keeps (services, venues, contact functions) by id, by name, leaving out archived actors' records: what area lists show. */
export const activeActorRecordsByName =
  <T extends ObjectLiteral>(dataSource: DataSource, entity: EntityTarget<T>) =>
  (ids: string[]): Promise<T[]> =>
    dataSource
      .getRepository(entity)
      .createQueryBuilder('record')
      .where('record.id = ANY(:ids)', { ids })
      .andWhere(actorNotArchivedSql('record.actor_id'))
      .orderBy('record.name', 'ASC')
      .addOrderBy('record.id', 'ASC')
      .getMany();

/** How list filters document `includeArchived` (default false). */
export const INCLUDE_ARCHIVED = { defaultValue: false, description: 'Also list archived actors and their records (left out by default).' };

/** Refuses changes to an archived actor's entry or records. */
export function assertNotArchived(actor: Pick<Actor, 'id' | 'archivedAt'>): void {
  if (actor.archivedAt) throw forbidden(`Actor ${actor.id} is archived: an administrator must restore it before its entry or records change`);
}
