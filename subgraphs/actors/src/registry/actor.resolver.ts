import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { EntityManager } from 'typeorm';
import { assertNotCleared, badInput, Connection, IDEMPOTENCY_KEY_DESCRIPTION, idempotentCreate, lockForUpdate, NestedListArgs, PageArgs, SubgraphContext } from '@samverkan/platform';
import { ChangeAction, externalIdColumn, givenFields, ownerForNewRecord, recordChange, withExternalIdKey } from '@samverkan/federation';
import { Actor } from './actor';
import { ActorFilter, CreateActorInput, UpdateActorInput } from './actor.inputs';
import { Area } from '../areas/area';
import { assertAreasExist, replaceAreaLinks } from '../areas/area-links';
import { ActorsLoaders } from '../loaders';
import { assertMayMaintain } from './maintained-records';
import { searchActors } from '../search/search';
import { ActorOrder } from '../search/search.inputs';
import { normaliseSupportFields } from './support-need';
import { assertOrganisationNumberFree, organisationNumberKey, withOrganisationNumberKey } from './natural-key';

type Context = SubgraphContext<ActorsLoaders>;

@ObjectType({ description: 'A page of actors.' })
export class ActorConnection extends Connection(Actor) {}

@Resolver(() => Actor)
export class ActorResolver {
  @Query(() => Actor, { nullable: true, description: 'One actor by id; null when there is none.' })
  actor(@Arg('id', () => ID) id: string, @Ctx() { loaders }: Context) {
    return loaders.actor.load(id);
  }

  @Query(() => ActorConnection, {
    description:
      'Actors matching a filter (area with sub-areas, kind, what they offer, for whom and at what age, free text in Swedish, distance), ordered by name, relevance or distance, a page at a time.',
  })
  actors(
    @Arg('filter', () => ActorFilter, { nullable: true, description: 'Which actors to list; all conditions must hold.' }) filter: ActorFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('orderBy', () => ActorOrder, { defaultValue: ActorOrder.NAME, description: 'How to order the list.' }) orderBy: ActorOrder,
    @Ctx() { dataSource, viewer }: Context,
  ) {
    return searchActors(dataSource, viewer, filter, page, orderBy);
  }

  @FieldResolver(() => Actor, { nullable: true, description: 'The actor this one belongs to, e.g. the national organisation.' })
  parent(@Root() actor: Actor, @Ctx() { loaders }: Context) {
    return actor.parentId ? loaders.actor.load(actor.parentId) : null;
  }

  @FieldResolver(() => [Actor], {
    description: 'Actors that belong to this one, e.g. local branches or local police areas, by name (then by id): the first `first` of them. The root `actors` list with `parentId` pages through all.',
  })
  children(@Root() actor: Actor, @Args(() => NestedListArgs) args: NestedListArgs, @Ctx() { loaders }: Context) {
    return loaders.actorChildren(args).load(actor.id);
  }

  @FieldResolver(() => [Area], { description: 'The areas the actor works in.' })
  areas(@Root() actor: Actor, @Ctx() { loaders }: Context) {
    return loaders.areasOfActor.load(actor.id);
  }

  @Mutation(() => Actor, {
    description:
      'Registers an actor maintained by your organisation (coordinators only), e.g. a local branch or an association in your municipality. An organisation number already registered (also to an archived actor) is refused with BAD_USER_INPUT naming that actor.',
  })
  createActor(
    @Arg('input', () => CreateActorInput) input: CreateActorInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey: string | undefined,
    @Ctx() { dataSource, viewer, clock, loaders }: Context,
  ) {
    const ownerId = ownerForNewRecord(viewer);
    const organisationNumber = organisationNumberKey(input.organisationNumber);
    const request = { operation: 'createActor', key: idempotencyKey, input };
    return withExternalIdKey(() =>
      withOrganisationNumberKey(dataSource, () =>
        idempotentCreate(
          { dataSource, viewer, clock },
          request,
          async (manager) => {
            const { areaCodes, externalId, ...fields } = input;
            normaliseSupportFields(fields);
            await checkReferences(manager, { parentId: fields.parentId, areaCodes });
            await assertOrganisationNumberFree(manager, organisationNumber);
            const actor = await manager
              .getRepository(Actor)
              .save(manager.getRepository(Actor).create({ ...fields, externalId: externalIdColumn(externalId), organisationNumber, ownerId }));
            await replaceAreaLinks(manager, 'actor', actor.id, areaCodes ?? []);
            await recordChange(manager, viewer, { entityType: 'Actor', entityId: actor.id, action: ChangeAction.CREATED, fields: givenFields(input) });
            return actor;
          },
          (id) => loaders.actor.load(id),
          'Actor',
        ),
      ),
    );
  }

  @Mutation(() => Actor, {
    description:
      'Changes an actor. `version` must be the version you read; if someone changed it since, VERSION_CONFLICT is returned and nothing is written. An organisation number another actor holds is refused with BAD_USER_INPUT naming that actor.',
  })
  updateActor(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input', () => UpdateActorInput) input: UpdateActorInput,
    @Ctx() { dataSource, viewer }: Context,
  ) {
    const organisationNumber = organisationNumberKey(input.organisationNumber);
    return withExternalIdKey(() => withOrganisationNumberKey(dataSource, () =>
      dataSource.transaction(async (manager) => {
        const { record: actor, commit } = await lockForUpdate(manager, Actor, 'Actor', id, version, (found) => assertMayMaintain(found, viewer));
        const { areaCodes, name, kind, externalId, ...fields } = input;
        assertNotCleared({ name, kind });
        normaliseSupportFields(fields);
        await checkReferences(manager, { parentId: fields.parentId, areaCodes });
        if (fields.parentId && (await isSelfOrDescendant(manager, fields.parentId, id))) {
          throw badInput('parentId would make the actor its own ancestor', [{ field: 'parentId', message: 'cycle' }]);
        }
        await assertOrganisationNumberFree(manager, organisationNumber, id);
        Object.assign(actor, fields, name === undefined ? {} : { name }, kind === undefined ? {} : { kind });
        if (organisationNumber !== undefined) actor.organisationNumber = organisationNumber;
        if (externalId !== undefined) actor.externalId = externalIdColumn(externalId);
        if (areaCodes !== undefined) await replaceAreaLinks(manager, 'actor', id, areaCodes ?? []);
        const saved = await commit();
        await recordChange(manager, viewer, { entityType: 'Actor', entityId: id, action: ChangeAction.UPDATED, fields: givenFields(input) });
        return saved;
      }),
    ));
  }
}

async function checkReferences(manager: EntityManager, { parentId, areaCodes }: { parentId?: string | null; areaCodes?: string[] | null }) {
  if (parentId && !(await manager.getRepository(Actor).existsBy({ id: parentId }))) {
    throw badInput(`Unknown parent actor ${parentId}`, [{ field: 'parentId', message: 'unknown actor' }]);
  }
  await assertAreasExist(manager, areaCodes ?? []);
}

async function isSelfOrDescendant(manager: EntityManager, candidateId: string, actorId: string): Promise<boolean> {
  const [{ found }] = await manager.query(
    `WITH RECURSIVE up AS (SELECT id, parent_id FROM actors WHERE id = $1
       UNION SELECT a.id, a.parent_id FROM actors a JOIN up ON a.id = up.parent_id)
     SELECT EXISTS (SELECT 1 FROM up WHERE id = $2) AS found`,
    [candidateId, actorId],
  );
  return found;
}
