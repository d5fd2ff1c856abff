import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { AreaListArgs } from '../areas/area-lists';
import { EntityManager } from 'typeorm';
import { assertNearForDistance, ChangeAction, ChangeLogEntry, externalIdColumn, withExternalIdKey, givenFields, namedNearSql, pointColumns, postalAddressColumns, recordChange } from '@samverkan/federation';
import { assertNotCleared, badInput, Connection, containsPattern, IDEMPOTENCY_KEY_DESCRIPTION, idempotentCreate, isUuid, NestedListArgs, Ordering, PageArgs, paginate, SubgraphContext } from '@samverkan/platform';
import { Actor } from '../registry/actor';
import { Area } from '../areas/area';
import { namedRegistryAreaFilter } from '../areas/named-areas';
import { ContactFunction } from '../contact-functions/contact-function';
import { ActorsLoaders } from '../loaders';
import { assertAreasExist } from '../areas/area-links';
import { actorToMaintain, lockActorRecord, maintainersChangeLog } from '../registry/maintained-records';
import { Venue } from './venue';
import { actorNotArchivedSql } from '../registry/archiving';
import { CreateVenueInput, UpdateVenueInput, VenueFilter, VenueOrder } from './venue.inputs';

type Context = SubgraphContext<ActorsLoaders>;

@ObjectType({ description: 'A page of venues.' })
export class VenueConnection extends Connection(Venue) {}

@Resolver(() => Venue)
export class VenueResolver {
  @Query(() => Venue, { nullable: true, description: 'One venue by id; null when there is none.' })
  venue(@Arg('id', () => ID, { description: 'Id of the venue.' }) id: string, @Ctx() { loaders }: Context) {
    return loaders.venue.load(id);
  }

  @Query(() => VenueConnection, {
    description: 'Premises actors can lend, matching a filter, ordered by name, a page at a time. Public: the registry is open to all.',
  })
  venues(
    @Arg('filter', () => VenueFilter, { nullable: true, description: 'Which venues to list; all of them when left out.' }) filter: VenueFilter | undefined,
    @Arg('orderBy', () => VenueOrder, { defaultValue: VenueOrder.NAME, description: 'How the list is ordered.' }) orderBy: VenueOrder,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() { dataSource }: Context,
  ) {
    assertNearForDistance(orderBy === VenueOrder.DISTANCE, filter?.near);
    const query = dataSource.getRepository(Venue).createQueryBuilder('venue');
    if (!filter?.includeArchived) query.andWhere(actorNotArchivedSql('venue.actor_id'));
    if (filter?.areaCode) query.andWhere(...namedRegistryAreaFilter('venue.area_code', filter.areaCode, filter.areaScope));
    if (filter?.actorId) query.andWhere('venue.actor_id = :actorId', { actorId: filter.actorId });
    if (filter?.minCapacity) query.andWhere('venue.capacity >= :minCapacity', { minCapacity: filter.minCapacity });
    if (filter?.suitableFor?.length) query.andWhere('venue.suitable_for @> CAST(:uses AS text[])', { uses: [...new Set(filter.suitableFor)] });
    if (filter?.text) {
      query.andWhere('(venue.name ILIKE :text OR venue.description ILIKE :text OR venue.city ILIKE :text)', { text: containsPattern(filter.text) });
    }
    if (!filter?.near) return paginate(query, page, { column: 'venue.name', property: 'name', direction: 'ASC' });
    // The distance to each venue's point, carried on its row as `distanceKm` (and the key of DISTANCE).
    const near = namedNearSql({ latitude: 'venue.latitude', longitude: 'venue.longitude' }, filter.near);
    query.andWhere(near.condition, near.parameters);
    const carried = { sql: near.distance, alias: 'distance_km', assign: (venue: Venue, value: unknown) => (venue.distanceKm = Number(value)) };
    const ordering: Ordering<Venue> =
      orderBy === VenueOrder.DISTANCE
        ? { column: near.distance, property: 'distanceKm', direction: 'ASC', name: 'DISTANCE', accept: (key) => typeof key === 'number' }
        : { column: 'venue.name', property: 'name', direction: 'ASC' };
    return paginate(query, page, ordering, carried);
  }

  @FieldResolver(() => Actor, { description: 'The actor that lends the premises.' })
  actor(@Root() venue: Venue, @Ctx() { loaders }: Context) {
    return loaders.actor.load(venue.actorId);
  }

  @FieldResolver(() => Area, { description: 'The area the premises are in.' })
  area(@Root() venue: Venue, @Ctx() { loaders }: Context) {
    return loaders.area.load(venue.areaCode);
  }

  @FieldResolver(() => ContactFunction, {
    nullable: true,
    description: 'Whom to ask about borrowing the premises: a contact function of the actor (its channels are for signed-in parties); null when none is named.',
  })
  contactFunction(@Root() venue: Venue, @Ctx() { loaders }: Context) {
    return venue.contactFunctionId ? loaders.contactFunction.load(venue.contactFunctionId) : null;
  }

  @FieldResolver(() => [ChangeLogEntry], {
    nullable: true,
    description: 'Who created and changed this venue, and when, oldest first. Only for members of the actor or of the organisation maintaining its entry; null for others.',
  })
  changeLog(@Root() venue: Venue, @Ctx() { viewer, loaders }: Context) {
    return maintainersChangeLog(venue, viewer, loaders);
  }

