import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { EntityManager } from 'typeorm';
import {
  answeredBy,
  assertNoPersonalIdentityNumbers,
  assertReferencesExist,
  ChangeAction,
  externalIdColumn,
  givenFields,
  namedAreaFilter,
  onePerArea,
  ownerForNewRecord,
  recordChange,
  referencedRecord,
  ReferencedRecords,
  sharedWithOthers,
  withExternalIdKey,
} from '@samverkan/federation';
import { assertSignedIn, badInput, Connection, IDEMPOTENCY_KEY_DESCRIPTION, idempotentCreate, lockForUpdate, PageArgs, paginate, SubgraphContext, trimmedOrNull } from '@samverkan/platform';
import { IncidentKind } from '../incidents/incident-vocabulary';
import { SituationLoaders } from '../loaders';
import { Actor, Area, ContactFunction } from '../stubs';
import { CrisisRoster, CrisisRosterEntry, RosterRole } from './crisis-roster';
import { CreateCrisisRosterInput, CrisisRosterEntryInput, CrisisRosterFilter, UpdateCrisisRosterInput } from './crisis-roster.inputs';
import { assertCanMaintain, rosterVisibleSql } from './roster-access';
import { RosterGap, rosterGaps } from './roster-gaps';

type Context = SubgraphContext<SituationLoaders>;

@ObjectType({ description: 'A page of crisis rosters.' })
export class CrisisRosterConnection extends Connection(CrisisRoster) {}

/** SQL: the roster `alias` has a gap (`rosterGaps`): a kind of incident without a primary, or a primary without a backup. */
const HAS_GAPS_SQL = (alias: string) => `(
  EXISTS (SELECT 1 FROM unnest(ARRAY[${Object.values(IncidentKind).map((kind) => `'${kind}'`).join(', ')}]::text[]) AS k(kind)
    WHERE NOT EXISTS (SELECT 1 FROM crisis_roster_entries e WHERE e.roster_id = ${alias}.id AND e.incident_kind = k.kind AND e.role = 'PRIMARY'))
  OR EXISTS (SELECT 1 FROM crisis_roster_entries p WHERE p.roster_id = ${alias}.id AND p.role = 'PRIMARY'
    AND NOT EXISTS (SELECT 1 FROM crisis_roster_entries b WHERE b.roster_id = p.roster_id AND b.incident_kind = p.incident_kind AND b.position = p.position AND b.role = 'BACKUP')))`;

const ONE_PER_AREA = onePerArea(CrisisRoster, { noun: 'crisis roster', constraint: 'crisis_rosters_area_code_key' });

const OWNER_ONLY: Array<keyof UpdateCrisisRosterInput> = ['maintainerIds', 'visibility', 'sharedWithIds', 'externalId'];

@Resolver(() => CrisisRoster)
export class CrisisRosterResolver {
  @Query(() => CrisisRoster, { nullable: true, description: 'One crisis roster by id; null when there is none or you may not see it.' })
  crisisRoster(@Arg('id', () => ID, { description: 'Id of the roster.' }) id: string, @Ctx() { loaders }: Context) {
    return loaders.roster.load(id);
  }

  @Query(() => CrisisRosterConnection, {
    description: 'Crisis rosters you may see (by visibility, or as a maintainer) that match a filter, by area code, a page at a time; `totalCount` counts only those.',
  })
  crisisRosters(
    @Arg('filter', () => CrisisRosterFilter, { nullable: true, description: 'Which rosters to list; all of them when left out.' }) filter: CrisisRosterFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() { dataSource, viewer }: Context,
  ) {
    // Visibility first: every filter below only narrows the rows the viewer may see.
    const query = dataSource.getRepository(CrisisRoster).createQueryBuilder('roster').andWhere(...rosterVisibleSql('roster', viewer));
    if (filter?.areaCode) query.andWhere(...namedAreaFilter('roster.area_code', filter.areaCode, filter.areaScope));
    if (filter?.hasGaps !== undefined && filter.hasGaps !== null) query.andWhere(filter.hasGaps ? HAS_GAPS_SQL('roster') : `NOT ${HAS_GAPS_SQL('roster')}`);
    if (filter?.contactFunctionId) {
      query.andWhere('EXISTS (SELECT 1 FROM crisis_roster_entries f WHERE f.roster_id = roster.id AND f.contact_function_id = :functionId)', {
        functionId: filter.contactFunctionId,
      });
    }
    return paginate(query, page, { column: 'roster.area_code', property: 'areaCode', direction: 'ASC', unique: true });
  }

