import { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { DataSource, EntityManager } from 'typeorm';
import { answeredBy, assertAgeRange, externalIdColumn, withExternalIdKey, assertNearForDistance, assertPeriod, assertReferencesExist, canSee, ChangeAction, forbidden, givenFields, isOwnerMember, isWriter, namedNearSql, ownerForNewRecord, recordChange, referencedRecord, sharedWithOthers, todayInSweden } from '@samverkan/federation';
import { assertNotCleared, assertSignedIn, columnsFor, Connection, IDEMPOTENCY_KEY_DESCRIPTION, idempotentCreate, isSignedIn, lockForUpdate, Ordering, PageArgs, paginate, SubgraphContext, Viewer } from '@samverkan/platform';
import { Activity, ActivityArea, ActivityOrganiser, InternalClassification } from './activity';
import { ActivityFilter, ActivityOrder, CreateActivityInput, PoliceParticipationInput, UpdateActivityInput } from './activity.inputs';
import { ActivitiesLoaders } from './loaders';
import { ACTIVITY_POINT, filteredActivities } from './activity-filter';
import { Actor, Agreement, Area, Commitment } from './stubs';
import { COMMITMENT_AGREEMENT_SELECTION, underAgreementColumns, UnderAgreement } from './under-agreement';
import { assertScheduleRules, scheduleColumns, storeOccurrenceDays } from './schedule/schedule';
import { addressColumns, assertOnePlace } from './place/place';
import { VENUE_POINT_SELECTION, venuePointColumns } from './place/venue-points';
import { costColumns, languageCodes, signUpColumns } from './details/details';

type Context = SubgraphContext<ActivitiesLoaders>;

/** The columns the field resolvers below read, for lists that read only what is asked for (`columnsFor`). */
const FIELD_COLUMNS = {
  organisers: [],
  area: ['areaCode'],
  fundingAgreement: ['fundingAgreementId'],
  agreement: ['agreementId'],
  commitment: ['commitmentId'],
  internalClassification: ['ownerId', 'visibility', 'sharedWith', 'internalClassification'],
  participantCount: ['ownerId', 'visibility', 'sharedWith', 'participantCount'],
};

/** The columns of the activities a list must read for the fields asked for; undefined for all. */
export const activityColumns = (info: GraphQLResolveInfo, dataSource: DataSource) => columnsFor(info, dataSource.getMetadata(Activity), { fieldColumns: FIELD_COLUMNS });

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
  async activities(
    @Arg('filter', () => ActivityFilter, { nullable: true, description: 'Which activities to list; all activities when left out.' }) filter: ActivityFilter | undefined,
    @Arg('orderBy', () => ActivityOrder, { defaultValue: ActivityOrder.START_DATE, description: 'How the list is ordered.' }) orderBy: ActivityOrder,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() { dataSource, loaders }: Context,
  ) {
    assertNearForDistance(orderBy === ActivityOrder.DISTANCE, filter?.near);
    const query = await filteredActivities(dataSource, filter, loaders);
    if (!filter?.near) return paginate(query, page, { column: 'activity.starts_on', property: 'startsOn', direction: 'DESC' });
    // The distance to each activity's point (the filter keeps those in the circle), carried on its row as `distanceKm` (and the key of DISTANCE).
    const near = namedNearSql(ACTIVITY_POINT, filter.near);
    const carried = { sql: near.distance, alias: 'distance_km', assign: (activity: Activity, value: unknown) => (activity.distanceKm = Number(value)) };
    const ordering: Ordering<Activity> =
      orderBy === ActivityOrder.DISTANCE
        ? { column: near.distance, property: 'distanceKm', direction: 'ASC', name: 'DISTANCE', accept: (key) => typeof key === 'number' }
        : { column: 'activity.starts_on', property: 'startsOn', direction: 'DESC' };
    return paginate(query, page, ordering, carried);
  }

  @FieldResolver(() => [Actor], answeredBy('actors', 'The actors that organise the activity (at least one).'))
  organisers(@Root() activity: Activity, @Ctx() { loaders }: Context) {
    return loaders.organisersOfActivity.load(activity.id);
  }

  @FieldResolver(() => Area, answeredBy('actors', 'The primary area the activity takes place in (one of `areas`).'))
  area(@Root() activity: Activity): Area {
    return { code: activity.areaCode };
  }

  @FieldResolver(
    () => [Area],
    answeredBy('actors', 'Every area the activity takes place in (at least one), the primary area (`area`) first, then by code, e.g. several districts of a town.'),
  )
  areas(@Root() activity: Activity, @Ctx() { loaders }: Context) {
    return loaders.areasOfActivity.load(activity.id);
  }

  @FieldResolver(() => Agreement, {
    nullable: true,
    description: 'The agreement that funds the activity, e.g. an IOP; null when none, or when its owner does not let you see it.',
  })
  async fundingAgreement(@Root() activity: Activity, @Ctx() { loaders }: Context): Promise<Agreement | null> {
    const id = activity.fundingAgreementId;
    return id && (await loaders.visibleAgreement.load(id)) ? { id } : null;
  }

  @FieldResolver(() => Agreement, {
    nullable: true,
    description:
      'The agreement the activity is carried out under, e.g. an IOP or a citizen promise (whoever funds it: see `fundingAgreement`); null when none, or when you may not see it.',
  })
  async agreement(@Root() activity: Activity, @Ctx() { loaders }: Context): Promise<Agreement | null> {
    const id = activity.agreementId;
    return id && (await loaders.visibleAgreement.load(id)) ? { id } : null;
  }

  @FieldResolver(() => Commitment, {
    nullable: true,
    description: 'The commitment of a citizen promise the activity is carried out under (one of `agreement`\'s); null when none, or when you may not see it.',
  })
  async commitment(@Root() activity: Activity, @Ctx() { loaders }: Context): Promise<Commitment | null> {
    const id = activity.commitmentId;
    return id && (await loaders.visibleCommitment.load(id)) ? { id } : null;
  }

  /**
   * The one place that serves the internal classification. Never to the public, whatever the
   * visibility (even PUBLIC): labels that scare young people away stay internal.
   */
  @FieldResolver(() => InternalClassification, {
    nullable: true,
    description:
      'INTERNAL: how the parties classify the activity for their own planning and follow-up (e.g. selective prevention). Shown to signed-in parties that `visibility` lets see the internal fields, NEVER to the public (null), even when `visibility` is PUBLIC; null for everyone else too. Never show it to participants or use it in public listings: activities are not labelled crime-preventive outwardly.',
  })
  internalClassification(@Root() activity: Activity, @Ctx() { viewer }: Context): InternalClassification | null {
    return canSee(activity, viewer) && isSignedIn(viewer) ? activity.internalClassification : null;
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description:
      'INTERNAL: how many took part (or take part regularly), when counted; at least 0. Null when not counted, or when `visibility` does not let you see the internal fields (the public sees it only when PUBLIC).',
  })
  participantCount(@Root() activity: Activity, @Ctx() { viewer }: Context): number | null {
    return canSee(activity, viewer) ? activity.participantCount : null;
  }

  @Mutation(() => Activity, {
    description:
      "Registers an activity. Coordinators only; your organisation becomes its owner. Its internal fields are visible to your organisation only unless you choose another `visibility`.",
  })
  async createActivity(
    @Arg('input', () => CreateActivityInput, { description: 'The new activity.' }) input: CreateActivityInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey: string | undefined,
    @Ctx() { dataSource, viewer, authorization, clock, loaders }: Context,
  ) {
    const ownerId = ownerForNewRecord(viewer);
    const { organiserIds, policeParticipation, sharedWithIds, schedule, address, cost, signUp, languages, accessibilityFeatures, npfAdaptations, areaCodes, externalId, agreementId, commitmentId, ...fields } = input;
    const found = await checkReferences({ organiserIds, sharedWithIds, areaCode: fields.areaCode, areaCodes, fundingAgreementId: fields.fundingAgreementId, venueId: fields.venueId, agreementId, commitmentId }, authorization);
    const under = underAgreementColumns(NOT_UNDER_ANY, { agreementId, commitmentId }, found);
    const request = { operation: 'createActivity', key: idempotencyKey, input };
    return withExternalIdKey(() => idempotentCreate({ dataSource, viewer, clock }, request, async (manager) => {
      const activity = manager.getRepository(Activity).create({
        ...fields,
        externalId: externalIdColumn(externalId),
        ...venuePointColumns(fields.venueId ? referencedRecord(found, 'Venue', fields.venueId) : null),
        ...policeColumns(policeParticipation),
        ...scheduleColumns(schedule ?? null),
        ...addressColumns(address ?? null),
        ...costColumns(cost ?? null),
        ...signUpColumns(signUp ?? null),
        ...under,
        languages: languageCodes(languages ?? null),
        accessibilityFeatures: unique(accessibilityFeatures ?? []),
        npfAdaptations: unique(npfAdaptations ?? []),
        ownerId,
        sharedWith: sharedWithOthers(sharedWithIds ?? [], ownerId),
      });
      activity.targetGroups = unique(fields.targetGroups);
      activity.hasOtherAreas = otherAreas(activity.areaCode, areaCodes ?? []).length > 0;
      checkRules(activity);
      const saved = await manager.getRepository(Activity).save(activity);
      await replaceOrganisers(manager, saved.id, organiserIds);
      await replaceAreas(manager, saved.id, saved.areaCode, areaCodes ?? []);
      await storeOccurrenceDays(manager, saved.id, saved, todayInSweden(clock.now()));
      await recordChange(manager, viewer, { entityType: 'Activity', entityId: saved.id, action: ChangeAction.CREATED, fields: changedFields(input, NOT_UNDER_ANY, under) });
      return saved;
    }, (id) => loaders.activity.load(id), 'Activity'));
  }

  @Mutation(() => Activity, {
    description:
      'Changes an activity; coordinators of its owner only (FORBIDDEN for others). `version` must be the version you read; if someone changed it since, VERSION_CONFLICT is returned and nothing is written.',
  })
  async updateActivity(
    @Arg('id', () => ID, { description: 'Id of the activity to change.' }) id: string,
    @Arg('version', () => Int, { description: 'The version you read; a stale version is refused.' }) version: number,
    @Arg('input', () => UpdateActivityInput, { description: 'The changes.' }) input: UpdateActivityInput,
    @Ctx() { dataSource, viewer, authorization, clock }: Context,
  ) {
    assertSignedIn(viewer, 'change activities');
    const { organiserIds, sharedWithIds, areaCode, areaCodes, fundingAgreementId, venueId, agreementId, commitmentId } = input;
    const found = await checkReferences({ organiserIds, sharedWithIds, areaCode, areaCodes, fundingAgreementId, venueId, agreementId, commitmentId }, authorization);
    return withExternalIdKey(() => dataSource.transaction(async (manager) => {
      const { record: activity, commit } = await lockForUpdate(manager, Activity, 'Activity', id, version, (found) => assertMayChange(found, viewer));
      const {
        organiserIds,
        policeParticipation,
        title,
        kind,
        areaCode,
        startsOn,
        targetGroups,
        internalClassification,
        visibility,
        sharedWithIds,
        schedule,
        address,
        cost,
        signUp,
        languages,
        accessibilityFeatures,
        npfAdaptations,
        areaCodes,
        externalId,
        agreementId,
        commitmentId,
        ...optional
      } = input;
      const formerArea = activity.areaCode;
      assertNotCleared({ organiserIds, title, kind, areaCode, startsOn, targetGroups, internalClassification, visibility });
      const changes = Object.fromEntries(
        Object.entries({ ...optional, title, kind, areaCode, startsOn, internalClassification, visibility }).filter(([, value]) => value !== undefined),
      );
      Object.assign(activity, changes);
      if (targetGroups) activity.targetGroups = unique(targetGroups);
      if (sharedWithIds !== undefined) activity.sharedWith = sharedWithOthers(sharedWithIds ?? [], activity.ownerId);
      if (policeParticipation !== undefined) Object.assign(activity, policeColumns(policeParticipation));
      if (schedule !== undefined) Object.assign(activity, scheduleColumns(schedule));
      if (address !== undefined) Object.assign(activity, addressColumns(address));
      if (cost !== undefined) Object.assign(activity, costColumns(cost));
      if (signUp !== undefined) Object.assign(activity, signUpColumns(signUp));
      if (languages !== undefined) activity.languages = languageCodes(languages);
      if (accessibilityFeatures !== undefined) activity.accessibilityFeatures = unique(accessibilityFeatures ?? []);
      if (npfAdaptations !== undefined) activity.npfAdaptations = unique(npfAdaptations ?? []);
      if (externalId !== undefined) activity.externalId = externalIdColumn(externalId);
      const formerUnder = { agreementId: activity.agreementId, commitmentId: activity.commitmentId };
      Object.assign(activity, underAgreementColumns(formerUnder, { agreementId, commitmentId }, found));
      if (optional.venueId !== undefined) Object.assign(activity, venuePointColumns(optional.venueId ? referencedRecord(found, 'Venue', optional.venueId) : null));
      checkRules(activity);
      if (organiserIds) await replaceOrganisers(manager, id, organiserIds);
      // Without new areas, the new primary area takes the former's place among them.
      const areasChange = areaCodes !== undefined || activity.areaCode !== formerArea;
      const others = areaCodes !== undefined ? (areaCodes ?? []) : areasChange ? (await areasOf(manager, id)).filter((code) => code !== formerArea) : [];
      if (areasChange) activity.hasOtherAreas = otherAreas(activity.areaCode, others).length > 0;
      // Always: a new period moves the occurrences as much as a new schedule does.
      await storeOccurrenceDays(manager, id, activity, todayInSweden(clock.now()));
      const saved = await commit();
      // After the row, whose new primary area the trigger puts in the former's place: then all of them as asked.
      if (areasChange) await replaceAreas(manager, id, saved.areaCode, others);
      await recordChange(manager, viewer, { entityType: 'Activity', entityId: id, action: ChangeAction.UPDATED, fields: changedFields(input, formerUnder, activity) });
      return saved;
    }));
  }

  @Mutation(() => ID, {
    description:
      'Deletes an activity and its organiser links; coordinators of its owner only (FORBIDDEN for others). `version` must be the version you read (else VERSION_CONFLICT, nothing deleted). Returns the id.',
  })
  deleteActivity(
    @Arg('id', () => ID, { description: 'Id of the activity to delete.' }) id: string,
    @Arg('version', () => Int, { description: 'The version you read; a stale version is refused.' }) version: number,
    @Ctx() { dataSource, viewer }: Context,
  ) {
    return dataSource.transaction(async (manager) => {
      await lockForUpdate(manager, Activity, 'Activity', id, version, (found) => assertMayChange(found, viewer));
      await recordChange(manager, viewer, { entityType: 'Activity', entityId: id, action: ChangeAction.DELETED, fields: [] });
      await manager.getRepository(ActivityOrganiser).delete({ activityId: id });
      await manager.getRepository(Activity).delete({ id });
      return id;
    });
  }
}

