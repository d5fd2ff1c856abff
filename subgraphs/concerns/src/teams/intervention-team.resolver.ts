import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import {
  answeredBy,
  assertNoPersonalIdentityNumbers,
  externalIdColumn,
  forbidden,
  namedAreaFilter,
  onePerArea,
  ownerForNewRecord,
  sharedWithOthers,
  withExternalIdKey,
} from '@samverkan/federation';
import {
  assertSignedIn,
  badInput,
  Connection,
  IDEMPOTENCY_KEY_DESCRIPTION,
  idempotentCreate,
  isSignedIn,
  lockForUpdate,
  notFound,
  PageArgs,
  paginate,
  SubgraphContext,
  trimmedOrNull,
} from '@samverkan/platform';
import { ConcernsLoaders } from '../loaders';
import { Actor, Area, ContactFunction } from '../stubs';
import { InterventionTeam, TeamMember } from './intervention-team';
import { CreateInterventionTeamInput, InterventionTeamFilter, MAX_MEMBERS, UpdateInterventionTeamInput } from './intervention-team.inputs';
import { assertCanMaintainTeam, canSeeTeam, teamVisibleSql } from './team-access';
import { HAS_GAPS_SQL, TeamGap, teamGaps } from './team-gaps';
import { checkFunctionsFit, checkMembers, checkReferences, replaceMembers } from './team-members';
import { TeamFunction } from './team-vocabulary';

type Context = SubgraphContext<ConcernsLoaders>;

@ObjectType({ description: 'A page of intervention teams.' })
export class InterventionTeamConnection extends Connection(InterventionTeam) {}

const ONE_PER_AREA = onePerArea(InterventionTeam, { noun: 'intervention team', constraint: 'intervention_teams_area_code_key' });

const OWNER_ONLY: Array<keyof UpdateInterventionTeamInput> = ['maintainerIds', 'visibility', 'sharedWithIds', 'externalId'];

@Resolver(() => InterventionTeam)
export class InterventionTeamResolver {
  @Query(() => InterventionTeam, { nullable: true, description: 'One intervention team by id; null when there is none or you may not see it.' })
  interventionTeam(@Arg('id', () => ID, { description: 'Id of the team.' }) id: string, @Ctx() { loaders }: Context) {
    return loaders.team.load(id);
  }

  @Query(() => InterventionTeamConnection, {
    description: 'Intervention teams you may see (by visibility, or as a maintainer) that match a filter, by area code, a page at a time; `totalCount` counts only those.',
  })
  interventionTeams(
    @Arg('filter', () => InterventionTeamFilter, { nullable: true, description: 'Which teams to list; all of them when left out.' }) filter: InterventionTeamFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() { dataSource, viewer }: Context,
  ) {
    // Visibility first: every filter below only narrows the rows the viewer may see.
    const query = dataSource.getRepository(InterventionTeam).createQueryBuilder('team').andWhere(...teamVisibleSql('team', viewer));
    if (filter?.areaCode) query.andWhere(...namedAreaFilter('team.area_code', filter.areaCode, filter.areaScope));
    if (filter?.hasGaps !== undefined && filter.hasGaps !== null) query.andWhere(filter.hasGaps ? HAS_GAPS_SQL('team') : `NOT ${HAS_GAPS_SQL('team')}`);
    return paginate(query, page, { column: 'team.area_code', property: 'areaCode', direction: 'ASC', unique: true });
  }

  @FieldResolver(() => Area, answeredBy('actors', 'The area the team answers for.'))
  area(@Root() team: InterventionTeam): Area {
    return { code: team.areaCode };
  }

  @FieldResolver(() => [Actor], {
    description: "Organisations whose coordinators change the team together with the owner's (the area's other parties); they always see it.",
  })
  maintainers(@Root() team: InterventionTeam): Actor[] {
    return team.maintainerIds.map((id) => ({ id }));
  }

  @FieldResolver(() => [TeamMember], {
    description: `The team's lines (at most ${MAX_MEMBERS}): lead, backups, members, coordinator, each by contact function.`,
  })
  members(@Root() team: InterventionTeam, @Ctx() { loaders }: Context) {
    return loaders.teamMembers.load(team.id);
  }

  @FieldResolver(() => [ID], {
    description: 'The contact functions the team lists, each once, in the order of `members`. The registry answers `onePersonDependencies` from them.',
  })
  async contactFunctionIds(@Root() team: InterventionTeam, @Ctx() { loaders }: Context) {
    return [...new Set((await loaders.teamMembers.load(team.id)).map((member) => member.contactFunctionId))];
  }

  @FieldResolver(() => [TeamGap], {
    description:
      "What is missing in the team, counting only the lines that take part (a civil-society line once its organisation joined), in the order of TeamGapKind. The listed functions that rest on one person are the registry's to say: `onePersonDependencies` (answered by the actors service).",
  })
  async gaps(@Root() team: InterventionTeam, @Ctx() { loaders }: Context) {
    return teamGaps(await loaders.teamMembers.load(team.id));
  }

