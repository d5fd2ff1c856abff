import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { AreaListArgs } from '../areas/area-lists';
import { assertAgeRange, ChangeAction, ChangeLogEntry, externalIdColumn, givenFields, recordChange, withExternalIdKey } from '@samverkan/federation';
import { assertNotCleared, Connection, IDEMPOTENCY_KEY_DESCRIPTION, idempotentCreate, isSignedIn, NestedListArgs, PageArgs, SubgraphContext } from '@samverkan/platform';
import { Actor } from '../registry/actor';
import { Area } from '../areas/area';
import { ActorsLoaders } from '../loaders';
import { assertAreasExist, replaceAreaLinks } from '../areas/area-links';
import { actorToMaintain, lockActorRecord, maintainersChangeLog } from '../registry/maintained-records';
import { searchServices } from '../search/search';
import { ServiceFilter, ServiceOrder } from '../search/search.inputs';
import { Service, ServiceArea } from './service';
import { CreateServiceInput, UpdateServiceInput } from './service.inputs';
import { SupportNeed } from '../registry/support-need';

type Context = SubgraphContext<ActorsLoaders>;

@ObjectType({ description: 'A page of services.' })
export class ServiceConnection extends Connection(Service) {}

@Resolver(() => Service)
export class ServiceResolver {
  @Query(() => ServiceConnection, {
    description:
      'Services matching a filter (area with sub-areas, category, target group, age, free text in Swedish, distance), ordered by name, relevance or distance, a page at a time.',
  })
  services(
    @Arg('filter', () => ServiceFilter, { nullable: true, description: 'Which services to list; all conditions must hold.' })
    filter: ServiceFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('orderBy', () => ServiceOrder, { defaultValue: ServiceOrder.NAME, description: 'How to order the list.' }) orderBy: ServiceOrder,
    @Ctx() { dataSource, viewer }: Context,
  ) {
    return searchServices(dataSource, viewer, filter, page, orderBy);
  }

  @FieldResolver(() => Actor, { description: 'The actor offering the service.' })
  async actor(@Root() service: Service, @Ctx() { loaders }: Context) {
    return loaders.actor.load(service.actorId);
  }

  @FieldResolver(() => [Area], { description: 'The areas where the service is offered, by code.' })
  areas(@Root() service: Service, @Ctx() { loaders }: Context) {
    return loaders.areasOfService.load(service.id);
  }

  @FieldResolver(() => [ChangeLogEntry], {
    nullable: true,
    description:
      'Who created and changed this service, and when, oldest first. Only for members of the actor or of the organisation maintaining its entry; null for others.',
  })
  changeLog(@Root() service: Service, @Ctx() { loaders, viewer }: Context) {
    return maintainersChangeLog(service, viewer, loaders);
  }

  @Mutation(() => Service, {
    description: "Adds a service to an actor's entry; coordinators of the actor or of the organisation maintaining its entry only.",
  })
  createService(
    @Arg('input', () => CreateServiceInput, { description: 'The new service.' }) input: CreateServiceInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey: string | undefined,
    @Ctx() { dataSource, viewer, clock, loaders }: Context,
  ) {
    const request = { operation: 'createService', key: idempotencyKey, input };
    return withExternalIdKey(() => idempotentCreate({ dataSource, viewer, clock }, request, async (manager) => {
      const { areaCodes, externalId, ...fields } = input;
      await actorToMaintain(manager, input.actorId, viewer);
      assertAgeRange(fields.ageMin ?? null, fields.ageMax ?? null);
      await assertAreasExist(manager, areaCodes);
      const repository = manager.getRepository(Service);
      const service = await repository.save(repository.create({ ...fields, externalId: externalIdColumn(externalId), targetGroups: [...new Set(fields.targetGroups)] }));
      await replaceAreaLinks(manager, 'service', service.id, areaCodes);
      await recordChange(manager, viewer, { entityType: 'Service', entityId: service.id, action: ChangeAction.CREATED, fields: givenFields(input) });
      return service;
    }, (id) => loaders.service.load(id), 'Service'));
  }

