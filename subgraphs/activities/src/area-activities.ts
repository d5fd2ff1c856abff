import DataLoader from 'dataloader';
import { DataSource, ObjectLiteral } from 'typeorm';
import { areaJoinSql, areaKeyRangesSql, areaPrefilterSql, AreaScope, inAreaRangeSql, namedParameters, periodOverlapConditions, plainAreaKeysSql } from '@samverkan/federation';
import { decodeCursor, encodeCursor, isCalendarDay, isUuid, KeyedId, Page, queryNamed } from '@samverkan/platform';
import { Activity } from './activity';
import { OccurrenceFilter } from './schedule/schedule.inputs';
import { occursConditions } from './schedule/schedule';

/**
 * The activities in each of several areas (the codes in `:codes`) in a period (and with an occurrence
 * matching `occurs`, when given), as SQL `FROM ... WHERE ...` over `t` (the activities' id,
 * `starts_on`, `ends_on` and `start_time`, and `key`, the area code), with its parameters: the one
 * match the nested lists of `Area` share, the root filter's area, period and occurrence rules.
 * An activity is in an area when any of its areas is, and is listed once per area however many of
 * its areas lie there: by its primary area (`activities.area_code`, read through its index as ever),
 * else by the first of its other areas there (the few rows of `activity_areas` that are not primary,
 * through their own index).
 */
function inEachArea(
  { scope, from, to, occurs }: { scope: AreaScope; from?: string | null; to?: string | null; occurs?: OccurrenceFilter | null },
  codes: string[],
  extra: string[] = [],
): [string, ObjectLiteral] {
  const period = periodOverlapConditions({ start: 't.starts_on', end: 't.ends_on' }, { from, to }, { start: 'from', end: 'to' });
  const occurring = occurs ? occursConditions('t', occurs, 'occurs') : [];
  const conditions = ['true', ...[...period, ...occurring].map(([condition]) => `(${condition})`), ...extra];
  const [join, joinParameters] = areaJoinSql('activities', codes, scope);
  const { bind, parameters: otherParameters } = namedParameters('otherAreaPrefilter');
  const others = `activity_areas aa JOIN ${areaKeyRangesSql(plainAreaKeysSql('CAST(:codes AS text[])'), scope)} AS k
      ON NOT aa.primary_area AND ${inAreaRangeSql('aa.area_code', 'k')} AND ${areaPrefilterSql('aa.area_code', codes, scope, bind)}
    JOIN activities t ON t.id = aa.activity_id
    WHERE NOT ${inAreaRangeSql('t.area_code', 'k')}
      AND NOT EXISTS (SELECT 1 FROM activity_areas a2 WHERE a2.activity_id = aa.activity_id AND NOT a2.primary_area AND a2.area_code < aa.area_code AND ${inAreaRangeSql('a2.area_code', 'k')})`;
  const columns = 'k.key, t.id, t.starts_on, t.ends_on, t.start_time';
  return [
    `FROM (SELECT ${columns} FROM ${join} UNION ALL SELECT ${columns} FROM ${others}) AS t WHERE ${conditions.join(' AND ')}`,
    Object.assign({ codes }, joinParameters, otherParameters, ...[...period, ...occurring].map(([, parameters]) => parameters)),
  ];
}

/** Numbers each area's matches in the order of every activity list (newest start first, then id), so a bound applies per area. */
const NUMBERED = 'row_number() OVER (PARTITION BY t.key ORDER BY t.starts_on DESC, t.id DESC) AS n';

/** For each area code, the ids of its first `first` activities in the period, in one statement for all codes. */
export const firstInEachArea =
  (dataSource: DataSource, args: { scope: AreaScope; from?: string | null; to?: string | null; occurs?: OccurrenceFilter | null; first: number }) =>
  (codes: string[]): Promise<Array<KeyedId<string>>> => {
    const [matches, parameters] = inEachArea(args, codes);
    return queryNamed(dataSource, `SELECT key, id FROM (SELECT t.key, t.id, ${NUMBERED} ${matches}) AS numbered WHERE n <= :first`, { ...parameters, first: args.first });
  };

/** A cursor of an area's activity page: the start date and id of the last activity. */
const isPosition = ([day, id]: unknown[]) => isCalendarDay(day) && isUuid(id);

/**
 * A page of each area's activities in the period, after the cursor, for all codes at once: the
 * page's ids (one more than `first`, to tell whether more follow) and the totals, then the activities.
 */
export function pageInEachArea(
  dataSource: DataSource,
  fetch: (ids: string[]) => Promise<Activity[]>,
  args: { scope: AreaScope; from?: string | null; to?: string | null; occurs?: OccurrenceFilter | null; first: number; after?: string | null },
): DataLoader<string, Page<Activity>> {
  return new DataLoader(async (keys) => {
    const codes = [...keys];
    const cursor = args.after ? decodeCursor<[string, string]>(args.after, 2, isPosition) : null;
    const [matches, parameters] = inEachArea(args, codes, cursor ? ['(t.starts_on, t.id) < (CAST(:afterDay AS date), CAST(:afterId AS uuid))'] : []);
    const [counted, countParameters] = inEachArea(args, codes);
    const [pairs, totals] = await Promise.all([
      queryNamed<KeyedId<string>>(dataSource, `SELECT key, id FROM (SELECT t.key, t.id, ${NUMBERED} ${matches}) AS numbered WHERE n <= :take`, {
        ...parameters,
        take: args.first + 1,
        ...(cursor ? { afterDay: cursor[0], afterId: cursor[1] } : {}),
      }),
      queryNamed<{ key: string; total: number }>(dataSource, `SELECT t.key, count(*)::int AS total ${counted} GROUP BY t.key`, countParameters),
    ]);
    const found = pairs.length ? await fetch([...new Set(pairs.map((pair) => pair.id))]) : [];
    const rank = new Map(found.map((activity, index) => [activity.id, index]));
    const lists = new Map<string, Activity[]>(codes.map((code) => [code, []]));
    for (const pair of pairs.filter((p) => rank.has(p.id)).sort((a, b) => rank.get(a.id)! - rank.get(b.id)!)) lists.get(pair.key)?.push(found[rank.get(pair.id)!]);
    const totalOf = new Map(totals.map((row) => [row.key, row.total]));
    return codes.map((code) => {
      const rows = lists.get(code) ?? [];
      const nodes = rows.slice(0, args.first);
      const last = nodes[nodes.length - 1];
      return {
        nodes,
        totalCount: totalOf.get(code) ?? 0,
        pageInfo: { hasNextPage: rows.length > args.first, endCursor: last ? encodeCursor([last.startsOn, last.id]) : null },
      };
    });
  });
}
