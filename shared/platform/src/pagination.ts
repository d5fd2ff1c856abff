import { ArgsType, ClassType, Directive, Field, Int, ObjectType } from 'type-graphql';
import { Max, Min } from 'class-validator';
import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { badInput } from './errors';
import { isUuid } from './ids';

export const MAX_PAGE_SIZE = 100;

@ObjectType({ description: 'Where a page of a list ends and whether more records follow.' })
@Directive('@shareable')
export class PageInfo {
  @Field({ description: 'True when another page follows; ask for it with `after: endCursor`.' })
  hasNextPage: boolean;

  @Field(() => String, { nullable: true, description: 'Opaque cursor of the last record on this page.' })
  endCursor: string | null;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 20, description: `How many records to return (1–${MAX_PAGE_SIZE}).` })
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first: number = 20;

  @Field(() => String, { nullable: true, description: 'Return the records after this cursor (a previous `endCursor`).' })
  after?: string | null;
}

export interface Page<T> {
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** A `XConnection` type: a page of records with its page info and the total count. */
export function Connection<T extends object>(nodeType: ClassType<T>) {
  // Not reachable from any field itself, so it is not emitted; only its named subclasses are.
  @ObjectType()
  abstract class ConnectionType implements Page<T> {
    @Field(() => [nodeType], { description: 'The records on this page, in order.' })
    nodes: T[];

    @Field(() => PageInfo, { description: 'Whether more records follow, and the cursor to get them.' })
    pageInfo: PageInfo;

    @Field(() => Int, { description: 'How many records match, over all pages.' })
    totalCount: number;
  }
  return ConnectionType;
}

/**
 * How a list is ordered: a column and the entity property holding its value. Unless the column is
 * unique, ties are broken by `id`, so every record has one place in the order.
 */
export interface Ordering<T> {
  /** The sort key in SQL: a column, or an expression over columns that is never NULL (a NULL compares as nothing in a keyset). */
  column: string;
  property: keyof T & string;
  direction: 'ASC' | 'DESC';
  unique?: boolean;
  /** The record's value of `column` when it is an expression rather than `property` itself, e.g. a COALESCE. */
  key?: (record: T) => unknown;
  /**
   * Names the order in the cursor when a list has several, so that a cursor of one order is refused by
   * another; `accept` checks the cursor's sort key before it reaches SQL.
   */
  name?: string;
  accept?: (key: unknown) => boolean;
}

/**
 * A value computed in SQL that each record of a page carries, e.g. its distance from a point: the
 * expression `sql` is selected as `alias` and handed to `assign` with its record.
 */
export interface Carried<T> {
  sql: string;
  alias: string;
  assign: (record: T, value: unknown) => void;
}

/** A keyset cursor: the position (sort keys, then id) of the last record of a page, opaque to clients. */
export const encodeCursor = (position: unknown[]) =>
  Buffer.from(JSON.stringify(position.map((v) => (v instanceof Date ? v.toISOString() : v)))).toString('base64url');

/**
 * The position in a cursor, if it has `length` values and `accept` takes them; anything else (a
 * cursor of another list or order, or garbage) is BAD_USER_INPUT.
 */
export function decodeCursor<P extends unknown[]>(cursor: string, length: number, accept: (position: unknown[]) => boolean = () => true): P {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(decoded) && decoded.length === length && accept(decoded)) return decoded as P;
  } catch {
    // fall through to the error below
  }
  throw badInput('`after` is not a cursor returned by this list in this order', [{ field: 'after', message: 'unknown cursor' }]);
}

/**
 * Keyset pagination over a query: one statement for the page, one for the total count,
 * whatever the page size or position.
 */
export async function paginate<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  { first, after }: PageArgs,
  { column, property, direction, unique = false, key, name, accept = () => true }: Ordering<T>,
  carried?: Carried<T>,
): Promise<Page<T>> {
  const columns = unique ? [column] : [column, `${query.alias}.id`];
  const tag = name === undefined ? [] : [name];
  const positionOf = (record: T) => [...tag, key ? key(record) : record[property], ...(unique ? [] : [record.id])];
  const acceptPosition = (position: unknown[]) =>
    (name === undefined || position[0] === name) && accept(position[tag.length]) && (unique || isUuid(position[tag.length + 1]));
  const page = query.clone().orderBy(column, direction);
  if (!unique) page.addOrderBy(columns[1], direction);
  page.take(first + 1);
  if (after) {
    const values = decodeCursor(after, tag.length + columns.length, acceptPosition).slice(tag.length);
    const comparison = direction === 'ASC' ? '>' : '<';
    const params = Object.fromEntries(values.map((v, i) => [`cursor${i}`, v]));
    page.andWhere(`(${columns.join(', ')}) ${comparison} (${values.map((_v, i) => `:cursor${i}`).join(', ')})`, params);
  }
  const [rows, totalCount] = await Promise.all([carried ? withCarried(page, carried) : page.getMany(), query.clone().getCount()]);
  const nodes = rows.slice(0, first);
  const last = nodes[nodes.length - 1];
  return {
    nodes,
    totalCount,
    pageInfo: {
      hasNextPage: rows.length > first,
      endCursor: last ? encodeCursor(positionOf(last)) : null,
    },
  };
}

/** The records of a query, each with the value `carried` names (matched to its record by id). */
async function withCarried<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, carried: Carried<T>): Promise<T[]> {
  const { raw, entities } = await query.addSelect(carried.sql, carried.alias).getRawAndEntities();
  const values = new Map(raw.map((row: Record<string, unknown>) => [row[`${query.alias}_id`], row[carried.alias]]));
  for (const record of entities) carried.assign(record, values.get(record.id));
  return entities;
}
