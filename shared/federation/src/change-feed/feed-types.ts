import { ClassType } from 'type-graphql';
import { EntityManager } from 'typeorm';
import { SubgraphContext } from '@samverkan/platform';
import { Owned, Visibility } from '../visibility';

/**
 * How one record type of a subgraph shows in its change feed: who may see a record and where it
 * is. Every change-log entry keeps this as it was right after the change (its audience), so the
 * feed can tell each caller, change by change, whether the record came into or went out of view.
 */
export interface FeedType {
  /** The GraphQL type name, as `change_log.entity_type` holds it. */
  type: string;
  /**
   * SQL over `$1` (uuid[]): one row per record that exists, with columns `id`, `visibility`,
   * `owner_id`, `shared_with` (all null for a record everyone may see) and `area_codes` (text[]).
   */
  audienceSql: string;
  /**
   * Fields of a record that is itself public but shows these only to those its `visibility` admits
   * (the activities' internal fields). Without it, the record as a whole follows its visibility.
   */
  internalFields?: string[];
  /** The GraphQL class of its records, for the snapshot's records. */
  entity: ClassType<object>;
  /** Its table (with an `id` column), which the snapshot pages through by id. */
  table: string;
  /** Its records by id, as the caller may see them (a subgraph's loaders), for the snapshot. */
  load(context: SubgraphContext<any>, ids: string[]): Promise<unknown[]>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** Who may see a record and the areas it is in, as of one change. */
export interface Audience {
  visibility: Visibility | null;
  ownerId: string | null;
  sharedWith: string[] | null;
  areaCodes: string[];
}

/** A record's audience, readable by `canSee`: no visibility means public. */
export const asOwned = (audience: Pick<Audience, 'visibility' | 'ownerId' | 'sharedWith'>): Owned => ({
  visibility: audience.visibility ?? Visibility.PUBLIC,
  ownerId: audience.ownerId ?? '',
  sharedWith: audience.sharedWith ?? [],
});

// One subgraph per process (as type-graphql's metadata): the feed types it registered.
const registered = new Map<string, FeedType>();

/** Makes record types known to the change log; the subgraph's `changeFeedResolver` does this. */
export function registerFeedTypes(types: readonly FeedType[]): void {
  for (const type of types) registered.set(type.type, type);
}

export function feedTypeOf(type: string): FeedType {
  const feedType = registered.get(type);
  if (!feedType) throw new Error(`no change-feed type ${type} is registered: add it to the subgraph's changeFeedResolver`);
  return feedType;
}

interface AudienceRow {
  id: string;
  visibility: Visibility | null;
  owner_id: string | null;
  shared_with: string[] | null;
  area_codes: string[] | null;
}

/** The audiences of records of one type as they stand now (in `manager`'s transaction), by id; a deleted record has none. */
export async function currentAudiences(manager: Pick<EntityManager, 'query'>, type: string, ids: readonly string[]): Promise<Map<string, Audience>> {
  if (!ids.length) return new Map();
  const rows: AudienceRow[] = await manager.query(feedTypeOf(type).audienceSql, [[...new Set(ids)]]);
  return new Map(
    rows.map((row) => [row.id, { visibility: row.visibility, ownerId: row.owner_id, sharedWith: row.shared_with, areaCodes: row.area_codes ?? [] }]),
  );
}

/** The audience each record had at its latest change-log entry, by id: what a deletion keeps. */
export async function lastAudiences(manager: Pick<EntityManager, 'query'>, ids: readonly string[]): Promise<Map<string, Audience>> {
  if (!ids.length) return new Map();
  const rows: Array<AudienceRow & { entity_id: string }> = await manager.query(
    `SELECT DISTINCT ON (entity_id) entity_id, visibility, owner_id, shared_with, area_codes
       FROM change_log WHERE entity_id = ANY(CAST($1 AS uuid[])) ORDER BY entity_id, sequence DESC`,
    [[...new Set(ids)]],
  );
  return new Map(
    rows.map((row) => [row.entity_id, { visibility: row.visibility, ownerId: row.owner_id, sharedWith: row.shared_with, areaCodes: row.area_codes ?? [] }]),
  );
}