  @FieldResolver(() => Int, { description: 'How many gaps the team has (see `gaps`; one-person dependencies are counted apart, in `onePersonDependencies`); 0 when complete.' })
  async gapCount(@Root() team: InterventionTeam, @Ctx() { loaders }: Context) {
    return teamGaps(await loaders.teamMembers.load(team.id)).length;
  }

  @Mutation(() => InterventionTeam, {
    description:
      "Creates the intervention team of an area for your organisation, which owns it (coordinators only). An area has one team: a second is BAD_USER_INPUT naming `areaCode`. The area, every contact function, maintainer and `sharedWithIds` must exist; exactly one LEAD, at most one COORDINATOR, each function and contact function once, each function fitting its organisation's kind (BAD_USER_INPUT naming `members.<i>.function`); a note that looks like it contains a personal identity number is refused. Nothing is written on any refusal.",
  })
  async createInterventionTeam(
    @Arg('input', () => CreateInterventionTeamInput, { description: 'The new team.' }) input: CreateInterventionTeamInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey: string | undefined,
    @Ctx() { dataSource, viewer, authorization, clock, loaders }: Context,
  ) {
    const ownerId = ownerForNewRecord(viewer);
    const { members, maintainerIds, sharedWithIds, externalId, note, ...fields } = input;
    checkMembers(members, note);
    const found = await checkReferences({ areaCode: fields.areaCode, members, maintainerIds, sharedWithIds }, authorization);
    checkFunctionsFit(members, found);
    const request = { operation: 'createInterventionTeam', key: idempotencyKey, input };
    return ONE_PER_AREA.guardRace(dataSource.manager, viewer, fields.areaCode, () =>
      withExternalIdKey(() =>
        idempotentCreate({ dataSource, viewer, clock }, request, async (manager) => {
          await ONE_PER_AREA.assertNoneYet(manager, viewer, fields.areaCode);
          const repository = manager.getRepository(InterventionTeam);
          const team = await repository.save(
            repository.create({
              ...fields,
              note: trimmedOrNull(note),
              ownerId,
              maintainerIds: sharedWithOthers(maintainerIds, ownerId),
              sharedWith: sharedWithOthers(sharedWithIds ?? [], ownerId),
              externalId: externalIdColumn(externalId),
            }),
          );
          await replaceMembers(manager, team.id, members, found, clock.now());
          return team;
        }, (id) => loaders.team.load(id), 'InterventionTeam'),
      ),
    );
  }

  @Mutation(() => InterventionTeam, {
    description:
      "Changes an intervention team: coordinators of the owning organisation or of a maintainer; maintainers change `members` and `note` only (the rest is the owner's: FORBIDDEN). Given members replace the old lines. `version` must be the version you read, else VERSION_CONFLICT; a team you may not see is NOT_FOUND. The same checks as on creation; nothing is written on any refusal.",
  })
  async updateInterventionTeam(
    @Arg('id', () => ID, { description: 'Id of the team to change.' }) id: string,
    @Arg('version', () => Int, { description: 'The version you read; a stale one is refused with VERSION_CONFLICT.' }) version: number,
    @Arg('input', () => UpdateInterventionTeamInput, { description: 'The changes.' }) input: UpdateInterventionTeamInput,
    @Ctx() { dataSource, viewer, authorization, clock }: Context,
  ) {
    assertSignedIn(viewer, 'change intervention teams');
    const { members, maintainerIds, sharedWithIds, externalId, note, visibility } = input;
    if (visibility === null) throw badInput('visibility cannot be cleared', [{ field: 'visibility', message: 'cannot be null' }]);
    if (members === null) throw badInput('members cannot be cleared: a team needs its lead', [{ field: 'members', message: 'cannot be null' }]);
    if (members) checkMembers(members, note);
    else assertNoPersonalIdentityNumbers([{ field: 'note', text: note }]);
    const found = await checkReferences({ members: members ?? [], maintainerIds: maintainerIds ?? [], sharedWithIds }, authorization);
    if (members) checkFunctionsFit(members, found);
    const ownerOnly = OWNER_ONLY.filter((field) => input[field] !== undefined);
    return withExternalIdKey(() =>
      dataSource.transaction(async (manager) => {
        const { record: team, commit } = await lockForUpdate(manager, InterventionTeam, 'InterventionTeam', id, version, (record) =>
          assertCanMaintainTeam(record, viewer, ownerOnly),
        );
        if (note !== undefined) team.note = trimmedOrNull(note);
        if (visibility) team.visibility = visibility;
        if (maintainerIds !== undefined) team.maintainerIds = sharedWithOthers(maintainerIds ?? [], team.ownerId);
        if (sharedWithIds !== undefined) team.sharedWith = sharedWithOthers(sharedWithIds ?? [], team.ownerId);
        if (externalId !== undefined) team.externalId = externalIdColumn(externalId);
        if (members) await replaceMembers(manager, id, members, found, clock.now());
        return commit();
      }),
    );
  }

