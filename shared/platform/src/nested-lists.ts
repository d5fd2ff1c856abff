import DataLoader from 'dataloader';
import { ArgsType, Field, Int } from 'type-graphql';
import { Max, Min } from 'class-validator';
import { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import { KeyedId } from './loaders';
import { MAX_PAGE_SIZE } from './pagination';
import { isUuid } from './ids';

/**
 * Nested lists (an actor's activities, an area's actors, …) are bounded: each holds at most `first`
 * records, `NESTED_LIST_DEFAULT` unless asked otherwise and never more than `NESTED_LIST_MAX`, so
 * no response grows with the size of the registry. The root lists page through everything.
 */
export const NESTED_LIST_DEFAULT = 50;
export const NESTED_LIST_MAX = MAX_PAGE_SIZE;

/** The `first` argument of a bounded nested list; `what` names its records in the description. */
export const nestedFirstDescription = (what: string, more: string) =>
  `At most this many ${what} (1–${NESTED_LIST_MAX}, default ${NESTED_LIST_DEFAULT}); ${more}`;

@ArgsType()
export class NestedListArgs {
  @Field(() => Int, {
    defaultValue: NESTED_LIST_DEFAULT,
    description: `At most this many records (1–${NESTED_LIST_MAX}, default ${NESTED_LIST_DEFAULT}); the root list of these records pages through all of them.`,
  })
  @Min(1)
  @Max(NESTED_LIST_MAX)
  first: number = NESTED_LIST_DEFAULT;
}

/**
 * Which records a bounded nested list holds for a batch of keys, as SQL with named parameters
 * (`:name`): `pairs` yields rows `(key, id)` (text key, record id; a pair may repeat) and, when
 * `ranked`, a `rank` (smaller first; a pair found several times keeps its smallest); the records are
 * joined from `table` as `r`, kept when every condition in `where` holds, and numbered per key by
 * `order` (over `r`, and `p.rank` when ranked), which must end in a unique column such as `r.id`.
 */
export interface NestedListQuery {
  pairs: string;
  table: string;
  where?: string[];
  order: string;
  ranked?: boolean;
  parameters?: ObjectLiteral;
}

/** How a bounded list finds its pairs: fixed SQL over `:keys`, or SQL and parameters built from the batch's keys. */
export type NestedListPairs = string | ((keys: string[]) => [string, ObjectLiteral]);

/**
 * A `NestedListQuery` for the keys `accept` lets through (malformed ones find nothing), with each
 * condition's parameters merged: the one shape the subgraphs' lists over a link table share.
 */
export function conditionedListQuery(
  keys: string[],
  { pairs, table, conditions, order, accept }: { pairs: NestedListPairs; table: string; conditions: Array<[string, ObjectLiteral]>; order: string; accept: (key: string) => boolean },
): NestedListQuery {
  const accepted = keys.filter(accept);
  const [sql, pairParameters] = typeof pairs === 'string' ? [pairs, {}] : pairs(accepted);
  return {
    pairs: sql,
    table,
    where: conditions.map(([condition]) => condition),
    order,
    parameters: Object.assign({ keys: accepted }, pairParameters, ...conditions.map(([, parameters]) => parameters)),
  };
}

/**
 * SQL: each key's first `:first` record ids of a `NestedListQuery`, in list order. Each pair's record
 * is looked up by its id (OFFSET 0 keeps the planner from turning the lookups into a join): the pairs
 * are few, and the planner, overestimating them through the area ranges, would otherwise read the
 * whole table in id order (Grums' actors at national scale: 31 ms -> 8 ms).
 */
export function firstPerKeySql({ pairs, table, where = [], order, ranked = false }: NestedListQuery): string {
  // Keys are compared bytewise (COLLATE "C"): they are ids and codes, and the database's collation
  // (C.UTF-8 is not C to PostgreSQL 15) made sorting an area overview's 608 pairs cost 4.6 ms.
  const distinct = ranked
    ? `SELECT key COLLATE "C" AS key, id, min(rank) AS rank FROM (${pairs}) AS found GROUP BY 1, id`
    : `SELECT DISTINCT key COLLATE "C" AS key, id FROM (${pairs}) AS found`;
  return `SELECT key, id FROM (
      SELECT p.key, p.id, row_number() OVER (PARTITION BY p.key ORDER BY ${order}) AS n
      FROM (${distinct}) AS p CROSS JOIN LATERAL (SELECT * FROM ${table} r WHERE r.id = p.id OFFSET 0) AS r
      WHERE ${['true', ...where].join(' AND ')}
    ) AS numbered WHERE n <= :first ORDER BY key, n`;
}

/** Runs SQL with named parameters (`:name`, `:...list`), as TypeORM's query builder would. */
export function queryNamed<T>(dataSource: DataSource, sql: string, parameters: ObjectLiteral): Promise<T[]> {
  const [query, values] = dataSource.driver.escapeQueryWithParameters(sql, parameters, {});
  return dataSource.query(query, values);
}

/**
 * A bounded nested list in two statements for the whole batch, whatever the number of keys or
 * records: the first finds each key's first `first` record ids (the bound applies in SQL, so no
 * more rows are read out than are shown), the second (`fetch`) loads those records. Each list
 * keeps the order of `query.order`.
 */
export function firstPerKeyLoader<V extends { id: string }>(
  dataSource: DataSource,
  query: (keys: string[]) => NestedListQuery,
  fetch: (ids: string[]) => Promise<V[]>,
  first: number,
): DataLoader<string, V[]> {
  return new DataLoader<string, V[]>(async (keys) => {
    const lists = new Map<string, V[]>(keys.map((key) => [key, []]));
    const nested = query([...keys]);
    const pairs = await queryNamed<KeyedId<string>>(dataSource, firstPerKeySql(nested), { ...nested.parameters, first });
    if (pairs.length) {
      const found = new Map((await fetch([...new Set(pairs.map((pair) => pair.id))])).map((record) => [record.id, record]));
      for (const { key, id } of pairs) {
        const record = found.get(id);
        if (record) lists.get(key)?.push(record);
      }
    }
    return keys.map((key) => lists.get(key) ?? []);
  });
}

/**
 * A bounded nested list of the records of `entity` whose `keyColumn` (a uuid column, e.g.
 * `actor_id`, or text with `keyType`, read back by `keyOf`) is the key, e.g. an actor's services: one statement for the whole
 * batch, each key's first `first` records by `order` (columns named as their properties, e.g. `name`)
 * among those meeting every condition of `where` (SQL over the records as `t`, with named parameters).
 */
export function firstOfEachLoader<V extends ObjectLiteral>(
  dataSource: DataSource,
  entity: EntityTarget<V>,
  {
    keyColumn,
    keyOf,
    order = [['name', 'ASC'], ['id', 'ASC']],
    where = [],
    keyType = 'uuid',
  }: {
    keyColumn: string;
    keyOf: (record: V) => string | null;
    order?: Array<[string, 'ASC' | 'DESC']>;
    where?: Array<[string, ObjectLiteral]>;
    keyType?: 'uuid' | 'text';
  },
  first: number,
): DataLoader<string, V[]> {
  const { tableName } = dataSource.getMetadata(entity);
  const numbered = `SELECT t.id, row_number() OVER (PARTITION BY t.${keyColumn} ORDER BY ${order.map(([column, direction]) => `t.${column} ${direction}`).join(', ')}) AS n
    FROM ${tableName} t WHERE ${[`t.${keyColumn} = ANY(CAST(:keys AS ${keyType}[]))`, ...where.map(([condition]) => condition)].join(' AND ')}`;
  const parameters = Object.assign({}, ...where.map(([, values]) => values));
  return new DataLoader<string, V[]>(async (keys) => {
    const query = dataSource
      .getRepository(entity)
      .createQueryBuilder('r')
      .where(`r.id IN (SELECT numbered.id FROM (${numbered}) AS numbered WHERE numbered.n <= :first)`, { ...parameters, keys: keyType === 'uuid' ? keys.filter(isUuid) : [...keys], first });
    order.forEach(([column, direction], i) => (i === 0 ? query.orderBy(`r.${column}`, direction) : query.addOrderBy(`r.${column}`, direction)));
    const lists = new Map<string, V[]>(keys.map((key) => [key, []]));
    for (const record of await query.getMany()) lists.get(keyOf(record) ?? '')?.push(record);
    return keys.map((key) => lists.get(key) ?? []);
  });
}
