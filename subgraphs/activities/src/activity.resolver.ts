import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { EntityManager } from 'typeorm';
import {
  areaMatchSql,
  assertReferencesExist,
  badInput,
  Connection,
  containsPattern,
  lockForUpdate,
  PageArgs,
  paginate,
  SubgraphContext,
  wherePeriodOverlaps,
} from '@samverkan/shared';
import { Activity, ActivityOrganiser, InternalClassification } from './activity';
import { ActivityFilter, CreateActivityInput, PoliceParticipationInput, UpdateActivityInput } from './activity.inputs';
import { ActivitiesLoaders } from './loaders';
import { Actor, Agreement, Area } from './stubs';

type Context = SubgraphContext<ActivitiesLoaders>;

@ObjectType({ description: 'A page of activities.' })
export class ActivityConnection extends Connection(Activity) {}

@Resolver(() => Activity)
export class ActivityResolver {
  @Query(() => Activity, { nullable: true, description: 'One activity by id; null when there is none.' })
  activity(@Arg('id', () => ID, { description: 'Id of the activity.' }) id: string, @Ctx() { loaders }: Context) {
    return loaders.activity.load(id);
  }

  @Query(() => ActivityConnection, {
    description: 'Activities matching a filter, newest start date first (then by id), a page at a time.',
  })
  activities(
    @Arg('filter', () => ActivityFilter, { nullable: true, description: 'Which activities to list; all activities when left out.' }) filter: ActivityFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() { dataSource }: Context,
  ) {
    const query = dataSource.getRepository(Activity).createQueryBuilder('activity');
    if (filter?.areaCode) {
      query.andWhere(areaMatchSql('activity.area_code', ':areaCode', filter.areaScope), { areaCode: filter.areaCode });
    }
    if (filter?.kinds?.length) query.andWhere('activity.kind IN (:...kinds)', { kinds: filter.kinds });
    if (filter?.targetGroups?.length) {
      query.andWhere('activity.target_groups && CAST(:targetGroups AS text[])', { targetGroups: filter.targetGroups });
    }
    if (filter?.age !== undefined && filter.age !== null) {
      query.andWhere('(activity.age_min IS NULL OR activity.age_min <= :age) AND (activity.age_max IS NULL OR activity.age_max >= :age)', {
        age: filter.age,
      });
    }
    if (filter?.organiserId) {
      query.andWhere('EXISTS (SELECT 1 FROM activity_organisers ao WHERE ao.activity_id = activity.id AND ao.actor_id = :organiserId)', {
        organiserId: filter.organiserId,
      });
    }
    if (filter?.fundingAgreementId) {
      query.andWhere('activity.funding_agreement_id = :fundingAgreementId', { fundingAgreementId: filter.fundingAgreementId });
    }
    wherePeriodOverlaps(query, { start: 'activity.starts_on', end: 'activity.ends_on' }, filter ?? {});
    if (filter?.policePurposes?.length) {
      query.andWhere('activity.police_purpose IN (:...policePurposes)', { policePurposes: filter.policePurposes });
    }
    if (filter?.text) {
      // Title and public description only: the internal classification is never searchable.
      query.andWhere('(activity.title ILIKE :text OR activity.public_description ILIKE :text)', { text: containsPattern(filter.text) });
    }
    return paginate(query, page, { column: 'activity.starts_on', property: 'startsOn', direction: 'DESC' });
  }

  @FieldResolver(() => [Actor], { description: 'The actors that organise the activity (at least one).' })
  organisers(@Root() activity: Activity, @Ctx() { loaders }: Context) {
    return loaders.organisersOfActivity.load(activity.id);
  }

  @FieldResolver(() => Area, { description: 'The area the activity takes place in.' })
  area(@Root() activity: Activity): Area {
    return { code: activity.areaCode };
  }

  @FieldResolver(() => Agreement, { nullable: true, description: 'The agreement that funds the activity, e.g. an IOP; null when none.' })
  fundingAgreement(@Root() activity: Activity): Agreement | null {
    return activity.fundingAgreementId ? { id: activity.fundingAgreementId } : null;
  }

  /**
   * Kept out of the entity's own fields on purpose: this is the one place that serves the internal
   * classification, so access rules (parties only) can be added here without touching anything else.
   */
  @FieldResolver(() => InternalClassification, {
    description:
      "INTERNAL: how the parties classify the activity for their own planning and follow-up (e.g. selective prevention). Never show it to the public or participants, and never use it in public listings: activities are not labelled crime-preventive outwardly. Defaults to NOT_CLASSIFIED.",
  })
  internalClassification(@Root() activity: Activity): InternalClassification {
    return activity.internalClassification;
  }

