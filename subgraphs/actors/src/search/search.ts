import { DataSource, EntityTarget, In, ObjectLiteral } from 'typeorm';
import { AreaScope, assertNearForDistance, NearInput, swedishQuerySql, withinCircleSql } from '@samverkan/federation';
import { badInput, decodeCursor, encodeCursor, isSignedIn, isUuid, Page, PageArgs, unauthenticated, Viewer } from '@samverkan/platform';
import { Actor } from '../registry/actor';
import { registryAreaFilterSql } from '../areas/named-areas';
import { actorNotArchivedSql } from '../registry/archiving';
import type { ActorFilter } from '../registry/actor.inputs';
import { ActorOrder, OfferConditions, SearchOrder, ServiceFilter, ServiceOrder } from './search.inputs';
import { Service } from '../services/service';

/**
 * Search in the registry: actors and services by area (with sub-areas), what is offered, for whom
 * and at what age, free text in Swedish, and distance from a point; ordered by name, relevance or
 * distance, a page at a time with keyset cursors.
 *
 * Each page is one statement (the matching rows' ids and sort keys, the page after the cursor, and
 * the total count) plus one to load the records of the page.
 */

/** Numbered parameters of one statement; a placeholder may be used several times. */
class Params {
  readonly values: unknown[] = [];
  add(value: unknown, cast: string): string {
    this.values.push(value);
    return `$${this.values.length}::${cast}`;
  }
}

/** A `bind` for the area filters: text and text[] values as parameters of `params`. */
const bindText = (params: Params) => (value: string | string[]) => params.add(value, Array.isArray(value) ? 'text[]' : 'text');

/** A CTE `near_areas(code, distance_km)`: the areas whose point lies within the circle, computed once. */
function nearAreasCte(near: NearInput, params: Params): string {
  const centre = { latitude: params.add(near.latitude, 'float8'), longitude: params.add(near.longitude, 'float8') };
  const point = { latitude: 'latitude', longitude: 'longitude' };
  const { distance, condition } = withinCircleSql(point, centre, params.add(near.radiusKm, 'float8'));
  return `near_areas AS MATERIALIZED (
    SELECT code, ${distance} AS distance_km FROM areas WHERE ${condition})`;
}

/** Conditions on a service (alias `s`) from what is asked for: category, target group, age. */
function offerConditions(s: string, filter: OfferConditions | undefined, params: Params): string[] {
  const conditions: string[] = [];
  if (filter?.categories?.length) conditions.push(`${s}.category = ANY(${params.add(filter.categories, 'text[]')})`);
  if (filter?.targetGroups?.length) conditions.push(`${s}.target_groups && ${params.add(filter.targetGroups, 'text[]')}`);
  if (filter?.age !== undefined && filter?.age !== null) {
    const age = params.add(filter.age, 'int');
    conditions.push(
      `(${s}.age_min IS NOT NULL OR ${s}.age_max IS NOT NULL) AND coalesce(${s}.age_min, 0) <= ${age} AND coalesce(${s}.age_max, 1000) >= ${age}`,
    );
  }
  return conditions;
}

/** Refuses orders that need a filter they lack, and the network-only filter to the public. */
function checkSearch(viewer: Viewer, filter: OfferConditions & { text?: string } | undefined, order: SearchOrder) {
  if (filter?.receivesYoungPeopleAtRisk !== undefined && filter.receivesYoungPeopleAtRisk !== null && !isSignedIn(viewer)) {
    throw unauthenticated('Sign in to filter by receivesYoungPeopleAtRisk: it is network information');
  }
  if (order === 'RELEVANCE' && !filter?.text?.trim()) {
    throw badInput('orderBy RELEVANCE needs a text filter', [{ field: 'orderBy', message: 'RELEVANCE needs filter.text' }]);
  }
  assertNearForDistance(order === 'DISTANCE', filter?.near);
}

/** A CTE `text_query(query)` holding the Swedish full-text query, and the scalar subquery reading it (evaluated once per statement). */
function textQuery(text: string, params: Params): { cte: string; query: string } {
  return { cte: `text_query AS (SELECT ${swedishQuerySql(params.add(text, 'text'))} AS query)`, query: '(SELECT query FROM text_query)' };
}