  @FieldResolver(() => Area, answeredBy('actors', 'The area the roster is for.'))
  area(@Root() roster: CrisisRoster): Area {
    return { code: roster.areaCode };
  }

  @FieldResolver(() => [Actor], {
    description: 'Organisations whose coordinators change the roster together with the owner\'s (the area\'s crisis collaboration parties); they always see it.',
  })
  maintainers(@Root() roster: CrisisRoster): Actor[] {
    return roster.maintainerIds.map((id) => ({ id }));
  }

  @FieldResolver(() => [CrisisRosterEntry], {
    description: `The roster's lines (at most 200), by kind of incident (in the order of IncidentKind), place in the order, primary before backup.`,
  })
  async entries(
    @Root() roster: CrisisRoster,
    @Arg('incidentKind', () => IncidentKind, { nullable: true, description: 'Only the lines for this kind of incident.' }) incidentKind: IncidentKind | undefined,
    @Ctx() { loaders }: Context,
  ) {
    const entries = await loaders.rosterEntries.load(roster.id);
    return incidentKind ? entries.filter((entry) => entry.incidentKind === incidentKind) : entries;
  }

  @FieldResolver(() => [ID], {
    description:
      'The contact functions the roster lists, each once, in the order of `entries`. The registry answers `onePersonDependencies` from them.',
  })
  async contactFunctionIds(@Root() roster: CrisisRoster, @Ctx() { loaders }: Context) {
    return [...new Set((await loaders.rosterEntries.load(roster.id)).map((entry) => entry.contactFunctionId))];
  }

  @FieldResolver(() => [RosterGap], {
    description:
      'What is missing in the roster itself: each kind of incident with no primary (NO_CONTACT), then each place with a primary and no backup (NO_BACKUP), by kind and place. The listed functions that rest on one person are the registry\'s to say: `onePersonDependencies` (answered by the actors service).',
  })
  async gaps(@Root() roster: CrisisRoster, @Ctx() { loaders }: Context) {
    return rosterGaps(await loaders.rosterEntries.load(roster.id));
  }

  @FieldResolver(() => Int, { description: 'How many gaps the roster has (see `gaps`; one-person dependencies are counted apart, in `onePersonDependencies`); 0 when complete.' })
  async gapCount(@Root() roster: CrisisRoster, @Ctx() { loaders }: Context) {
    return rosterGaps(await loaders.rosterEntries.load(roster.id)).length;
  }

  @Mutation(() => CrisisRoster, {
    description:
      'Creates the crisis roster of an area for your organisation, which owns it (coordinators only). An area has one roster: a second is BAD_USER_INPUT naming `areaCode`. The area, every contact function, maintainer and `sharedWithIds` must exist; a function is listed at most once per kind of incident and a backup needs a primary at its place; text that looks like it contains a personal identity number is refused. Nothing is written on any refusal.',
  })
  async createCrisisRoster(
    @Arg('input', () => CreateCrisisRosterInput, { description: 'The new roster.' }) input: CreateCrisisRosterInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey: string | undefined,
    @Ctx() { dataSource, viewer, authorization, clock, loaders }: Context,
  ) {
    const ownerId = ownerForNewRecord(viewer);
    const { entries, maintainerIds, sharedWithIds, externalId, note, ...fields } = input;
    checkEntries(entries, note);
    const found = await checkReferences({ areaCode: fields.areaCode, entries, maintainerIds, sharedWithIds }, authorization);
    const request = { operation: 'createCrisisRoster', key: idempotencyKey, input };
    return ONE_PER_AREA.guardRace(dataSource.manager, viewer, fields.areaCode, () =>
      withExternalIdKey(() =>
        idempotentCreate({ dataSource, viewer, clock }, request, async (manager) => {
          await ONE_PER_AREA.assertNoneYet(manager, viewer, fields.areaCode);
          const repository = manager.getRepository(CrisisRoster);
          const roster = await repository.save(
            repository.create({
              ...fields,
              note: trimmedOrNull(note),
              ownerId,
              maintainerIds: sharedWithOthers(maintainerIds, ownerId),
              sharedWith: sharedWithOthers(sharedWithIds ?? [], ownerId),
              externalId: externalIdColumn(externalId),
            }),
          );
          await replaceEntries(manager, roster.id, entries, found);
          await recordChange(manager, viewer, { entityType: 'CrisisRoster', entityId: roster.id, action: ChangeAction.CREATED, fields: givenFields(input) });
          return roster;
        }, (id) => loaders.roster.load(id), 'CrisisRoster'),
      ),
    );
  }

