import { DataSource, In, ObjectLiteral } from 'typeorm';
import { ActorRecordsArgs, areaConditionSql, changeLogLoader, externalIdLoader, visibleReferenceLoader, webhookDeliveriesLoader } from '@samverkan/federation';
import { byArguments, firstPerKeyLoader, groupLoader, isUuid, NestedListArgs, pairedGroupLoader, recordLoader, selectOnly, Viewer } from '@samverkan/platform';
import { Activity, ActivityOrganiser } from './activity';
import { AreaActivitiesArgs, AreaActivityPageArgs } from './activity.inputs';
import { firstInEachArea, pageInEachArea } from './area-activities';
import { Actor, Area } from './stubs';
import { activityFiguresLoader } from './activity-figures';
import { ActivityVouchRow } from './vouching/vouch';

/** The columns a nested list reads (`activityColumns`); all when left out. */
type Projected = { columns?: string[] };

/** Order of every activity list: newest start first, then by id, as in the `activities` query. */
const NEWEST_FIRST = { startsOn: 'DESC', id: 'DESC' } as const;
/** The same order in SQL over the activities as `r`, for the bounds of the nested lists. */
const NEWEST_FIRST_SQL = 'r.starts_on DESC, r.id DESC';

/**
 * Per-request loaders: every list and reference of this subgraph is fetched in one batch per level.
 * Activities are public listings, so no loader filters them by viewer; the field resolvers of the
 * internal fields (`internalClassification`, `participantCount`) apply the owner's visibility, and
 * an agreement (funding or carried out under) or a commitment is shown only if the caller may see it.
 */
export function createLoaders(dataSource: DataSource, viewer: Viewer, authorization?: string) {
  const activities = dataSource.getRepository(Activity);
  const organisers = dataSource.getRepository(ActivityOrganiser);

  /** The activities with these ids, newest first: only `columns` of them when given (`activityColumns`). */
  const newestFirst = (ids: string[], columns?: string[]) => activities.find({ ...selectOnly<Activity>(columns), where: { id: In(ids) }, order: NEWEST_FIRST });

  return {
    visibleAgreement: visibleReferenceLoader('Agreement', authorization),
    /** Whether the caller may see each commitment (as it may its agreement), asked of the agreements subgraph once per request. */
    visibleCommitment: visibleReferenceLoader('Commitment', authorization),
    changeLog: changeLogLoader(dataSource),
    webhookDeliveries: webhookDeliveriesLoader(dataSource),
    activity: recordLoader<string, Activity>((ids) => activities.findBy({ id: In(ids.filter(isUuid)) }), (a) => a.id),
    /** The viewer's organisation's activities by their `externalId`. */
    activityByExternalId: externalIdLoader(dataSource, Activity, viewer),
    /** The organisers of each activity, as `Actor` references, by actor id. */
    organisersOfActivity: groupLoader<string, Actor>(async (ids) =>
      (await organisers.find({ where: { activityId: In(ids.filter(isUuid)) }, order: { actorId: 'ASC' } })).map((o) => [
        o.activityId,
        { id: o.actorId },
      ]),
    ),
    /** The vouches of each activity, shown and declined, earliest first: one statement for a whole list of activities. */
    vouchesOfActivity: groupLoader<string, ActivityVouchRow>(async (ids) =>
      (
        await dataSource.getRepository(ActivityVouchRow).find({ where: { activityId: In(ids.filter(isUuid)) }, order: { since: 'ASC', organisationId: 'ASC' } })
      ).map((v) => [v.activityId, v]),
    ),
    /** The areas of each activity, as `Area` references: the primary area first, then by code. */
    areasOfActivity: groupLoader<string, Area>(async (ids) =>
      (
        await dataSource.query(
          `SELECT aa.activity_id AS id, aa.area_code AS code FROM activity_areas aa JOIN activities a ON a.id = aa.activity_id
           WHERE aa.activity_id = ANY(CAST($1 AS uuid[])) ORDER BY aa.activity_id, aa.area_code <> a.area_code, aa.area_code`,
          [ids.filter(isUuid)],
        )
      ).map((row: { id: string; code: string }) => [row.id, { code: row.code }]),
    ),
    /** The first activities each actor organises (in the area, when given), by the arguments of `Actor.activities`. */
    activitiesOfActor: byArguments((args: ActorRecordsArgs & Projected) => {
      // In the area when any of its areas is; the primary area is read first, from the row at hand, and
      // the others only for activities that have any, so most cost no lookup more than before (the
      // national overview of issue 10 reads this path; EXPLAIN on 200,000 activities: the same plan, +10 % buffers with 10 % multi-area).
      const anyArea = areaConditionSql('aa.area_code', args);
      const area = areaConditionSql('r.area_code', args).map(([condition, parameters], i): [string, ObjectLiteral] => [
        `(${condition} OR (r.has_other_areas AND EXISTS (SELECT 1 FROM activity_areas aa WHERE aa.activity_id = r.id AND ${anyArea[i][0]})))`,
        { ...parameters, ...anyArea[i][1] },
      ]);
      return firstPerKeyLoader(
        dataSource,
        (ids) => ({
          pairs: 'SELECT o.actor_id::text AS key, o.activity_id AS id FROM activity_organisers o WHERE o.actor_id = ANY(CAST(:ids AS uuid[]))',
          table: 'activities',
          where: area.map(([condition]) => condition),
          order: NEWEST_FIRST_SQL,
          parameters: Object.assign({ ids: ids.filter(isUuid) }, ...area.map(([, parameters]) => parameters)),
        }),
        (found) => newestFirst(found, args.columns),
        args.first,
      );
    }),
    /** The activities in each area, by the arguments of `Area.activities`. */
    activitiesInArea: byArguments((args: AreaActivitiesArgs & Projected) => pairedGroupLoader(firstInEachArea(dataSource, args), (found) => newestFirst(found, args.columns))),
    /** A page of the activities in each area, by the arguments of `Area.activityPage`. */
    activityPageInArea: byArguments((args: AreaActivityPageArgs) => pageInEachArea(dataSource, newestFirst, args)),
    /** The activity figures of each month (one statement for all months of a request); the same for every viewer. */
    activityFigures: activityFiguresLoader(dataSource),
    /** The first activities each agreement funds, by the arguments of `Agreement.activities`. */
    activitiesOfAgreement: firstActivitiesBy('funding_agreement_id'),
    /** The first activities carried out under each agreement, by the arguments of `Agreement.activitiesUnder`. */
    activitiesUnderAgreement: firstActivitiesBy('agreement_id'),
    /** The first activities carried out under each commitment, by the arguments of `Commitment.activities`. */
    activitiesUnderCommitment: firstActivitiesBy('commitment_id'),
  };

  /** Per `first` (and columns): the first activities of each key of a uuid column, newest start first, one statement for all keys (and one for the rows). */
  function firstActivitiesBy(column: 'funding_agreement_id' | 'agreement_id' | 'commitment_id') {
    return byArguments(({ first, columns }: NestedListArgs & Projected) =>
      firstPerKeyLoader(
        dataSource,
        (ids) => ({
          pairs: `SELECT a.${column}::text AS key, a.id FROM activities a WHERE a.${column} = ANY(CAST(:ids AS uuid[]))`,
          table: 'activities',
          order: NEWEST_FIRST_SQL,
          parameters: { ids: ids.filter(isUuid) },
        }),
        (found) => newestFirst(found, columns),
        first,
      ),
    );
  }
}

export type ActivitiesLoaders = ReturnType<typeof createLoaders>;
