import { GraphQLError } from 'graphql';
import { DataSource } from 'typeorm';
import { badInput, changeFeedRetentionDays, ErrorCode, Viewer } from '@samverkan/platform';
import { AREA_CODE_PATTERN, areaFilterSql, AreaScope } from '../areas';
import { ChangeAction } from '../change-log';
import { canSee } from '../visibility';
import { asOwned, Audience, currentAudiences, FeedType } from './feed-types';

/** A subgraph's change feed: its name (cursors carry it) and the record types it holds. */
export interface ChangeFeed {
  subgraph: string;
  types: readonly FeedType[];
}

export interface FeedQuery {
  after?: string | null;
  first: number;
  types?: string[] | null;
  areaCode?: string | null;
  scope: AreaScope;
}

/** One entry of a feed, as one caller sees it. */
export interface FeedEntry {
  cursor: string;
  type: string;
  id: string;
  action: ChangeAction;
  fields: string[];
  at: Date;
}

export interface FeedPage {
  entries: FeedEntry[];
  /** Where the next read starts: past every entry looked at, shown or not. */
  cursor: string;
  hasMore: boolean;
}

export const MAX_FEED_PAGE = 1000;
/** The most log entries one read looks at: a caller who sees few of them gets a short page, `hasMore`, and a cursor past them. */
const SCAN_LIMIT = 5000;

const cursorError = (code: ErrorCode.CURSOR_UNKNOWN | ErrorCode.CURSOR_EXPIRED, message: string) =>
  new GraphQLError(message, { extensions: { code, fields: [{ field: 'after', message }] } });

/** A cursor: the position of an entry in the log (0: before the first), opaque, naming its feed. */
export const encodeCursor = (feed: ChangeFeed, sequence: string) => Buffer.from(`${feed.subgraph}:${sequence}`).toString('base64url');