  @Mutation(() => Venue, {
    description:
      'Registers premises an actor can lend; coordinators of the actor (or of the organisation maintaining its entry) only: UNAUTHENTICATED without a token, FORBIDDEN for others.',
  })
  createVenue(
    @Arg('input', () => CreateVenueInput, { description: 'The new venue.' }) input: CreateVenueInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey: string | undefined,
    @Ctx() { dataSource, viewer, clock, loaders }: Context,
  ) {
    const request = { operation: 'createVenue', key: idempotencyKey, input };
    return withExternalIdKey(() => idempotentCreate({ dataSource, viewer, clock }, request, async (manager) => {
      const { actorId, address, location, suitableFor, externalId, ...fields } = input;
      await actorToMaintain(manager, actorId, viewer);
      await assertAreasExist(manager, [fields.areaCode], 'areaCode');
      if (fields.contactFunctionId) await assertContactFunctionOf(manager, actorId, fields.contactFunctionId);
      const venue = manager.getRepository(Venue).create({
        ...fields,
        externalId: externalIdColumn(externalId),
        actorId,
        suitableFor: [...new Set(suitableFor ?? [])],
        ...postalAddressColumns(address),
        ...pointColumns(location ?? null),
      });
      const saved = await manager.getRepository(Venue).save(venue);
      await recordChange(manager, viewer, { entityType: 'Venue', entityId: saved.id, action: ChangeAction.CREATED, fields: givenFields(input) });
      return saved;
    }, (id) => loaders.venue.load(id), 'Venue'));
  }

  @Mutation(() => Venue, {
    description:
      'Changes a venue; coordinators of its actor (or of the organisation maintaining its entry) only. `version` must be the version you read; if someone changed it since, VERSION_CONFLICT is returned and nothing is written.',
  })
  updateVenue(
    @Arg('id', () => ID, { description: 'Id of the venue to change.' }) id: string,
    @Arg('version', () => Int, { description: 'The version you read; a stale version is refused.' }) version: number,
    @Arg('input', () => UpdateVenueInput, { description: 'The changes.' }) input: UpdateVenueInput,
    @Ctx() { dataSource, viewer }: Context,
  ) {
    return withExternalIdKey(() => dataSource.transaction(async (manager) => {
      const { record: venue, commit } = await lockActorRecord(manager, Venue, 'venues', 'Venue', id, version, viewer);
      const { name, areaCode, capacity, suitableFor, address, location, externalId, ...optional } = input;
      assertNotCleared({ name, areaCode, capacity, suitableFor });
      if (areaCode) await assertAreasExist(manager, [areaCode], 'areaCode');
      if (optional.contactFunctionId) await assertContactFunctionOf(manager, venue.actorId, optional.contactFunctionId);
      const changes = Object.fromEntries(Object.entries({ ...optional, name, areaCode, capacity }).filter(([, value]) => value !== undefined));
      Object.assign(venue, changes);
      if (suitableFor) venue.suitableFor = [...new Set(suitableFor)];
      if (address !== undefined) Object.assign(venue, postalAddressColumns(address));
      if (location !== undefined) Object.assign(venue, pointColumns(location));
      if (externalId !== undefined) venue.externalId = externalIdColumn(externalId);
      const saved = await commit();
      await recordChange(manager, viewer, { entityType: 'Venue', entityId: id, action: ChangeAction.UPDATED, fields: givenFields(input) });
      return saved;
    }));
  }

  @Mutation(() => ID, {
    description:
      'Deletes a venue; coordinators of its actor (or of the organisation maintaining its entry) only. `version` must be the version you read (else VERSION_CONFLICT, nothing deleted). Returns the id.',
  })
  deleteVenue(
    @Arg('id', () => ID, { description: 'Id of the venue to delete.' }) id: string,
    @Arg('version', () => Int, { description: 'The version you read; a stale version is refused.' }) version: number,
    @Ctx() { dataSource, viewer }: Context,
  ) {
    return dataSource.transaction(async (manager) => {
      await lockActorRecord(manager, Venue, 'venues', 'Venue', id, version, viewer);
      await recordChange(manager, viewer, { entityType: 'Venue', entityId: id, action: ChangeAction.DELETED, fields: [] });
      await manager.getRepository(Venue).delete({ id });
      return id;
    });
  }
}

@Resolver(() => Actor)
export class ActorVenuesResolver {
  @FieldResolver(() => [Venue], {
    description: 'Premises the actor can lend, by name (then by id): the first `first` of them. The root `venues` list with `actorId` pages through all.',
  })
  venues(@Root() actor: Actor, @Args(() => NestedListArgs) args: NestedListArgs, @Ctx() { loaders }: Context) {
    return loaders.firstVenuesOfActor(args).load(actor.id);
  }
}

@Resolver(() => Area)
export class AreaVenuesResolver {
  @FieldResolver(() => [Venue], {
    description: 'Premises in this area that actors can lend, by name (then by id): the first `first` of them. The root `venues` list with `areaCode` pages through all.',
  })
  venues(@Root() area: Area, @Args(() => AreaListArgs) args: AreaListArgs, @Ctx() { loaders }: Context) {
    return loaders.venuesInArea(args).load(area.code);
  }
}

/** A venue names a contact function of its own actor as the one to ask. */
async function assertContactFunctionOf(manager: EntityManager, actorId: string, contactFunctionId: string) {
  const found = isUuid(contactFunctionId) && (await manager.existsBy(ContactFunction, { id: contactFunctionId, actorId }));
  if (!found) {
    throw badInput(`${contactFunctionId} is not a contact function of actor ${actorId}`, [
      { field: 'contactFunctionId', message: 'unknown contact function of this actor' },
    ]);
  }
}