  @Mutation(() => Activity, { description: 'Registers an activity.' })
  createActivity(
    @Arg('input', () => CreateActivityInput, { description: 'The new activity.' }) input: CreateActivityInput,
    @Ctx() { dataSource }: Context,
  ) {
    return dataSource.transaction(async (manager) => {
      const { organiserIds, policeParticipation, ...fields } = input;
      const activity = manager.getRepository(Activity).create({ ...fields, ...policeColumns(policeParticipation) });
      activity.targetGroups = [...new Set(fields.targetGroups)];
      checkRules(activity);
      await assertReferencesExist('Actor', organiserIds, 'organiserIds');
      await assertReferencesExist('Area', [fields.areaCode], 'areaCode');
      if (fields.fundingAgreementId) await assertReferencesExist('Agreement', [fields.fundingAgreementId], 'fundingAgreementId');
      const saved = await manager.getRepository(Activity).save(activity);
      await replaceOrganisers(manager, saved.id, organiserIds);
      return saved;
    });
  }

  @Mutation(() => Activity, {
    description:
      'Changes an activity. `version` must be the version you read; if someone changed it since, VERSION_CONFLICT is returned and nothing is written.',
  })
  updateActivity(
    @Arg('id', () => ID, { description: 'Id of the activity to change.' }) id: string,
    @Arg('version', () => Int, { description: 'The version you read; a stale version is refused.' }) version: number,
    @Arg('input', () => UpdateActivityInput, { description: 'The changes.' }) input: UpdateActivityInput,
    @Ctx() { dataSource }: Context,
  ) {
    return dataSource.transaction(async (manager) => {
      const activity = await lockForUpdate(manager, Activity, 'Activity', id, version);
      const { organiserIds, policeParticipation, title, kind, areaCode, startsOn, targetGroups, internalClassification, ...optional } = input;
      const required = { organiserIds, title, kind, areaCode, startsOn, targetGroups, internalClassification };
      const nulled = Object.entries(required).filter(([, value]) => value === null).map(([field]) => field);
      if (nulled.length) {
        throw badInput(`${nulled.join(', ')} cannot be cleared`, nulled.map((field) => ({ field, message: 'cannot be null' })));
      }
      const changes = Object.fromEntries(
        Object.entries({ ...optional, title, kind, areaCode, startsOn, internalClassification }).filter(([, value]) => value !== undefined),
      );
      Object.assign(activity, changes);
      if (targetGroups) activity.targetGroups = [...new Set(targetGroups)];
      if (policeParticipation !== undefined) Object.assign(activity, policeColumns(policeParticipation));
      checkRules(activity);
      if (organiserIds) await assertReferencesExist('Actor', organiserIds, 'organiserIds');
      if (areaCode) await assertReferencesExist('Area', [areaCode], 'areaCode');
      if (optional.fundingAgreementId) await assertReferencesExist('Agreement', [optional.fundingAgreementId], 'fundingAgreementId');
      const saved = await manager.getRepository(Activity).save(activity);
      if (organiserIds) await replaceOrganisers(manager, id, organiserIds);
      return saved;
    });
  }
}

function policeColumns(participation: PoliceParticipationInput | null | undefined): Pick<Activity, 'policePurpose' | 'policeExplanation'> {
  return { policePurpose: participation?.purpose ?? null, policeExplanation: participation?.explanation ?? null };
}

/** Rules between fields, checked on the record as it would be saved. */
function checkRules(activity: Activity) {
  if (activity.endsOn && activity.endsOn < activity.startsOn) {
    throw badInput('endsOn is before startsOn', [{ field: 'endsOn', message: 'must not be before startsOn' }]);
  }
  if (activity.ageMin !== null && activity.ageMin !== undefined && activity.ageMax !== null && activity.ageMax !== undefined && activity.ageMin > activity.ageMax) {
    throw badInput('ageMin is above ageMax', [{ field: 'ageMax', message: 'must not be below ageMin' }]);
  }
}

async function replaceOrganisers(manager: EntityManager, activityId: string, actorIds: string[]) {
  await manager.getRepository(ActivityOrganiser).delete({ activityId });
  const unique = [...new Set(actorIds)];
  await manager.getRepository(ActivityOrganiser).insert(unique.map((actorId) => ({ activityId, actorId })));
}
