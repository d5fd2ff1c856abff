import { EntityManager, EntityTarget, ObjectLiteral, QueryFailedError } from 'typeorm';
import { assertSignedIn, badInput, isSignedIn, notFound, Viewer } from '@samverkan/platform';
import { isWriter } from './roles';
import { canSee, forbidden, isOwnerMember, Owned, visibleSql } from './visibility';

/**
 * Records kept by their owner together with named maintainer organisations (crisis rosters,
 * intervention teams): whoever the owner's visibility admits sees them, and so do the maintainers,
 * who keep them and so must always see them. One rule for every such record.
 */
export interface Maintained extends Owned {
  id: string;
  maintainerIds: string[];
}

export const isMaintainer = (record: Pick<Maintained, 'maintainerIds'>, viewer: Viewer) =>
  isSignedIn(viewer) && record.maintainerIds.includes(viewer.organisationId);

/** Whether the viewer may see a maintained record: by its visibility, or as a maintainer. */
export const canSeeMaintained = (record: Maintained, viewer: Viewer) => canSee(record, viewer) || isMaintainer(record, viewer);

/** `canSeeMaintained` as an SQL condition over the record columns of `alias` (with `maintainer_ids`). */
export function maintainedVisibleSql(alias: string, viewer: Viewer): [string, ObjectLiteral] {
  const [visible, parameters] = visibleSql(alias, viewer);
  if (!isSignedIn(viewer)) return [visible, parameters];
  return [`(${visible} OR :viewerOrganisation = ANY(${alias}.maintainer_ids))`, parameters];
}

/**
 * Coordinators of the owner or of a maintainer change a maintained record; the settings of who
 * keeps and sees it (`ownerOnly`) are the owner's. A record the viewer may not see is NOT_FOUND.
 * `typeName` names it in NOT_FOUND, `noun` (e.g. "crisis roster") in the other refusals.
 */
export function assertCanMaintain(
  record: Maintained,
  viewer: Viewer,
  { typeName, noun }: { typeName: string; noun: string },
  ownerOnly: string[] = [],
): void {
  if (!canSeeMaintained(record, viewer)) throw notFound(typeName, record.id);
  assertSignedIn(viewer, `change ${noun}s`);
  const owner = isOwnerMember(record, viewer);
  if (!isWriter(viewer) || !(owner || isMaintainer(record, viewer))) {
    throw forbidden(`Only coordinators of the organisation that owns this ${noun}, or of one of its maintainers, may change it`);
  }
  if (!owner && ownerOnly.length) {
    throw forbidden(`Only coordinators of the organisation that owns this ${noun} may change ${ownerOnly.join(', ')}`);
  }
}

/**
 * A maintained record an area has at most one of (a crisis roster, an intervention team), by a
 * unique index on its `area_code` (`constraint`). A second is refused, naming the first if the viewer
 * may see it; of two creators racing for one area, the index refuses the second, which gets the same
 * answer as if it had come later.
 */
export function onePerArea<T extends Maintained & { areaCode: string }>(entity: EntityTarget<T>, { noun, constraint }: { noun: string; constraint: string }) {
  const exists = (areaCode: string, existing: T | null, viewer: Viewer) => {
    const which = existing && canSeeMaintained(existing, viewer) ? `: ${noun} ${existing.id}; change it instead` : ' (one you may not see: ask its owner to share it or name your organisation a maintainer)';
    return badInput(`Area ${areaCode} has ${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun} already${which}. Nothing was written.`, [{ field: 'areaCode', message: `has ${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun} already` }]);
  };
  const existing = (manager: EntityManager, areaCode: string) => manager.getRepository(entity).findOneBy({ areaCode } as never);
  return {
    /** Inside the create's transaction: refuses when the area has one already. */
    async assertNoneYet(manager: EntityManager, viewer: Viewer, areaCode: string): Promise<void> {
      const found = await existing(manager, areaCode);
      if (found) throw exists(areaCode, found, viewer);
    },
    /** Around the create: the loser of a race gets the same refusal. */
    async guardRace<R>(manager: EntityManager, viewer: Viewer, areaCode: string, write: () => Promise<R>): Promise<R> {
      try {
        return await write();
      } catch (error) {
        const { code, constraint: violated } = (error instanceof QueryFailedError ? error.driverError : {}) as { code?: string; constraint?: string };
        if (code !== '23505' || violated !== constraint) throw error;
        throw exists(areaCode, await existing(manager, areaCode), viewer);
      }
    },
  };
}

