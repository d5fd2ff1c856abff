import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { AreaListArgs } from '../areas/area-lists';
import { EntityManager } from 'typeorm';
import { AreaScope, ChangeAction, ChangeLogEntry, externalIdColumn, withExternalIdKey, givenFields, recordChange, todayInSweden } from '@samverkan/federation';
import { assertNotCleared, badInput, Connection, containsPattern, IDEMPOTENCY_KEY_DESCRIPTION, idempotentCreate, isSignedIn, NestedListArgs, PageArgs, paginate, SubgraphContext, trimmedOrNull, unauthenticated } from '@samverkan/platform';
import { Actor } from '../registry/actor';
import { Area } from '../areas/area';
import { namedRegistryAreaFilter } from '../areas/named-areas';
import {
  ContactChannel,
  ContactFunction,
  ContactFunctionHolder,
  currentHolderCountSql,
  isCurrentOn,
  MIN_CURRENT_HOLDERS,
} from './contact-function';
import {
  checkChannels,
  checkHolders,
  ContactChannelInput,
  ContactFunctionFilter,
  ContactFunctionHolderInput,
  CreateContactFunctionInput,
  MAX_HOLDERS,
  OnePersonDependenciesArgs,
  UpdateContactFunctionInput,
} from './contact-function.inputs';
import { ActorsLoaders } from '../loaders';
import { assertAreasExist } from '../areas/area-links';
import { actorToMaintain, lockActorRecord, maintainersChangeLog } from '../registry/maintained-records';
import { Venue } from '../venues/venue';
import { actorNotArchivedSql } from '../registry/archiving';

type Context = SubgraphContext<ActorsLoaders>;

@ObjectType({ description: 'A page of contact functions.' })
export class ContactFunctionConnection extends Connection(ContactFunction) {}

/** Channels and holders are the network's business: the public sees that a function exists, not how to reach whom, except for the channels an actor publishes (public-contact.ts). */

@Resolver(() => ContactFunction)
export class ContactFunctionResolver {
  @Query(() => ContactFunction, { nullable: true, description: 'One contact function by id; null when there is none.' })
  contactFunction(@Arg('id', () => ID, { description: 'Id of the contact function.' }) id: string, @Ctx() { loaders }: Context) {
    return loaders.contactFunction.load(id);
  }

  @Query(() => ContactFunctionConnection, {
    description:
      'Contact functions matching a filter, ordered by name, a page at a time. The functions are public; their channels and holders are for signed-in parties only.',
  })
  contactFunctions(
    @Arg('filter', () => ContactFunctionFilter, { nullable: true, description: 'Which functions to list; all of them when left out.' })
    filter: ContactFunctionFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() { dataSource }: Context,
  ) {
    const query = dataSource.getRepository(ContactFunction).createQueryBuilder('function');
    if (!filter?.includeArchived) query.andWhere(actorNotArchivedSql('function.actor_id'));
    if (filter?.areaCode) query.andWhere(...namedRegistryAreaFilter('function.area_code', filter.areaCode, filter.areaScope));
    if (filter?.actorId) query.andWhere('function.actor_id = :actorId', { actorId: filter.actorId });
    if (filter?.text) {
      query.andWhere('(function.name ILIKE :text OR function.description ILIKE :text)', { text: containsPattern(filter.text) });
    }
    return paginate(query, page, { column: 'function.name', property: 'name', direction: 'ASC' });
  }

  @Query(() => ContactFunctionConnection, {
    description:
      'The contact functions covering an area that are one-person dependencies today (fewer than two current holders and backups), by name; `totalCount` is the number for the area, for dashboards. Signed-in parties only (UNAUTHENTICATED without a token).',
  })
  onePersonDependencies(@Args(() => OnePersonDependenciesArgs) args: OnePersonDependenciesArgs, @Ctx() { dataSource, viewer }: Context) {
    if (!isSignedIn(viewer)) throw unauthenticated('Sign in to see one-person dependencies');
    const { areaCode, scope, ...page } = args;
    const query = dataSource
      .getRepository(ContactFunction)
      .createQueryBuilder('function')
      .where(...namedRegistryAreaFilter('function.area_code', areaCode, scope))
      .andWhere(`${currentHolderCountSql('function.id', ':today')} < ${MIN_CURRENT_HOLDERS}`, { today: todayInSweden() })
      .andWhere(actorNotArchivedSql('function.actor_id'));
    return paginate(query, { first: page.first, after: page.after }, { column: 'function.name', property: 'name', direction: 'ASC' });
  }

