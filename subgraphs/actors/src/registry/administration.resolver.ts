import { Arg, Args, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import { ChangeAction, forbidden, hasRole, recordChange, Role } from '@samverkan/federation';
import { assertSignedIn, badInput, IDEMPOTENCY_KEY_DESCRIPTION, idempotentCreate, lockForUpdate, SubgraphContext, Viewer } from '@samverkan/platform';
import { Actor } from './actor';
import { ArchiveActorArgs, RegisterOrganisationInput } from './actor.inputs';
import { ActorsLoaders } from '../loaders';
import { withOrganisationNumberKey } from './natural-key';
import { registerOrganisation } from './organisations';

type Context = SubgraphContext<ActorsLoaders>;

/**
 * What the ADMINISTRATOR role may do in the registry, and nothing more: register organisations,
 * archive and restore actors (areas: see areas/). It reads no private content and changes no
 * organisation's records because of the role.
 */
function assertAdministrator(viewer: Viewer, purpose: string): void {
  assertSignedIn(viewer, purpose);
  if (!hasRole(viewer, Role.ADMINISTRATOR)) throw forbidden(`Only administrators ${purpose}`);
}

/** The fields archiving and restoring set, as the change log names them. */
const ARCHIVE_FIELDS = ['archivedAt', 'archivedReason'];

@Resolver()
export class AdministrationResolver {
  @Mutation(() => Actor, {
    description:
      'Registers an organisation: a top-level actor that maintains its own entry, so that its people can sign in (a token names it in `org`) and its coordinators can keep the entry up to date. Administrators only. An organisation number already registered (also to an archived actor) is refused with BAD_USER_INPUT naming that actor. (Coordinators register units and associations they maintain themselves with `createActor`.)',
  })
  registerOrganisation(
    @Arg('input', () => RegisterOrganisationInput, { description: 'The organisation.' }) input: RegisterOrganisationInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey: string | undefined,
    @Ctx() { dataSource, viewer, clock, loaders }: Context,
  ) {
    assertAdministrator(viewer, 'register organisations');
    const request = { operation: 'registerOrganisation', key: idempotencyKey, input };
    return withOrganisationNumberKey(dataSource, () =>
      idempotentCreate({ dataSource, viewer, clock }, request, (manager) => registerOrganisation(manager, viewer, input), (id) => loaders.actor.load(id), 'Actor'),
    );
  }

  @Mutation(() => Actor, {
    description:
      'Archives an actor: it stays readable by id and wherever records name it, with its history, but is left out of lists and coverage (unless `includeArchived`), nobody may change it, and its organisation\'s tokens are refused (at once by the actors subgraph; other services may accept them for up to five minutes). Bumps the version and writes the change log. Administrators only; a stale `version` is VERSION_CONFLICT.',
  })
  archiveActor(@Args(() => ArchiveActorArgs) { id, version, reason }: ArchiveActorArgs, @Ctx() { dataSource, viewer }: Context) {
    assertAdministrator(viewer, 'archive actors');
    const why = reason.trim();
    if (!why) throw badInput('reason must say why the actor is archived', [{ field: 'reason', message: 'must not be blank' }]);
    return dataSource.transaction(async (manager) => {
      const { record: actor, commit } = await lockForUpdate(manager, Actor, 'Actor', id, version, () => {});
      if (actor.archivedAt) throw badInput(`Actor ${id} is archived already`, [{ field: 'id', message: 'archived already' }]);
      Object.assign(actor, { archivedAt: new Date(), archivedReason: why });
      const saved = await commit();
      await recordChange(manager, viewer, { entityType: 'Actor', entityId: id, action: ChangeAction.UPDATED, fields: ARCHIVE_FIELDS });
      return saved;
    });
  }

  @Mutation(() => Actor, {
    description:
      'Restores an archived actor: listed again, its maintainers may change it and its people sign in again. Bumps the version and writes the change log. Administrators only; a stale `version` is VERSION_CONFLICT.',
  })
  restoreActor(
    @Arg('id', () => ID, { description: 'Id of the archived actor.' }) id: string,
    @Arg('version', () => Int, { description: 'The version you read; a stale version is refused.' }) version: number,
    @Ctx() { dataSource, viewer }: Context,
  ) {
    assertAdministrator(viewer, 'restore actors');
    return dataSource.transaction(async (manager) => {
      const { record: actor, commit } = await lockForUpdate(manager, Actor, 'Actor', id, version, () => {});
      if (!actor.archivedAt) throw badInput(`Actor ${id} is not archived`, [{ field: 'id', message: 'not archived' }]);
      Object.assign(actor, { archivedAt: null, archivedReason: null });
      const saved = await commit();
      await recordChange(manager, viewer, { entityType: 'Actor', entityId: id, action: ChangeAction.UPDATED, fields: ARCHIVE_FIELDS });
      return saved;
    });
  }
}
