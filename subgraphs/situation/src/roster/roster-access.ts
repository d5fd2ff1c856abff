import { assertCanMaintain as assertCanMaintainRecord, isMaintainer, maintainedVisibleSql } from '@samverkan/federation';
import { Viewer } from '@samverkan/platform';
import { CrisisRoster } from './crisis-roster';

/**
 * Who sees and changes a crisis roster: the shared rule for maintained records (`maintainers.ts` in
 * @samverkan/federation): whoever its visibility admits, and its maintainers, who keep it together
 * with the owner (the area's coordinators) and so must always see it.
 */
export { isMaintainer };

/** Whether the viewer sees a roster, as an SQL condition over the roster columns of `alias`. */
export const rosterVisibleSql = maintainedVisibleSql;

/** Coordinators of the owner or of a maintainer change a roster; `ownerOnly` settings are the owner's. */
export const assertCanMaintain = (roster: CrisisRoster, viewer: Viewer, ownerOnly: string[] = []) =>
  assertCanMaintainRecord(roster, viewer, { typeName: 'CrisisRoster', noun: 'crisis roster' }, ownerOnly);