/** Services matching a filter, in the chosen order, a page at a time. */
export function searchServices(
  dataSource: DataSource,
  viewer: Viewer,
  filter: ServiceFilter | undefined,
  page: PageArgs,
  order: ServiceOrder = ServiceOrder.NAME,
): Promise<Page<Service>> {
  checkSearch(viewer, filter, order);
  const params = new Params();
  const ctes: string[] = [];
  const joins: string[] = [];
  const where = offerConditions('t', filter, params);
  if (!filter?.includeArchived) where.push(actorNotArchivedSql('t.actor_id'));
  if (filter?.actorId) where.push(`t.actor_id = ${params.add(filter.actorId, 'uuid')}`);
  if (filter?.areaCode) {
    const area = registryAreaFilterSql('sa.area_code', filter.areaCode, filter.areaScope ?? AreaScope.WITHIN, bindText(params));
    where.push(`EXISTS (SELECT 1 FROM service_areas sa WHERE sa.service_id = t.id AND ${area})`);
  }
  if (filter?.receivesYoungPeopleAtRisk !== undefined && filter.receivesYoungPeopleAtRisk !== null) {
    where.push(`t.actor_id IN (SELECT id FROM actors WHERE receives_young_people_at_risk = ${params.add(filter.receivesYoungPeopleAtRisk, 'boolean')})`);
  }
  let rank: string | undefined;
  if (filter?.text?.trim()) {
    const { cte, query } = textQuery(filter.text, params);
    ctes.push(cte);
    where.push(`t.search_vector @@ ${query}`);
    rank = `ts_rank(t.search_vector, ${query})`;
  }
  if (filter?.near) {
    // Each service with an area in the circle, at the distance of its nearest such area.
    ctes.push(nearAreasCte(filter.near, params));
    joins.push(`JOIN (SELECT sa.service_id AS id, min(na.distance_km) AS distance_km
      FROM service_areas sa JOIN near_areas na ON na.code = sa.area_code GROUP BY sa.service_id) near ON near.id = t.id`);
  }
  const sortKey = order === 'RELEVANCE' ? `-(${rank})::float8` : order === 'DISTANCE' ? 'near.distance_km' : 't.name';
  return keysetSearch(dataSource, Service, { table: 'services', ctes, joins, where, sortKey, order, params }, page);
}

/** Actors matching a filter, in the chosen order, a page at a time. */
export function searchActors(
  dataSource: DataSource,
  viewer: Viewer,
  filter: ActorFilter | undefined,
  page: PageArgs,
  order: ActorOrder = ActorOrder.NAME,
): Promise<Page<Actor>> {
  checkSearch(viewer, filter, order);
  const params = new Params();
  const ctes: string[] = [];
  const joins: string[] = [];
  const where: string[] = [];
  if (!filter?.includeArchived) where.push(actorNotArchivedSql('t.id'));
  if (filter?.kinds?.length) where.push(`t.kind = ANY(${params.add(filter.kinds, 'text[]')})`);
  if (filter?.parentId) where.push(`t.parent_id = ${params.add(filter.parentId, 'uuid')}`);
  if (filter?.receivesYoungPeopleAtRisk !== undefined && filter.receivesYoungPeopleAtRisk !== null) {
    where.push(`t.receives_young_people_at_risk = ${params.add(filter.receivesYoungPeopleAtRisk, 'boolean')}`);
  }
  const areaMatch = (column: string) =>
    registryAreaFilterSql(column, filter!.areaCode!, filter!.areaScope ?? AreaScope.WITHIN, bindText(params));
  if (filter?.near) ctes.push(nearAreasCte(filter.near, params));

  // With conditions on what is offered, area and distance are those of a service that meets them all;
  // otherwise they are the areas the actor works in.
  const offer = offerConditions('s', filter, params);
  if (offer.length) {
    if (filter?.areaCode) offer.push(`EXISTS (SELECT 1 FROM service_areas sa WHERE sa.service_id = s.id AND ${areaMatch('sa.area_code')})`);
    if (filter?.near) {
      joins.push(`JOIN (SELECT s.actor_id AS id, min(na.distance_km) AS distance_km
        FROM services s JOIN service_areas sa ON sa.service_id = s.id JOIN near_areas na ON na.code = sa.area_code
        WHERE ${offer.join(' AND ')} GROUP BY s.actor_id) near ON near.id = t.id`);
    } else {
      where.push(`EXISTS (SELECT 1 FROM services s WHERE s.actor_id = t.id AND ${offer.join(' AND ')})`);
    }
  } else {
    if (filter?.areaCode) where.push(`EXISTS (SELECT 1 FROM actor_areas aa WHERE aa.actor_id = t.id AND ${areaMatch('aa.area_code')})`);
    if (filter?.near) {
      joins.push(`JOIN (SELECT aa.actor_id AS id, min(na.distance_km) AS distance_km
        FROM actor_areas aa JOIN near_areas na ON na.code = aa.area_code GROUP BY aa.actor_id) near ON near.id = t.id`);
    }
  }

  // Free text matches the actor's own words or those of any of its services; the best match counts.
  if (filter?.text?.trim()) {
    const { cte, query } = textQuery(filter.text, params);
    ctes.push(cte);
    joins.push(`JOIN (SELECT id, max(rank) AS rank FROM (
        SELECT id, ts_rank(search_vector, ${query}) AS rank FROM actors WHERE search_vector @@ ${query}
        UNION ALL SELECT actor_id, ts_rank(search_vector, ${query}) FROM services WHERE search_vector @@ ${query}) ranked
      GROUP BY id) text_match ON text_match.id = t.id`);
  }
  const sortKey = order === 'RELEVANCE' ? '-(text_match.rank)::float8' : order === 'DISTANCE' ? 'near.distance_km' : 't.name';
  return keysetSearch(dataSource, Actor, { table: 'actors', ctes, joins, where, sortKey, order, params }, page);
}