/**
 * Activities are public listings, so a refusal hides nothing: everyone who is not a coordinator of
 * the owner is FORBIDDEN (UNAUTHENTICATED without a token); only unknown ids are NOT_FOUND.
 */
function assertMayChange(activity: Activity, viewer: Viewer) {
  assertSignedIn(viewer, 'change activities');
  if (!isOwnerMember(activity, viewer) || !isWriter(viewer)) {
    throw forbidden('Only coordinators of the organisation that owns this activity (its lead organiser) may change it');
  }
}

const unique = <T>(values: T[]): T[] => [...new Set(values)];

const NOT_UNDER_ANY: UnderAgreement = { agreementId: null, commitmentId: null };

/** The fields a change names: those given, and the agreement when a commitment given alone moved it. */
function changedFields(input: object & { agreementId?: string | null }, before: UnderAgreement, after: UnderAgreement): string[] {
  const moved = input.agreementId === undefined && before.agreementId !== after.agreementId;
  return [...givenFields(input), ...(moved ? ['agreementId'] : [])];
}

function policeColumns(participation: PoliceParticipationInput | null | undefined): Pick<Activity, 'policePurpose' | 'policeExplanation'> {
  return { policePurpose: participation?.purpose ?? null, policeExplanation: participation?.explanation ?? null };
}

