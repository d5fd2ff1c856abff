import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { areaKeyRangesSql, inAreaRangeSql, perAreaScope, todayInSweden } from '@samverkan/federation';
import { byArguments, firstOfEachLoader, groupLoader, isUuid, NestedListArgs, recordLoader } from '@samverkan/platform';
import { AreaListArgs, registryAreaListLoader } from '../areas/area-lists';
import { activeActorRecordsByName, actorNotArchivedSql } from '../registry/archiving';
import { registryAreaKeysSql } from '../areas/named-areas';
import { ContactFunction, ContactFunctionHolder, currentHolderCountSql, MIN_CURRENT_HOLDERS } from './contact-function';

/** Per-request loaders of contact functions; each batch is one or two statements whatever the number of keys. */

/** Contact functions by id (malformed ids → null). */
export const contactFunctionLoader = (dataSource: DataSource) =>
  recordLoader<string, ContactFunction>((ids) => dataSource.getRepository(ContactFunction).findBy({ id: In(ids.filter(isUuid)) }), (f) => f.id);

/** The first contact functions of each actor, by name, by the arguments of `Actor.contactFunctions`. */
export const contactFunctionsOfActorLoader = (dataSource: DataSource) =>
  byArguments(({ first }: NestedListArgs) =>
    firstOfEachLoader(dataSource, ContactFunction, { keyColumn: 'actor_id', keyOf: (fn) => fn.actorId }, first),
  );

/** The first contact functions covering each area, by name, by the arguments of `Area.contactFunctions`. */
export const contactFunctionsInAreaLoader = (dataSource: DataSource) =>
  byArguments((args: AreaListArgs) =>
    registryAreaListLoader(
      dataSource,
      { table: 'contact_functions', where: [actorNotArchivedSql('r.actor_id')] },
      activeActorRecordsByName(dataSource, ContactFunction),
      args,
    ),
  );

/** Everyone who holds, held or will hold each function, in the order the actor gave them. */
export const contactFunctionHoldersLoader = (dataSource: DataSource) =>
  groupLoader<string, ContactFunctionHolder>(async (functionIds) =>
    (
      await dataSource.getRepository(ContactFunctionHolder).find({ where: { functionId: In(functionIds.filter(isUuid)) }, order: { position: 'ASC' } })
    ).map((h) => [h.functionId, h]),
  );

/**
 * Each function if it is a one-person dependency today (fewer current holders than
 * MIN_CURRENT_HOLDERS), else null, unknown ids too: one statement per batch, e.g. for the
 * functions of every crisis roster of a request.
 */
export const onePersonDependencyLoader = (dataSource: DataSource) =>
  recordLoader<string, ContactFunction>(async (ids) => {
    const wellFormed = ids.filter(isUuid);
    if (!wellFormed.length) return [];
    return dataSource
      .getRepository(ContactFunction)
      .createQueryBuilder('function')
      .where('function.id IN (:...ids)', { ids: wellFormed })
      .andWhere(`${currentHolderCountSql('function.id', ':today')} < ${MIN_CURRENT_HOLDERS}`, { today: todayInSweden() })
      .getMany();
  }, (f) => f.id);

/** How many functions covering each area are one-person dependencies today, per area scope (one statement per batch). */
export const onePersonDependencyCountLoader = (dataSource: DataSource) =>
  perAreaScope(
    (scope) =>
      new DataLoader<string, number>(async (codes) => {
        const rows: Array<{ code: string; n: number }> = await dataSource.query(
          `SELECT k.key AS code, count(DISTINCT f.id)::int AS n FROM ${areaKeyRangesSql(registryAreaKeysSql('$1::text[]', scope), scope)} AS k
             LEFT JOIN contact_functions f ON ${inAreaRangeSql('f.area_code', 'k')}
               AND ${currentHolderCountSql('f.id', '$2')} < ${MIN_CURRENT_HOLDERS} AND ${actorNotArchivedSql('f.actor_id')}
           GROUP BY k.key`,
          [[...codes], todayInSweden()],
        );
        const counts = new Map(rows.map((r) => [r.code, r.n]));
        return codes.map((code) => counts.get(code) ?? 0);
      }),
  );