interface SearchStatement {
  table: string;
  ctes: string[];
  /** Joins that filter the rows and give their rank or distance (one row per record at most). */
  joins: string[];
  /** Conditions on the table's rows (alias `t`), all of which must hold. */
  where: string[];
  /** What the rows are ordered by (ties by id); for RELEVANCE the negated rank, so that every order ascends. */
  sortKey: string;
  order: SearchOrder;
  params: Params;
}

/** A cursor: the order it was made for, the sort key and the id of the last record of a page. */
type Cursor = [order: SearchOrder, key: string | number, id: string];

const decodeSearchCursor = (after: string, order: SearchOrder) =>
  decodeCursor<Cursor>(after, 3, ([cursorOrder, key, id]) => cursorOrder === order && typeof key === (order === 'NAME' ? 'string' : 'number') && isUuid(id));

async function keysetSearch<T extends ObjectLiteral & { id: string }>(
  dataSource: DataSource,
  entity: EntityTarget<T>,
  { table, ctes, joins, where, sortKey, order, params }: SearchStatement,
  { first, after }: PageArgs,
): Promise<Page<T>> {
  let afterCursor = '';
  if (after) {
    const [, key, id] = decodeSearchCursor(after, order);
    afterCursor = `WHERE (sort_key, id) > (${params.add(key, order === 'NAME' ? 'text' : 'float8')}, ${params.add(id, 'uuid')})`;
  }
  const rows: Array<{ total: number; id: string | null; sort_key: string | number | null }> = await dataSource.query(
    `WITH ${[...ctes, `matches AS (SELECT t.id, ${sortKey} AS sort_key FROM ${table} t ${joins.join(' ')} WHERE ${where.join(' AND ') || 'true'})`].join(',\n')}
     SELECT c.total, m.id, m.sort_key
     FROM (SELECT count(*)::int AS total FROM matches) c
     LEFT JOIN (SELECT id, sort_key FROM matches ${afterCursor} ORDER BY sort_key, id LIMIT ${params.add(first + 1, 'int')}) m ON true
     ORDER BY m.sort_key, m.id`,
    params.values,
  );
  const onPage = rows.filter((row) => row.id !== null).slice(0, first);
  const records = onPage.length ? await dataSource.getRepository(entity).findBy({ id: In(onPage.map((row) => row.id)) } as never) : [];
  const byId = new Map(records.map((record) => [record.id, record]));
  const last = onPage[onPage.length - 1];
  return {
    nodes: onPage.map((row) => byId.get(row.id!)!).filter(Boolean),
    totalCount: rows[0]?.total ?? 0,
    pageInfo: {
      hasNextPage: rows.filter((row) => row.id !== null).length > first,
      endCursor: last ? encodeCursor([order, last.sort_key!, last.id!]) : null,
    },
  };
}