/** Rules between fields, checked on the record as it would be saved. */
function checkRules(activity: Activity) {
  assertPeriod(activity.startsOn, activity.endsOn, { start: 'startsOn', end: 'endsOn' });
  assertAgeRange(activity.ageMin, activity.ageMax);
  assertScheduleRules(activity);
  assertOnePlace(activity);
}

async function replaceOrganisers(manager: EntityManager, activityId: string, actorIds: string[]) {
  await manager.getRepository(ActivityOrganiser).delete({ activityId });
  await manager.getRepository(ActivityOrganiser).insert(unique(actorIds).map((actorId) => ({ activityId, actorId })));
}

/** The areas an activity takes place in: the primary area and the others (the caller's version bump covers the change). */
async function replaceAreas(manager: EntityManager, activityId: string, primary: string, others: string[]) {
  await manager.getRepository(ActivityArea).delete({ activityId });
  await manager
    .getRepository(ActivityArea)
    .insert([primary, ...otherAreas(primary, others)].map((areaCode) => ({ activityId, areaCode, primaryArea: areaCode === primary })));
}

/** The areas besides the primary one, each once. */
const otherAreas = (primary: string, codes: string[]) => unique(codes).filter((code) => code !== primary);

async function areasOf(manager: EntityManager, activityId: string): Promise<string[]> {
  return (await manager.getRepository(ActivityArea).findBy({ activityId })).map((area) => area.areaCode);
}