/** The position a cursor names, or CURSOR_UNKNOWN for one this feed never gave out. */
function positionOf(feed: ChangeFeed, cursor: string): string {
  const [subgraph, sequence, ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split(':');
  if (subgraph !== feed.subgraph || rest.length || !/^(0|[1-9]\d{0,17})$/.test(sequence ?? '')) {
    throw cursorError(ErrorCode.CURSOR_UNKNOWN, `This is not a cursor of the ${feed.subgraph} change feed: start again from a snapshot`);
  }
  return sequence;
}

/**
 * Checks that the feed still holds what follows a position: the entry it names is there and within
 * the retention (CHANGE_FEED_RETENTION_DAYS), or, for the start (0), the oldest entry is.
 */
async function assertRetained(dataSource: Pick<DataSource, 'query'>, feed: ChangeFeed, sequence: string, now: Date): Promise<void> {
  const [row] = await dataSource.query(
    sequence === '0' ? 'SELECT min(at) AS at, true AS found FROM change_log' : 'SELECT at, true AS found FROM change_log WHERE sequence = $1',
    sequence === '0' ? [] : [sequence],
  );
  if (!row?.found) throw cursorError(ErrorCode.CURSOR_UNKNOWN, `This is not a cursor of the ${feed.subgraph} change feed: start again from a snapshot`);
  const days = changeFeedRetentionDays();
  if (row.at && now.getTime() - new Date(row.at).getTime() > days * 86_400_000) {
    throw cursorError(
      ErrorCode.CURSOR_EXPIRED,
      `The change feed keeps ${days} days; this cursor is older: take a snapshot and follow the feed from its cursor`,
    );
  }
}

/** Checks a feed's or a snapshot's filters and page size (at most `max`). */
export function assertFeedQuery(feed: ChangeFeed, query: Pick<FeedQuery, 'first' | 'types' | 'areaCode'>, max = MAX_FEED_PAGE): void {
  const known = feed.types.map((t) => t.type);
  const unknown = (query.types ?? []).filter((type) => !known.includes(type));
  if (unknown.length) throw badInput(`The ${feed.subgraph} change feed holds ${known.join(', ')}; not ${unknown.join(', ')}`, [{ field: 'types', message: `one of ${known.join(', ')}` }]);
  if (query.areaCode != null && !AREA_CODE_PATTERN.test(query.areaCode)) throw badInput(`${query.areaCode} is not an area code`, [{ field: 'areaCode', message: 'not an area code' }]);
  if (!Number.isInteger(query.first) || query.first < 1 || query.first > max) {
    throw badInput(`first must be 1–${max}`, [{ field: 'first', message: `1–${max}` }]);
  }
}

interface LogRow {
  sequence: string;
  entity_type: string;
  entity_id: string;
  action: ChangeAction;
  fields: string[];
  at: Date;
  visibility: Audience['visibility'];
  owner_id: string | null;
  shared_with: string[] | null;
  in_area: boolean;
  before_visibility: Audience['visibility'];
  before_owner_id: string | null;
  before_shared_with: string[] | null;
  before_in_area: boolean | null;
}

/** The log after a position, with each entry's audience and the one before it (its record's previous entry), area filter applied in SQL. */
async function readLog(dataSource: Pick<DataSource, 'query'>, after: string, query: FeedQuery, limit: number): Promise<LogRow[]> {
  const parameters: unknown[] = [after, limit, query.types?.length ? query.types : null];
  const bind = (value: string | string[]) => `CAST($${parameters.push(value)} AS ${Array.isArray(value) ? 'text[]' : 'text'})`;
  const inArea = (alias: string) =>
    query.areaCode == null ? 'true' : `EXISTS (SELECT 1 FROM unnest(${alias}.area_codes) AS code WHERE ${areaFilterSql('code', query.areaCode, query.scope, bind)})`;
  return dataSource.query(
    `SELECT c.sequence, c.entity_type, c.entity_id, c.action, c.fields, c.at, c.visibility, c.owner_id, c.shared_with, ${inArea('c')} AS in_area,
            p.visibility AS before_visibility, p.owner_id AS before_owner_id, p.shared_with AS before_shared_with, p.in_area AS before_in_area
       FROM change_log c
       LEFT JOIN LATERAL (
         SELECT b.visibility, b.owner_id, b.shared_with, ${inArea('b')} AS in_area FROM change_log b
          WHERE b.entity_id = c.entity_id AND b.sequence < c.sequence ORDER BY b.sequence DESC LIMIT 1
       ) p ON true
      WHERE c.sequence > $1 AND ($3::text[] IS NULL OR c.entity_type = ANY($3::text[]))
      ORDER BY c.sequence LIMIT $2`,
    parameters,
  );
}

/**
 * What one log entry is for this caller, or null when it is nothing to them. In view before and
 * after (by the audiences kept with the entries, and the area filter): the change itself, while the
 * record is still in their view now. Only after: CREATED (it came into their view: read it whole),
 * likewise while still in view. Only before: DELETED (deleted, or out of their view: the same to
 * them, on purpose). A record that is public itself with internal fields (`FeedType.internalFields`)
 * is always in view; its internal fields count as changed for a caller who gains or loses them.
 */
function entryFor(row: LogRow, type: FeedType, viewer: Viewer, now: Audience | undefined): Omit<FeedEntry, 'cursor'> | null {
  const audienceAfter = asOwned({ visibility: row.visibility, ownerId: row.owner_id, sharedWith: row.shared_with });
  // A record changed without a logged creation predates the log (demo data): as far as the log knows, it was where it is now.
  const predates = row.before_in_area === null && row.action !== ChangeAction.CREATED;
  const audienceBefore = predates ? audienceAfter : asOwned({ visibility: row.before_visibility, ownerId: row.before_owner_id, sharedWith: row.before_shared_with });
  const inAreaBefore = predates ? row.in_area : row.before_in_area === true;
  const internal = type.internalFields;
  const inView = (audience: ReturnType<typeof asOwned>) => Boolean(internal) || canSee(audience, viewer);
  const before = inAreaBefore && inView(audienceBefore);
  const after = row.in_area && row.action !== ChangeAction.DELETED && inView(audienceAfter);
  const base = { type: row.entity_type, id: row.entity_id, at: row.at };
  if (before && !after) return { ...base, action: ChangeAction.DELETED, fields: [] };
  if (!after || !(internal || (now && canSee(asOwned(now), viewer)))) return null;
  if (!before) return { ...base, action: ChangeAction.CREATED, fields: row.fields };
  if (!internal) return { ...base, action: row.action, fields: row.fields };
  const internalBefore = canSee(audienceBefore, viewer);
  const internalNow = canSee(audienceAfter, viewer) && now !== undefined && canSee(asOwned(now), viewer);
  const fields = new Set(row.fields.filter((field) => internalNow || !internal.includes(field)));
  if (internalNow !== internalBefore) for (const field of internal) fields.add(field);
  return fields.size ? { ...base, action: row.action, fields: [...fields] } : null;
}

/**
 * A page of the feed for one caller: the changes after `query.after`, in commit order, to the
 * records the caller may see (in the area, when asked), as they may see them. Reads the log in
 * chunks until the page is full, the log ends, or SCAN_LIMIT entries were looked at.
 */
export async function readChanges(dataSource: Pick<DataSource, 'query'>, viewer: Viewer, feed: ChangeFeed, query: FeedQuery, now: Date): Promise<FeedPage> {
  assertFeedQuery(feed, query);
  const start = query.after == null ? '0' : positionOf(feed, query.after);
  await assertRetained(dataSource, feed, start, now);
  const types = new Map(feed.types.map((t) => [t.type, t]));
  const entries: FeedEntry[] = [];
  // First as many entries as the page holds (a caller who sees most of the log needs no more), then twice as many each time.
  let [position, scanned, logEnded, chunk] = [start, 0, false, query.first];
  while (entries.length < query.first && scanned < SCAN_LIMIT && !logEnded) {
    chunk = Math.min(chunk, SCAN_LIMIT - scanned);
    const rows = await readLog(dataSource, position, query, chunk);
    logEnded = rows.length < chunk;
    const audiencesNow = new Map<string, Audience>();
    for (const type of new Set(rows.map((row) => row.entity_type))) {
      if (!types.has(type)) continue;
      const ids = rows.filter((row) => row.entity_type === type).map((row) => row.entity_id);
      for (const [id, audience] of await currentAudiences(dataSource, type, ids)) audiencesNow.set(id, audience);
    }
    for (const row of rows) {
      const type = types.get(row.entity_type);
      const entry = type && entryFor(row, type, viewer, audiencesNow.get(row.entity_id));
      [position, scanned] = [row.sequence, scanned + 1];
      if (entry) entries.push({ ...entry, cursor: encodeCursor(feed, row.sequence) });
      if (entries.length === query.first) {
        logEnded &&= row === rows[rows.length - 1];
        break;
      }
    }
    chunk *= 2;
  }
  return { entries, cursor: encodeCursor(feed, position), hasMore: !logEnded };
}

/** The cursor of the feed's end as of now: a reader starting there gets every change from now on. */
export async function feedEnd(dataSource: Pick<DataSource, 'query'>, feed: ChangeFeed): Promise<string> {
  const [row] = await dataSource.query('SELECT COALESCE(max(sequence), 0)::text AS sequence FROM change_log');
  return encodeCursor(feed, row.sequence);
}
