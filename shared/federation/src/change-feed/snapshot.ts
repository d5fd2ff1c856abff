import { GraphQLError } from 'graphql';
import { DataSource } from 'typeorm';
import { ErrorCode, isUuid, MAX_PAGE_SIZE, SubgraphContext } from '@samverkan/platform';
import { areaFilterSql, AreaScope } from '../areas';
import { canSee } from '../visibility';
import { assertFeedQuery, ChangeFeed, feedEnd } from './change-feed';
import { asOwned, FeedType } from './feed-types';

export interface SnapshotQuery {
  page?: string | null;
  first: number;
  types?: string[] | null;
  areaCode?: string | null;
  scope: AreaScope;
}

export interface SnapshotPage {
  /** The feed cursor taken when the snapshot began: follow the feed after it once the last page is read. */
  feedCursor: string;
  records: unknown[];
  /** The next page's token; null on the last page. */
  nextPage: string | null;
}

/** Where a snapshot stands: the feed cursor it began at, the type it is at (by index) and the last id it looked at. */
interface Position {
  feedCursor: string;
  type: number;
  afterId: string;
}

const encodePage = (position: Position) => Buffer.from(JSON.stringify(position)).toString('base64url');

function decodePage(page: string, types: readonly FeedType[]): Position {
  try {
    const position = JSON.parse(Buffer.from(page, 'base64url').toString('utf8')) as Position;
    if (typeof position.feedCursor === 'string' && Number.isInteger(position.type) && position.type >= 0 && position.type < types.length && (position.afterId === '' || isUuid(position.afterId))) {
      return position;
    }
  } catch {
    // Not JSON: refused below like any other token this snapshot never gave out.
  }
  throw new GraphQLError('This is not a page token of this snapshot: start the snapshot again', {
    extensions: { code: ErrorCode.BAD_USER_INPUT, fields: [{ field: 'page', message: 'not a page token' }] },
  });
}

/** The ids after `afterId` of one type's records the caller may see (in the area, when asked), up to `first`; and the last id looked at. */
async function visibleIds(dataSource: DataSource, context: SubgraphContext<unknown>, type: FeedType, query: SnapshotQuery, afterId: string, first: number) {
  const parameters: unknown[] = [afterId || '00000000-0000-0000-0000-000000000000', 4 * first];
  const bind = (value: string | string[]) => `CAST($${parameters.push(value)} AS ${Array.isArray(value) ? 'text[]' : 'text'})`;
  const inArea = query.areaCode == null ? 'true' : `EXISTS (SELECT 1 FROM unnest(a.area_codes) AS code WHERE ${areaFilterSql('code', query.areaCode, query.scope, bind)})`;
  const chunk = `(SELECT array_agg(id) FROM (SELECT id FROM ${type.table} WHERE id > CAST($1 AS uuid) ORDER BY id LIMIT $2) page)`;
  const rows: Array<{ id: string; visibility: string | null; owner_id: string | null; shared_with: string[] | null; in_area: boolean }> = await dataSource.query(
    `SELECT a.id, a.visibility, a.owner_id, a.shared_with, ${inArea} AS in_area FROM (${type.audienceSql.replaceAll('$1', chunk)}) a ORDER BY a.id`,
    parameters,
  );
  const seen = rows.filter((row) => row.in_area && (type.internalFields || canSee(asOwned({ visibility: row.visibility as never, ownerId: row.owner_id, sharedWith: row.shared_with }), context.viewer)));
  const ids = seen.slice(0, first).map((row) => row.id);
  const full = seen.length >= first;
  return { ids, lastId: full ? ids[ids.length - 1] : rows[rows.length - 1]?.id, exhausted: !full && rows.length < 4 * first };
}

/**
 * A page of a snapshot of what the caller may see, type after type, by id. The feed cursor is
 * taken before the first page: a change made while the pages are read is in the feed after it,
 * so a local system that reads every page and then follows the feed misses nothing (a record may
 * come twice: once in a page, once in the feed).
 */
export async function readSnapshot(context: SubgraphContext<unknown>, feed: ChangeFeed, query: SnapshotQuery): Promise<SnapshotPage> {
  assertFeedQuery(feed, query, MAX_PAGE_SIZE);
  const types = query.types?.length ? feed.types.filter((t) => query.types!.includes(t.type)) : feed.types;
  let position = query.page ? decodePage(query.page, types) : { feedCursor: await feedEnd(context.dataSource, feed), type: 0, afterId: '' };
  const records: unknown[] = [];
  while (records.length < query.first && position.type < types.length) {
    const type = types[position.type];
    const { ids, lastId, exhausted } = await visibleIds(context.dataSource, context, type, query, position.afterId, query.first - records.length);
    records.push(...(await type.load(context, ids)).filter((record) => record && !(record instanceof Error)));
    position = exhausted ? { ...position, type: position.type + 1, afterId: '' } : { ...position, afterId: lastId ?? position.afterId };
  }
  return { feedCursor: position.feedCursor, records, nextPage: position.type < types.length ? encodePage(position) : null };
}