  @Mutation(() => CrisisRoster, {
    description:
      "Changes a crisis roster: coordinators of the owning organisation or of a maintainer; maintainers change `entries` and `note` only (the rest is the owner's: FORBIDDEN). Given entries replace the old ones. `version` must be the version you read, else VERSION_CONFLICT; a roster you may not see is NOT_FOUND. The same checks as on creation; nothing is written on any refusal.",
  })
  async updateCrisisRoster(
    @Arg('id', () => ID, { description: 'Id of the roster to change.' }) id: string,
    @Arg('version', () => Int, { description: 'The version you read; a stale one is refused with VERSION_CONFLICT.' }) version: number,
    @Arg('input', () => UpdateCrisisRosterInput, { description: 'The changes.' }) input: UpdateCrisisRosterInput,
    @Ctx() { dataSource, viewer, authorization }: Context,
  ) {
    assertSignedIn(viewer, 'change crisis rosters');
    const { entries, maintainerIds, sharedWithIds, externalId, note, visibility } = input;
    if (visibility === null) throw badInput('visibility cannot be cleared', [{ field: 'visibility', message: 'cannot be null' }]);
    checkEntries(entries ?? [], note);
    const found = await checkReferences({ entries: entries ?? [], maintainerIds: maintainerIds ?? [], sharedWithIds }, authorization);
    const ownerOnly = OWNER_ONLY.filter((field) => input[field] !== undefined);
    return withExternalIdKey(() =>
      dataSource.transaction(async (manager) => {
        const { record: roster, commit } = await lockForUpdate(manager, CrisisRoster, 'CrisisRoster', id, version, (record) =>
          assertCanMaintain(record, viewer, ownerOnly),
        );
        if (note !== undefined) roster.note = trimmedOrNull(note);
        if (visibility) roster.visibility = visibility;
        if (maintainerIds !== undefined) roster.maintainerIds = sharedWithOthers(maintainerIds ?? [], roster.ownerId);
        if (sharedWithIds !== undefined) roster.sharedWith = sharedWithOthers(sharedWithIds ?? [], roster.ownerId);
        if (externalId !== undefined) roster.externalId = externalIdColumn(externalId);
        if (entries !== undefined) await replaceEntries(manager, id, entries ?? [], found);
        const saved = await commit();
        await recordChange(manager, viewer, { entityType: 'CrisisRoster', entityId: id, action: ChangeAction.UPDATED, fields: givenFields(input) });
        return saved;
      }),
    );
  }

  @Mutation(() => ID, {
    description:
      'Deletes a crisis roster and its entries (coordinators of the owning organisation only; FORBIDDEN for maintainers) and returns its id. `version` must be the version you read, else VERSION_CONFLICT; a roster you may not see is NOT_FOUND.',
  })
  deleteCrisisRoster(
    @Arg('id', () => ID, { description: 'Id of the roster to delete.' }) id: string,
    @Arg('version', () => Int, { description: 'The version you read; a stale one is refused with VERSION_CONFLICT.' }) version: number,
    @Ctx() { dataSource, viewer }: Context,
  ) {
    assertSignedIn(viewer, 'change crisis rosters');
    return dataSource.transaction(async (manager) => {
      await lockForUpdate(manager, CrisisRoster, 'CrisisRoster', id, version, (record) => assertCanMaintain(record, viewer, ['the roster as a whole (delete)']));
      await recordChange(manager, viewer, { entityType: 'CrisisRoster', entityId: id, action: ChangeAction.DELETED, fields: [] });
      await manager.getRepository(CrisisRosterEntry).delete({ rosterId: id });
      await manager.getRepository(CrisisRoster).delete({ id });
      return id;
    });
  }
}