  @Mutation(() => Service, {
    description:
      'Changes a service; coordinators of its actor or of the organisation maintaining the entry only. `version` must be the version you read; if someone changed it since, VERSION_CONFLICT is returned and nothing is written.',
  })
  updateService(
    @Arg('id', () => ID, { description: 'Id of the service to change.' }) id: string,
    @Arg('version', () => Int, { description: 'The version you read; a stale version is refused.' }) version: number,
    @Arg('input', () => UpdateServiceInput, { description: 'The changes.' }) input: UpdateServiceInput,
    @Ctx() { dataSource, viewer }: Context,
  ) {
    return withExternalIdKey(() => dataSource.transaction(async (manager) => {
      const { record: service, commit } = await lockActorRecord(manager, Service, 'services', 'Service', id, version, viewer);
      const { areaCodes, name, category, targetGroups, externalId, ...fields } = input;
      assertNotCleared({ name, category, targetGroups, areaCodes });
      Object.assign(
        service,
        fields,
        name === undefined ? {} : { name },
        category === undefined ? {} : { category },
        targetGroups === undefined ? {} : { targetGroups: [...new Set(targetGroups)] },
      );
      if (externalId !== undefined) service.externalId = externalIdColumn(externalId);
      assertAgeRange(service.ageMin, service.ageMax);
      if (areaCodes) await assertAreasExist(manager, areaCodes);
      if (areaCodes) await replaceAreaLinks(manager, 'service', id, areaCodes);
      const saved = await commit();
      await recordChange(manager, viewer, { entityType: 'Service', entityId: id, action: ChangeAction.UPDATED, fields: givenFields(input) });
      return saved;
    }));
  }

  @Mutation(() => ID, {
    description:
      'Deletes a service and its areas; coordinators of its actor or of the organisation maintaining the entry only. `version` must be the version you read (else VERSION_CONFLICT, nothing deleted). Returns the id.',
  })
  deleteService(
    @Arg('id', () => ID, { description: 'Id of the service to delete.' }) id: string,
    @Arg('version', () => Int, { description: 'The version you read; a stale version is refused.' }) version: number,
    @Ctx() { dataSource, viewer }: Context,
  ) {
    return dataSource.transaction(async (manager) => {
      await lockActorRecord(manager, Service, 'services', 'Service', id, version, viewer);
      await recordChange(manager, viewer, { entityType: 'Service', entityId: id, action: ChangeAction.DELETED, fields: [] });
      await manager.getRepository(ServiceArea).delete({ serviceId: id });
      await manager.getRepository(Service).delete({ id });
      return id;
    });
  }
}

/** What actors do, and what they need to receive young people at risk. */
@Resolver(() => Actor)
export class ActorServicesResolver {
  @FieldResolver(() => [Service], {
    description: 'What the actor offers, by name (then by id): the first `first` of them. The root `services` list with `actorId` pages through all.',
  })
  services(@Root() actor: Actor, @Args(() => NestedListArgs) args: NestedListArgs, @Ctx() { loaders }: Context) {
    return loaders.servicesOfActor(args).load(actor.id);
  }

  @FieldResolver(() => Boolean, {
    nullable: true,
    description:
      'Whether the actor says it can receive children and young people at risk of being drawn into crime in its ordinary activities. Network information: null for the public, so that no activity is labelled outwardly.',
  })
  receivesYoungPeopleAtRisk(@Root() actor: Actor, @Ctx() { viewer }: Context) {
    return !isSignedIn(viewer) ? null : actor.receivesYoungPeopleAtRisk;
  }

  @FieldResolver(() => [SupportNeed], {
    nullable: true,
    description: 'What the actor needs to receive children and young people at risk, e.g. NPF competence. Network information: null for the public.',
  })
  supportNeeds(@Root() actor: Actor, @Ctx() { viewer }: Context) {
    return !isSignedIn(viewer) ? null : actor.supportNeeds;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'The needs in the actor\'s own words (up to 2000 characters). Network information: null for the public.',
  })
  supportNote(@Root() actor: Actor, @Ctx() { viewer }: Context) {
    return !isSignedIn(viewer) ? null : actor.supportNote;
  }
}

/** Services offered in an area. */
@Resolver(() => Area)
export class AreaServicesResolver {
  @FieldResolver(() => [Service], {
    description: 'Services offered in this area, by name (then by id): the first `first` of them. The root `services` list with `areaCode` pages through all.',
  })
  services(@Root() area: Area, @Args(() => AreaListArgs) args: AreaListArgs, @Ctx() { loaders }: Context) {
    return loaders.servicesInArea(args).load(area.code);
  }
}