/**
 * Organisers, partners, areas, venue, agreements and commitment live in other subgraphs: ask them, as
 * the caller, before writing. The venue's point comes back with it, for the activity's copy, and the
 * commitment's agreement with the commitment, for the rule between the two (`underAgreementColumns`).
 */
function checkReferences(
  refs: {
    organiserIds?: string[] | null;
    sharedWithIds?: string[] | null;
    areaCode?: string | null;
    areaCodes?: string[] | null;
    fundingAgreementId?: string | null;
    venueId?: string | null;
    agreementId?: string | null;
    commitmentId?: string | null;
  },
  authorization: string | undefined,
) {
  return assertReferencesExist(
    [
      { type: 'Actor', keys: refs.organiserIds ?? [], field: 'organiserIds' },
      { type: 'Actor', keys: refs.sharedWithIds ?? [], field: 'sharedWithIds' },
      { type: 'Area', keys: [refs.areaCode], field: 'areaCode' },
      { type: 'Area', keys: refs.areaCodes ?? [], field: 'areaCodes' },
      { type: 'Agreement', keys: [refs.fundingAgreementId], field: 'fundingAgreementId' },
      { type: 'Venue', keys: [refs.venueId], field: 'venueId' },
      { type: 'Agreement', keys: [refs.agreementId], field: 'agreementId' },
      { type: 'Commitment', keys: [refs.commitmentId], field: 'commitmentId' },
    ],
    authorization,
    { Venue: VENUE_POINT_SELECTION, Commitment: COMMITMENT_AGREEMENT_SELECTION },
  );
}