  @FieldResolver(() => Actor, { description: 'The actor the function belongs to.' })
  actor(@Root() fn: ContactFunction, @Ctx() { loaders }: Context) {
    return loaders.actor.load(fn.actorId);
  }

  @FieldResolver(() => Area, { description: 'The area the function covers.' })
  area(@Root() fn: ContactFunction, @Ctx() { loaders }: Context) {
    return loaders.area.load(fn.areaCode);
  }

  @FieldResolver(() => [ContactChannel], {
    nullable: true,
    description: 'How to reach the function, in order of preference. Signed-in parties only; null for the public, who see the channels an actor publishes as its `publicContact`.',
  })
  channels(@Root() fn: ContactFunction, @Ctx() { viewer }: Context): ContactChannel[] | null {
    return isSignedIn(viewer) ? fn.channels : null;
  }

  @FieldResolver(() => [ContactFunctionHolder], {
    nullable: true,
    description: 'Who holds the function and who backs it up, past, present and future (see `isCurrent`), in the order the actor gave. Signed-in parties only; null for the public.',
  })
  holders(@Root() fn: ContactFunction, @Ctx() { viewer, loaders }: Context) {
    return isSignedIn(viewer) ? loaders.contactFunctionHolders.load(fn.id) : null;
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description: 'How many people hold the function today: holders and backups whose period includes today. Signed-in parties only; null for the public.',
  })
  async holderCount(@Root() fn: ContactFunction, @Ctx() { viewer, loaders }: Context) {
    return isSignedIn(viewer) ? currentHolders(await loaders.contactFunctionHolders.load(fn.id)) : null;
  }

  @FieldResolver(() => Boolean, {
    nullable: true,
    description:
      'True when fewer than two people (holders and backups) hold the function today, so it rests on one person or none. Signed-in parties only; null for the public.',
  })
  async isOnePersonDependency(@Root() fn: ContactFunction, @Ctx() { viewer, loaders }: Context) {
    return isSignedIn(viewer) ? currentHolders(await loaders.contactFunctionHolders.load(fn.id)) < MIN_CURRENT_HOLDERS : null;
  }

  @FieldResolver(() => [Venue], { description: 'Premises for which this function is the one to ask, by name.' })
  async venues(@Root() fn: ContactFunction, @Ctx() { loaders }: Context) {
    return (await loaders.venuesOfActor.load(fn.actorId)).filter((venue) => venue.contactFunctionId === fn.id);
  }

  @FieldResolver(() => [ChangeLogEntry], {
    nullable: true,
    description:
      'Who created and changed this function (and its holders), and when, oldest first. Only for members of the actor or of the organisation maintaining its entry; null for others.',
  })
  changeLog(@Root() fn: ContactFunction, @Ctx() { viewer, loaders }: Context) {
    return maintainersChangeLog(fn, viewer, loaders);
  }

  @Mutation(() => ContactFunction, {
    description:
      'Registers a contact function, optionally with its holders; coordinators of the actor (or of the organisation maintaining its entry) only: UNAUTHENTICATED without a token, FORBIDDEN for others.',
  })
  createContactFunction(
    @Arg('input', () => CreateContactFunctionInput, { description: 'The new function.' }) input: CreateContactFunctionInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey: string | undefined,
    @Ctx() { dataSource, viewer, clock, loaders }: Context,
  ) {
    const request = { operation: 'createContactFunction', key: idempotencyKey, input };
    return withExternalIdKey(() => idempotentCreate({ dataSource, viewer, clock }, request, async (manager) => {
      const { actorId, holders, channels, externalId, ...fields } = input;
      await actorToMaintain(manager, actorId, viewer);
      checkChannels(channels ?? []);
      checkHolders(holders ?? []);
      await assertAreasExist(manager, [fields.areaCode], 'areaCode');
      const fn = manager.getRepository(ContactFunction).create({ ...fields, externalId: externalIdColumn(externalId), actorId, channels: channelValues(channels ?? []) });
      const saved = await manager.getRepository(ContactFunction).save(fn);
      await replaceHolders(manager, saved.id, holders ?? []);
      await recordChange(manager, viewer, { entityType: 'ContactFunction', entityId: saved.id, action: ChangeAction.CREATED, fields: givenFields(input) });
      return saved;
    }, (id) => loaders.contactFunction.load(id), 'ContactFunction'));
  }

  @Mutation(() => ContactFunction, {
    description:
      'Changes a contact function; coordinators of its actor (or of the organisation maintaining its entry) only. `version` must be the version you read; if someone changed it since, VERSION_CONFLICT is returned and nothing is written.',
  })
  updateContactFunction(
    @Arg('id', () => ID, { description: 'Id of the function to change.' }) id: string,
    @Arg('version', () => Int, { description: 'The version you read; a stale version is refused.' }) version: number,
    @Arg('input', () => UpdateContactFunctionInput, { description: 'The changes.' }) input: UpdateContactFunctionInput,
    @Ctx() { dataSource, viewer }: Context,
  ) {
    return withExternalIdKey(() => dataSource.transaction(async (manager) => {
      const { record: fn, commit } = await lockActorRecord(manager, ContactFunction, 'contact_functions', 'ContactFunction', id, version, viewer);
      const { name, areaCode, channels, externalId, ...optional } = input;
      assertNotCleared({ name, areaCode });
      if (channels) checkChannels(channels);
      if (areaCode) await assertAreasExist(manager, [areaCode], 'areaCode');
      Object.assign(fn, Object.fromEntries(Object.entries({ ...optional, name, areaCode }).filter(([, value]) => value !== undefined)));
      if (channels !== undefined) fn.channels = channelValues(channels ?? []);
      if (externalId !== undefined) fn.externalId = externalIdColumn(externalId);
      const saved = await commit();
      await recordChange(manager, viewer, { entityType: 'ContactFunction', entityId: id, action: ChangeAction.UPDATED, fields: givenFields(input) });
      return saved;
    }));
  }

  @Mutation(() => ContactFunction, {
    description:
      'Replaces the holders and backups of a contact function with the given list (an empty list leaves it vacant); coordinators of its actor only. Bumps the version; a stale `version` is refused with VERSION_CONFLICT.',
  })
  setContactFunctionHolders(
    @Arg('functionId', () => ID, { description: 'Id of the contact function.' }) functionId: string,
    @Arg('version', () => Int, { description: 'The version you read; a stale version is refused.' }) version: number,
    @Arg('holders', () => [ContactFunctionHolderInput], { description: `The new list of holders and backups (at most ${MAX_HOLDERS}).` })
    holders: ContactFunctionHolderInput[],
    @Ctx() { dataSource, viewer }: Context,
  ) {
    return dataSource.transaction(async (manager) => {
      const { commit } = await lockActorRecord(manager, ContactFunction, 'contact_functions', 'ContactFunction', functionId, version, viewer);
      if (holders.length > MAX_HOLDERS) {
        throw badInput(`At most ${MAX_HOLDERS} holders`, [{ field: 'holders', message: `at most ${MAX_HOLDERS}` }]);
      }
      checkHolders(holders);
      await replaceHolders(manager, functionId, holders);
      const saved = await commit();
      await recordChange(manager, viewer, { entityType: 'ContactFunction', entityId: functionId, action: ChangeAction.UPDATED, fields: ['holders'] });
      return saved;
    });
  }

  @Mutation(() => ID, {
    description:
      'Deletes a contact function and its holders; venues that named it as the one to ask keep no contact function, and an actor that published it as its public contact has none (each gets a new version). Coordinators of its actor only; a stale `version` is refused with VERSION_CONFLICT. Returns the id.',
  })
  deleteContactFunction(
    @Arg('id', () => ID, { description: 'Id of the function to delete.' }) id: string,
    @Arg('version', () => Int, { description: 'The version you read; a stale version is refused.' }) version: number,
    @Ctx() { dataSource, viewer }: Context,
  ) {
    return dataSource.transaction(async (manager) => {
      await lockActorRecord(manager, ContactFunction, 'contact_functions', 'ContactFunction', id, version, viewer);
      const [detached]: [Array<{ id: string }>, number] = await manager.query(
        'UPDATE venues SET contact_function_id = NULL, version = version + 1, updated_at = now() WHERE contact_function_id = $1 RETURNING id',
        [id],
      );
      await recordChange(
        manager,
        viewer,
        detached.map((venue) => ({ entityType: 'Venue', entityId: venue.id, action: ChangeAction.UPDATED, fields: ['contactFunctionId'] })),
      );
      // An actor that published this function has no public contact any more.
      const [unpublished]: [Array<{ id: string }>, number] = await manager.query(
        `UPDATE actors SET public_contact_function_id = NULL, public_contact_channels = '[]', version = version + 1, updated_at = now()
          WHERE public_contact_function_id = $1 RETURNING id`,
        [id],
      );
      await recordChange(
        manager,
        viewer,
        unpublished.map((actor) => ({ entityType: 'Actor', entityId: actor.id, action: ChangeAction.UPDATED, fields: ['publicContact'] })),
      );
      await recordChange(manager, viewer, { entityType: 'ContactFunction', entityId: id, action: ChangeAction.DELETED, fields: [] });
      await manager.getRepository(ContactFunctionHolder).delete({ functionId: id });
      await manager.getRepository(ContactFunction).delete({ id });
      return id;
    });
  }
}

