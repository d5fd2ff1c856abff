import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { areaMatchSql, changeLogLoader, periodOverlapConditions, plainAreaKeysSql, visibleReferenceLoader } from '@samverkan/federation';
import { groupLoader, isUuid, KeyedId, pairedGroupLoader, recordLoader, Viewer } from '@samverkan/platform';
import { Activity, ActivityOrganiser } from './activity';
import { AreaActivitiesArgs } from './activity.inputs';
import { Actor } from './stubs';

/** Order of every activity list: newest start first, then by id, as in the `activities` query. */
const NEWEST_FIRST = { startsOn: 'DESC', id: 'DESC' } as const;

/**
 * Per-request loaders: every list and reference of this subgraph is fetched in one batch per level.
 * Activities are public listings, so no loader filters them by viewer; the field resolvers of the
 * internal fields (`internalClassification`, `participantCount`) apply the owner's visibility, and
 * a funding agreement is shown only if its owner lets the caller see it.
 */
export function createLoaders(dataSource: DataSource, _viewer: Viewer, authorization?: string) {
  const activities = dataSource.getRepository(Activity);
  const organisers = dataSource.getRepository(ActivityOrganiser);

  const newestFirst = (ids: string[]) => activities.find({ where: { id: In(ids) }, order: NEWEST_FIRST });

  return {
    visibleAgreement: visibleReferenceLoader('Agreement', authorization),
    changeLog: changeLogLoader(dataSource),
    activity: recordLoader<string, Activity>((ids) => activities.findBy({ id: In(ids.filter(isUuid)) }), (a) => a.id),
    /** The organisers of each activity, as `Actor` references, by actor id. */
    organisersOfActivity: groupLoader<string, Actor>(async (ids) =>
      (await organisers.find({ where: { activityId: In(ids.filter(isUuid)) }, order: { actorId: 'ASC' } })).map((o) => [
        o.activityId,
        { id: o.actorId },
      ]),
    ),
    /** The activities each actor organises. */
    activitiesOfActor: pairedGroupLoader<string, Activity>(
      async (ids) => (await organisers.find({ where: { actorId: In(ids.filter(isUuid)) } })).map((o) => ({ key: o.actorId, id: o.activityId })),
      newestFirst,
    ),
    /** The activities in each area, by the arguments of `Area.activities`. */
    activitiesInArea: byArguments((args: AreaActivitiesArgs) => pairedGroupLoader(firstInEachArea(dataSource, args), newestFirst)),
    /** The activities each agreement funds. */
    activitiesOfAgreement: groupLoader<string, Activity>(async (ids) =>
      (await activities.find({ where: { fundingAgreementId: In(ids.filter(isUuid)) }, order: NEWEST_FIRST })).map((a) => [
        a.fundingAgreementId!,
        a,
      ]),
    ),
  };
}

/**
 * One loader per distinct arguments, made when first asked for: the entities asking with the same
 * arguments share one batch, so the statements grow with the distinct arguments in a query, never
 * with the number of entities.
 */
function byArguments<A extends object, K, V>(make: (args: A) => DataLoader<K, V>): (args: A) => DataLoader<K, V> {
  const loaders = new Map<string, DataLoader<K, V>>();
  return (args) => {
    const key = JSON.stringify(Object.entries(args).sort());
    let loader = loaders.get(key);
    if (!loader) loaders.set(key, (loader = make(args)));
    return loader;
  };
}

/**
 * For each area code, the ids of its first `first` activities in the period, newest start first
 * (the order of every activity list), in one statement for all codes: the bound is per area, so
 * a window numbers each area's matches.
 */
const firstInEachArea =
  (dataSource: DataSource, { scope, from, to, first }: AreaActivitiesArgs) =>
  async (codes: string[]): Promise<Array<KeyedId<string>>> => {
    const period = periodOverlapConditions({ start: 't.starts_on', end: 't.ends_on' }, { from, to }, { start: 'from', end: 'to' });
    const [sql, parameters] = dataSource.driver.escapeQueryWithParameters(
      `SELECT key, id FROM (
         SELECT k.key, t.id, row_number() OVER (PARTITION BY k.key ORDER BY t.starts_on DESC, t.id DESC) AS n
           FROM activities t JOIN ${plainAreaKeysSql('CAST(:codes AS text[])')} AS k ON ${areaMatchSql('t.area_code', 'k.code', scope)}
          WHERE ${['true', ...period.map(([condition]) => `(${condition})`)].join(' AND ')}
       ) AS numbered
       WHERE n <= :first`,
      Object.assign({ codes, first }, ...period.map(([, parameters]) => parameters)),
      {},
    );
    return dataSource.query(sql, parameters);
  };

export type ActivitiesLoaders = ReturnType<typeof createLoaders>;
