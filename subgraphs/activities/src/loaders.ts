import { DataSource, In } from 'typeorm';
import { areaMatchSql, AreaScope, groupLoader, isUuid, recordLoader } from '@samverkan/shared';
import { Activity, ActivityOrganiser } from './activity';
import { Actor } from './stubs';

/** Order of every activity list: newest start first, then by id, as in the `activities` query. */
const NEWEST_FIRST = { startsOn: 'DESC', id: 'DESC' } as const;

/** Per-request loaders: every list and reference of this subgraph is fetched in one batch per level. */
export function createLoaders(dataSource: DataSource) {
  const activities = dataSource.getRepository(Activity);
  const organisers = dataSource.getRepository(ActivityOrganiser);

  /** Pairs each key with the activities found for it, newest start first. */
  const pairActivities = async (pairs: Array<{ key: string; activity_id: string }>): Promise<Array<[string, Activity]>> => {
    if (pairs.length === 0) return [];
    const found = await activities.find({ where: { id: In([...new Set(pairs.map((p) => p.activity_id))]) }, order: NEWEST_FIRST });
    const rank = new Map(found.map((activity, index) => [activity.id, index]));
    const byId = new Map(found.map((activity) => [activity.id, activity]));
    return pairs
      .filter((p) => byId.has(p.activity_id))
      .sort((a, b) => rank.get(a.activity_id)! - rank.get(b.activity_id)!)
      .map((p) => [p.key, byId.get(p.activity_id)!]);
  };

  const activitiesInArea = (scope: AreaScope) =>
    groupLoader<string, Activity>(async (codes) =>
      pairActivities(
        await dataSource.query(
          `SELECT k.code AS key, a.id AS activity_id FROM activities a
             JOIN unnest($1::text[]) AS k(code) ON ${areaMatchSql('a.area_code', 'k.code', scope)}`,
          [codes],
        ),
      ),
    );

  return {
    activity: recordLoader<string, Activity>((ids) => activities.findBy({ id: In(ids.filter(isUuid)) }), (a) => a.id),
    /** The organisers of each activity, as `Actor` references, by actor id. */
    organisersOfActivity: groupLoader<string, Actor>(async (ids) =>
      (await organisers.find({ where: { activityId: In(ids.filter(isUuid)) }, order: { actorId: 'ASC' } })).map((o) => [
        o.activityId,
        { id: o.actorId },
      ]),
    ),
    /** The activities each actor organises. */
    activitiesOfActor: groupLoader<string, Activity>(async (ids) =>
      pairActivities(
        (await organisers.find({ where: { actorId: In(ids.filter(isUuid)) } })).map((o) => ({ key: o.actorId, activity_id: o.activityId })),
      ),
    ),
    activitiesInArea: {
      [AreaScope.WITHIN]: activitiesInArea(AreaScope.WITHIN),
      [AreaScope.OVERLAPPING]: activitiesInArea(AreaScope.OVERLAPPING),
    },
    /** The activities each agreement funds. */
    activitiesOfAgreement: groupLoader<string, Activity>(async (ids) =>
      (await activities.find({ where: { fundingAgreementId: In(ids.filter(isUuid)) }, order: NEWEST_FIRST })).map((a) => [
        a.fundingAgreementId!,
        a,
      ]),
    ),
  };
}

export type ActivitiesLoaders = ReturnType<typeof createLoaders>;