@Resolver(() => Actor)
export class ActorContactFunctionsResolver {
  @FieldResolver(() => [ContactFunction], {
    description:
      'Contact functions of the actor, by name (then by id; their channels and holders are for signed-in parties only): the first `first` of them. The root `contactFunctions` list with `actorId` pages through all.',
  })
  contactFunctions(@Root() actor: Actor, @Args(() => NestedListArgs) args: NestedListArgs, @Ctx() { loaders }: Context) {
    return loaders.contactFunctionsOfActor(args).load(actor.id);
  }
}

@Resolver(() => Area)
export class AreaContactFunctionsResolver {
  @FieldResolver(() => [ContactFunction], {
    description:
      'Contact functions covering this area, by name (then by id; their channels and holders are for signed-in parties only): the first `first` of them. The root `contactFunctions` list with `areaCode` pages through all.',
  })
  contactFunctions(@Root() area: Area, @Args(() => AreaListArgs) args: AreaListArgs, @Ctx() { loaders }: Context) {
    return loaders.contactFunctionsInArea(args).load(area.code);
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description:
      'How many contact functions covering this area are one-person dependencies today (see `onePersonDependencies`), for dashboards. Signed-in parties only; null for the public.',
  })
  onePersonDependencyCount(
    @Root() area: Area,
    @Arg('scope', () => AreaScope, { defaultValue: AreaScope.WITHIN, description: 'Include sub-areas (WITHIN) or also wider areas (OVERLAPPING).' })
    scope: AreaScope,
    @Ctx() { viewer, loaders }: Context,
  ) {
    return isSignedIn(viewer) ? loaders.onePersonDependencyCount[scope].load(area.code) : null;
  }
}

const currentHolders = (holders: ContactFunctionHolder[], today = todayInSweden()) => holders.filter((h) => isCurrentOn(h, today)).length;

const channelValues = (channels: ContactChannelInput[]): ContactChannel[] =>
  channels.map(({ kind, value, note }) => ({ kind, value: value.trim(), note: trimmedOrNull(note) }));

async function replaceHolders(manager: EntityManager, functionId: string, holders: ContactFunctionHolderInput[]) {
  await manager.getRepository(ContactFunctionHolder).delete({ functionId });
  if (holders.length === 0) return;
  await manager.getRepository(ContactFunctionHolder).insert(
    holders.map((holder, position) => ({
      functionId,
      personName: holder.personName.trim(),
      role: holder.role,
      validFrom: holder.from ?? null,
      validUntil: holder.until ?? null,
      position,
    })),
  );
}
