import { randomUUID } from 'node:crypto';
import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import { EntityManager } from 'typeorm';
import { ChangeAction, givenFields, localAreaCode, pointColumns, recordChange } from '@samverkan/federation';
import { assertNotCleared, assertSignedIn, badInput, IDEMPOTENCY_KEY_DESCRIPTION, idempotentCreate, SubgraphContext, Viewer } from '@samverkan/platform';
import { Area, AreaKind } from './area';
import { CreateAreaInput, UpdateAreaInput } from './area.inputs';
import { assertAreasExist, replaceAreaLinks } from './area-links';
import {
  assertAreaCodeFree,
  assertMayManageAreasOf,
  checkedAreaName,
  checkedMembers,
  cleanAliases,
  lockArea,
  municipalityOf,
  registryUsesOf,
  withAreaCode,
} from './area-management';
import { ActorsLoaders } from '../loaders';

type Context = SubgraphContext<ActorsLoaders>;

const WHO =
  'Administrators, for any municipality; coordinators of a municipality (an actor of kind MUNICIPALITY), for the municipality their areas lie in. Others get FORBIDDEN, the public UNAUTHENTICATED.';

const record = (manager: EntityManager, viewer: Viewer, area: Area, action: ChangeAction, fields: string[]) =>
  recordChange(manager, viewer, { entityType: 'Area', entityId: area.id, action, fields });

@Resolver()
export class AreaManagementResolver {
  @Mutation(() => Area, {
    description: `Creates a district or a named area of a municipality. Its code is made from the name and never changes; a name that gives a code already taken (also by an archived area) or that another area of the municipality has is BAD_USER_INPUT. ${WHO}`,
  })
  createArea(
    @Arg('input', () => CreateAreaInput, { description: 'The new area.' }) input: CreateAreaInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey: string | undefined,
    @Ctx() { dataSource, viewer, clock, loaders }: Context,
  ) {
    assertSignedIn(viewer, 'manage areas');
    const code = localAreaCode(input.municipalityCode, input.name);
    if (!code) throw badInput('name needs letters or digits to make the area code from', [{ field: 'name', message: 'no letters or digits' }]);
    const request = { operation: 'createArea', key: idempotencyKey, input };
    return withAreaCode(dataSource, code, () =>
      idempotentCreate({ dataSource, viewer, clock }, request, async (manager) => {
        const { municipalityCode, kind } = input;
        await assertMayManageAreasOf(manager, viewer, municipalityCode);
        await assertAreasExist(manager, [municipalityCode], 'municipalityCode', [AreaKind.MUNICIPALITY]);
        await assertAreaCodeFree(manager, code);
        const name = await checkedAreaName(manager, municipalityCode, input.name);
        const members = await checkedMembers(manager, kind as string as AreaKind, municipalityCode, input.memberCodes);
        await manager.insert(Area, {
          code,
          id: randomUUID(),
          name,
          kind: kind as string as AreaKind,
          parentCode: municipalityCode,
          aliases: cleanAliases(input.aliases),
          ...pointColumns(input.point ?? null),
        });
        if (members.length) await replaceAreaLinks(manager, 'namedArea', code, members);
        const area = await manager.findOneByOrFail(Area, { code });
        await record(manager, viewer, area, ChangeAction.CREATED, givenFields(input));
        return area;
      }, (id) => loaders.areaById.load(id), 'Area'),
    );
  }

  @Mutation(() => Area, {
    description: `Changes a district or named area: name (the code stays), aliases, member districts, point. \`version\` must be the version you read, else VERSION_CONFLICT and nothing is written. ${WHO}`,
  })
  updateArea(
    @Arg('code', () => ID, { description: 'Code of the area.' }) code: string,
    @Arg('version', () => Int, { description: 'The version you read; a stale version is refused.' }) version: number,
    @Arg('input', () => UpdateAreaInput, { description: 'The changes.' }) input: UpdateAreaInput,
    @Ctx() { dataSource, viewer }: Context,
  ) {
    return dataSource.transaction(async (manager) => {
      const { record: area, commit } = await lockArea(manager, code, version, viewer);
      assertNotCleared({ name: input.name, ...(area.kind === AreaKind.NAMED_AREA ? { memberCodes: input.memberCodes } : {}) });
      if (input.name) area.name = await checkedAreaName(manager, municipalityOf(area), input.name, code);
      if (input.aliases !== undefined) area.aliases = cleanAliases(input.aliases);
      if (input.point !== undefined) Object.assign(area, pointColumns(input.point));
      if (input.memberCodes !== undefined) {
        await replaceAreaLinks(manager, 'namedArea', code, await checkedMembers(manager, area.kind, municipalityOf(area), input.memberCodes));
      }
      const saved = await commit();
      await record(manager, viewer, saved, ChangeAction.UPDATED, givenFields(input));
      return saved;
    });
  }

  @Mutation(() => Area, {
    description: `Archives a district or named area nothing in the registry uses any longer (no actor, service, venue or contact function of an active actor, no named area spanning it; else BAD_USER_INPUT saying what does). It stays resolvable by its code, so records of other services that name it still show it; it is left out of area lists and cannot be given to new records here, and its code is never reused. ${WHO}`,
  })
  archiveArea(
    @Arg('code', () => ID, { description: 'Code of the area.' }) code: string,
    @Arg('version', () => Int, { description: 'The version you read; a stale version is refused.' }) version: number,
    @Ctx() { dataSource, viewer }: Context,
  ) {
    return dataSource.transaction(async (manager) => {
      const { record: area, commit } = await lockArea(manager, code, version, viewer);
      if (area.archivedAt) throw badInput(`Area ${code} is archived already`, [{ field: 'code', message: 'archived already' }]);
      const uses = await registryUsesOf(manager, code);
      if (uses.length) {
        throw badInput(`Area ${code} is still used in the registry (${uses.join(', ')}): move those records to another area first`, [
          { field: 'code', message: `still used: ${uses.join(', ')}` },
        ]);
      }
      area.archivedAt = new Date();
      const saved = await commit();
      await record(manager, viewer, saved, ChangeAction.UPDATED, ['archivedAt']);
      return saved;
    });
  }

  @Mutation(() => Area, { description: `Restores an archived district or named area: listed again and given to new records. ${WHO}` })
  restoreArea(
    @Arg('code', () => ID, { description: 'Code of the area.' }) code: string,
    @Arg('version', () => Int, { description: 'The version you read; a stale version is refused.' }) version: number,
    @Ctx() { dataSource, viewer }: Context,
  ) {
    return dataSource.transaction(async (manager) => {
      const { record: area, commit } = await lockArea(manager, code, version, viewer);
      if (!area.archivedAt) throw badInput(`Area ${code} is not archived`, [{ field: 'code', message: 'not archived' }]);
      area.archivedAt = null;
      const saved = await commit();
      await record(manager, viewer, saved, ChangeAction.UPDATED, ['archivedAt']);
      return saved;
    });
  }
}