  @Mutation(() => ID, {
    description:
      'Deletes an intervention team and its lines (coordinators of the owning organisation only; FORBIDDEN for maintainers) and returns its id. Refused with BAD_USER_INPUT while concerns routed to it are not closed. `version` must be the version you read, else VERSION_CONFLICT; a team you may not see is NOT_FOUND.',
  })
  deleteInterventionTeam(
    @Arg('id', () => ID, { description: 'Id of the team to delete.' }) id: string,
    @Arg('version', () => Int, { description: 'The version you read; a stale one is refused with VERSION_CONFLICT.' }) version: number,
    @Ctx() { dataSource, viewer }: Context,
  ) {
    assertSignedIn(viewer, 'change intervention teams');
    return dataSource.transaction(async (manager) => {
      await lockForUpdate(manager, InterventionTeam, 'InterventionTeam', id, version, (record) => assertCanMaintainTeam(record, viewer, ['the team as a whole (delete)']));
      // Whether, not how many: the team's keepers need not be readers of its concerns.
      const [open] = await manager.query(`SELECT EXISTS (SELECT 1 FROM concerns WHERE team_id = $1 AND status <> 'CLOSED') AS any`, [id]);
      if (open.any) {
        throw badInput(`Intervention team ${id} has concerns that are not closed: their readers close them first. Nothing was written.`, [{ field: 'id', message: 'has concerns not closed' }]);
      }
      await manager.getRepository(TeamMember).delete({ teamId: id });
      await manager.getRepository(InterventionTeam).delete({ id });
      return id;
    });
  }

  @Mutation(() => InterventionTeam, {
    description:
      "A civil-society organisation confirms that it takes part in a team: any signed-in person of the organisation of the line's contact function (else FORBIDDEN). Until then the line is not activated. Only CIVIL_SOCIETY lines are joined (others take part at once; BAD_USER_INPUT), and only once. `version` must be the version you read, else VERSION_CONFLICT; a team you neither see nor have a line in is NOT_FOUND.",
  })
  joinInterventionTeam(
    @Arg('teamId', () => ID, { description: 'Id of the team.' }) teamId: string,
    @Arg('contactFunctionId', () => ID, { description: "Your organisation's contact function listed in the team." }) contactFunctionId: string,
    @Arg('version', () => Int, { description: 'The version you read; a stale one is refused with VERSION_CONFLICT.' }) version: number,
    @Ctx() { dataSource, viewer, clock }: Context,
  ) {
    assertSignedIn(viewer, 'join intervention teams');
    return dataSource.transaction(async (manager) => {
      const lines = manager.getRepository(TeamMember);
      const { commit } = await lockForUpdate(manager, InterventionTeam, 'InterventionTeam', teamId, version, async (team) => {
        // An organisation listed in a team may see it to join, whatever the team's visibility.
        if (!canSeeTeam(team, viewer) && !(await lines.existsBy({ teamId: team.id, actorId: viewer.organisationId }))) throw notFound('InterventionTeam', team.id);
      });
      const line = await lines.findOneBy({ teamId, contactFunctionId: contactFunctionId.toLowerCase() });
      if (!line) throw badInput(`Contact function ${contactFunctionId} is not listed in this team. Nothing was written.`, [{ field: 'contactFunctionId', message: 'is not listed in this team' }]);
      if (!isSignedIn(viewer) || line.actorId !== viewer.organisationId) throw forbidden("Only the organisation of the line's contact function may join the team for it");
      if (line.teamFunction !== TeamFunction.CIVIL_SOCIETY) throw badInput(`The ${line.teamFunction} line takes part without joining. Nothing was written.`, [{ field: 'contactFunctionId', message: 'is not a civil-society line' }]);
      if (line.joinedAt) throw badInput('This line has joined the team already. Nothing was written.', [{ field: 'contactFunctionId', message: 'has joined already' }]);
      await lines.update({ id: line.id }, { joinedAt: clock.now() });
      return commit();
    });
  }
}

@Resolver(() => TeamMember)
export class TeamMemberResolver {
  @FieldResolver(() => ContactFunction, answeredBy('actors', 'The contact function; the registry tells its channels, holders and whether it rests on one person.'))
  contactFunction(@Root() member: TeamMember): ContactFunction {
    return { id: member.contactFunctionId };
  }

  @FieldResolver(() => Actor, answeredBy('actors', 'The organisation behind the contact function, as the registry said when the line was written.'))
  actor(@Root() member: TeamMember): Actor {
    return { id: member.actorId };
  }
}

@Resolver(() => Area)
export class AreaInterventionTeamResolver {
  @FieldResolver(() => InterventionTeam, answeredBy('concerns', 'The intervention team of exactly this area, if it has one you may see (by visibility, or as a maintainer); null otherwise.'))
  interventionTeam(@Root() area: Area, @Ctx() { loaders }: Context) {
    return loaders.teamOfArea.load(area.code);
  }
}