@Resolver(() => CrisisRosterEntry)
export class CrisisRosterEntryResolver {
  @FieldResolver(() => ContactFunction, answeredBy('actors', 'The contact function to contact; the registry tells its channels, holders and whether it rests on one person.'))
  contactFunction(@Root() entry: CrisisRosterEntry): ContactFunction {
    return { id: entry.contactFunctionId };
  }

  @FieldResolver(() => Actor, answeredBy('actors', 'The organisation behind the contact function.'))
  actor(@Root() entry: CrisisRosterEntry): Actor {
    return { id: entry.actorId };
  }
}

@Resolver(() => Area)
export class AreaCrisisRosterResolver {
  @FieldResolver(() => CrisisRoster, answeredBy('situation', 'The crisis roster of exactly this area, if it has one you may see (by visibility, or as a maintainer); null otherwise.'))
  crisisRoster(@Root() area: Area, @Ctx() { loaders }: Context) {
    return loaders.rosterOfArea.load(area.code);
  }
}

/** Rules on the entries that need no other service: each function once per kind, each backup at a primary's place, no personal identity numbers. */
function checkEntries(entries: CrisisRosterEntryInput[], note: string | null | undefined) {
  const problems: Array<{ field: string; message: string }> = [];
  const seen = new Set<string>();
  const primaries = new Set(entries.filter((e) => (e.role ?? RosterRole.PRIMARY) === RosterRole.PRIMARY).map((e) => `${e.incidentKind}/${e.position}`));
  entries.forEach((entry, index) => {
    const key = `${entry.incidentKind}/${entry.contactFunctionId.toLowerCase()}`;
    if (seen.has(key)) problems.push({ field: `entries.${index}.contactFunctionId`, message: `is listed twice for ${entry.incidentKind}` });
    seen.add(key);
    if (entry.role === RosterRole.BACKUP && !primaries.has(`${entry.incidentKind}/${entry.position}`)) {
      problems.push({ field: `entries.${index}.position`, message: `a backup needs a primary at place ${entry.position} of ${entry.incidentKind}` });
    }
  });
  if (problems.length) throw badInput(`Invalid crisis roster: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}`, problems);
  assertNoPersonalIdentityNumbers([{ field: 'note', text: note }, ...entries.map((e, index) => ({ field: `entries.${index}.task`, text: e.task }))]);
}

/** The area, contact functions and actors live in the actors subgraph: ask it, as the caller, before writing (with each function's actor). */
function checkReferences(
  { areaCode, entries, maintainerIds, sharedWithIds }: { areaCode?: string; entries: CrisisRosterEntryInput[]; maintainerIds: string[]; sharedWithIds?: string[] | null },
  authorization: string | undefined,
) {
  return assertReferencesExist(
    [
      { type: 'Area', keys: [areaCode], field: 'areaCode' },
      { type: 'ContactFunction', keys: entries.map((e) => e.contactFunctionId), field: 'entries.contactFunctionId' },
      { type: 'Actor', keys: maintainerIds, field: 'maintainerIds' },
      { type: 'Actor', keys: sharedWithIds ?? [], field: 'sharedWithIds' },
    ],
    authorization,
    { ContactFunction: 'actor { id }' },
  );
}

async function replaceEntries(manager: EntityManager, rosterId: string, entries: CrisisRosterEntryInput[], found: ReferencedRecords) {
  await manager.getRepository(CrisisRosterEntry).delete({ rosterId });
  if (!entries.length) return;
  await manager.getRepository(CrisisRosterEntry).insert(
    entries.map((entry) => ({
      rosterId,
      incidentKind: entry.incidentKind,
      position: entry.position,
      role: entry.role ?? RosterRole.PRIMARY,
      contactFunctionId: entry.contactFunctionId.toLowerCase(),
      // The organisation as the registry says now: the contact list and the log name it without asking again.
      actorId: (referencedRecord(found, 'ContactFunction', entry.contactFunctionId)!.actor as { id: string }).id,
      task: trimmedOrNull(entry.task),
    })),
  );
}
