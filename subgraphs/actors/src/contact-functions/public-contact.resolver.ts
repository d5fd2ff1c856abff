import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import { EntityManager } from 'typeorm';
import { ChangeAction, recordChange } from '@samverkan/federation';
import { badInput, lockForUpdate, SubgraphContext } from '@samverkan/platform';
import { Actor } from '../registry/actor';
import { assertMayMaintain } from '../registry/maintained-records';
import { ActorsLoaders } from '../loaders';
import { ContactFunction, ContactFunctionHolder } from './contact-function';
import { PublicContactInput } from './contact-function.inputs';
import { ChannelKey, channelKey, namesHolder, PublicContact, publicContactOf } from './public-contact';

type Context = SubgraphContext<ActorsLoaders>;

@Resolver(() => Actor)
export class PublicContactResolver {
  @FieldResolver(() => PublicContact, {
    nullable: true,
    description:
      'How the public reaches the organisation: the contact function and channels its coordinators chose (`setPublicContact`), for everyone, also without a token. Null when none is chosen, when none of the chosen channels is left, and for an archived actor.',
  })
  async publicContact(@Root() actor: Actor, @Ctx() { loaders }: Context): Promise<PublicContact | null> {
    const functionId = actor.publicContactFunctionId;
    if (!functionId || actor.archivedAt) return null;
    const [fn, holders] = await Promise.all([loaders.contactFunction.load(functionId), loaders.contactFunctionHolders.load(functionId)]);
    return fn && fn.actorId === actor.id ? publicContactOf(fn, actor.publicContactChannels ?? [], holders) : null;
  }

  @Mutation(() => Actor, {
    description:
      "Chooses the organisation's public contact: one of its contact functions and some of its channels, shown to everyone as `publicContact` and in the public HSDS export; `choice: null` withdraws it. Coordinators of the actor (or of the organisation maintaining its entry) only: UNAUTHENTICATED without a token, FORBIDDEN for others and for an archived actor, NOT_FOUND for an unknown actor, VERSION_CONFLICT for a stale `version` (the actor's). BAD_USER_INPUT (`extensions.fields`) when the function is not the actor's (`choice.contactFunctionId`), a position is not one of its channels or a channel names one of its holders (`choice.channels.<n>`). Later changes to the function's channels never publish a new channel: only chosen channels still there, with the same kind and value, stay public.",
  })
  setPublicContact(
    @Arg('actorId', () => ID, { description: 'The organisation (actor).' }) actorId: string,
    @Arg('version', () => Int, { description: "The actor's version you read; a stale version is refused." }) version: number,
    @Arg('choice', () => PublicContactInput, { nullable: true, description: 'The function and channels to publish; null withdraws the public contact.' })
    choice: PublicContactInput | null,
    @Ctx() { dataSource, viewer }: Context,
  ) {
    return dataSource.transaction(async (manager) => {
      const { record: actor, commit } = await lockForUpdate(manager, Actor, 'Actor', actorId, version, (found) => assertMayMaintain(found, viewer));
      const chosen = choice ? await chosenChannels(manager, actor.id, choice) : null;
      actor.publicContactFunctionId = choice?.contactFunctionId ?? null;
      actor.publicContactChannels = chosen ?? [];
      const saved = await commit();
      await recordChange(manager, viewer, { entityType: 'Actor', entityId: actor.id, action: ChangeAction.UPDATED, fields: ['publicContact'] });
      return saved;
    });
  }
}

/** The channels a choice names, checked against the function as it is now (locked, so that it cannot change meanwhile). */
async function chosenChannels(manager: EntityManager, actorId: string, choice: PublicContactInput): Promise<ChannelKey[]> {
  const fn = await manager
    .getRepository(ContactFunction)
    .createQueryBuilder('f')
    .setLock('pessimistic_read')
    .where('f.id = :id AND f.actor_id = :actorId', { id: choice.contactFunctionId, actorId })
    .getOne();
  if (!fn) throw badInput('The contact function is not one of this actor\'s', [{ field: 'choice.contactFunctionId', message: 'not a contact function of this actor' }]);
  const holders = await manager.getRepository(ContactFunctionHolder).findBy({ functionId: fn.id });
  const problems = choice.channels.flatMap((position, index) => {
    const channel = fn.channels[position];
    if (!channel) return [{ field: `choice.channels.${index}`, message: 'not one of the function\'s channels' }];
    return namesHolder(channel, holders) ? [{ field: `choice.channels.${index}`, message: 'names a holder of the function' }] : [];
  });
  if (problems.length) throw badInput(`Cannot publish: ${problems.map((p) => `${p.field} is ${p.message}`).join('; ')}`, problems);
  return [...new Set(choice.channels)].sort((a, b) => a - b).map((position) => channelKey(fn.channels[position]));
}
