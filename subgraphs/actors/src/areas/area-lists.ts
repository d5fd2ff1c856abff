import DataLoader from 'dataloader';
import { ArgsType, Field } from 'type-graphql';
import { DataSource } from 'typeorm';
import { areaPrefilterSql, areaKeyRangesSql, AreaScope, inAreaRangeSql, namedParameters } from '@samverkan/federation';
import { firstPerKeyLoader, NestedListArgs } from '@samverkan/platform';
import { registryAreaFilterSql, registryAreaKeysSql } from './named-areas';

/** The arguments of an area's nested lists in the registry (`Area.actors`, `Area.services`, …): the scope and a bound. */
@ArgsType()
export class AreaListArgs extends NestedListArgs {
  @Field(() => AreaScope, {
    defaultValue: AreaScope.WITHIN,
    description: 'Include sub-areas (WITHIN) or also wider areas containing this one, e.g. county- or nation-wide records (OVERLAPPING).',
  })
  scope: AreaScope = AreaScope.WITHIN;
}

/**
 * A bounded list per area of the registry's records, in two statements for all areas of a batch
 * (`firstPerKeyLoader`): the records of `table` (as `r`) whose area, in `areaTable`.area_code linked
 * by `idColumn` (the record's own `area_code` when `areaTable` is `table`), matches each area as the
 * registry's lists do (named areas included, `registryAreaKeysSql`). Each list is ordered by `order`;
 * with `localFirst`, records in the area or its sub-areas (what WITHIN finds) come before those of
 * wider areas (which only OVERLAPPING brings in: the county, the country, a named area spanning a
 * district), then by `order`.
 */
export function registryAreaListLoader<V extends { id: string }>(
  dataSource: DataSource,
  { table, areaTable = table, idColumn = 'id', where = [], order = 'r.name ASC, r.id ASC', localFirst = false }: {
    table: string;
    areaTable?: string;
    idColumn?: string;
    where?: string[];
    order?: string;
    localFirst?: boolean;
  },
  fetch: (ids: string[]) => Promise<V[]>,
  { scope, first }: AreaListArgs,
): DataLoader<string, V[]> {
  const rank = localFirst ? ', CASE WHEN NOT k.wider AND NOT k.wider_area THEN 0 ELSE 1 END AS rank' : '';
  return firstPerKeyLoader(
    dataSource,
    (codes) => {
      // The same match again, with the codes written out, so that the planner estimates it (areaPrefilterSql).
      const { bind, parameters } = namedParameters('areaCode');
      return {
        pairs: `SELECT k.key, t.${idColumn} AS id${rank} FROM ${areaTable} t
          JOIN ${areaKeyRangesSql(registryAreaKeysSql('CAST(:codes AS text[])', scope, localFirst), scope)} AS k ON ${inAreaRangeSql('t.area_code', 'k')}
          WHERE ${areaPrefilterSql('t.area_code', codes, scope, bind, registryAreaFilterSql)}`,
        table,
        where,
        order: localFirst ? `p.rank, ${order}` : order,
        ranked: localFirst,
        parameters: { codes, ...parameters },
      };
    },
    fetch,
    first,
  );
}
