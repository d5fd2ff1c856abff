import { DataSource, In } from 'typeorm';
import { changeLogLoader, visibleReferenceLoader } from '@samverkan/federation';
import { byArguments, groupLoader, isUuid, pairedGroupLoader, recordLoader, Viewer } from '@samverkan/platform';
import { Activity, ActivityOrganiser } from './activity';
import { AreaActivitiesArgs, AreaActivityPageArgs } from './activity.inputs';
import { firstInEachArea, pageInEachArea } from './area-activities';
import { Actor } from './stubs';
import { activityFiguresLoader } from './activity-figures';

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
    /** A page of the activities in each area, by the arguments of `Area.activityPage`. */
    activityPageInArea: byArguments((args: AreaActivityPageArgs) => pageInEachArea(dataSource, newestFirst, args)),
    /** The activity figures of each month (one statement for all months of a request); the same for every viewer. */
    activityFigures: activityFiguresLoader(dataSource),
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
