import { ObjectLiteral } from 'typeorm';
import { canSee, forbidden, isOwnerMember, isWriter, visibleSql } from '@samverkan/federation';
import { assertSignedIn, isSignedIn, notFound, Viewer } from '@samverkan/platform';
import { CrisisRoster } from './crisis-roster';

/**
 * Who sees and changes a crisis roster: whoever its visibility admits, and its maintainers, who keep
 * it together with the owner (the area's coordinators) and so must always see it.
 */
export const isMaintainer = (roster: Pick<CrisisRoster, 'maintainerIds'>, viewer: Viewer) =>
  isSignedIn(viewer) && roster.maintainerIds.includes(viewer.organisationId);

export const canSeeRoster = (roster: CrisisRoster, viewer: Viewer) => canSee(roster, viewer) || isMaintainer(roster, viewer);

/** `canSeeRoster` as an SQL condition over the roster columns of `alias`. */
export function rosterVisibleSql(alias: string, viewer: Viewer): [string, ObjectLiteral] {
  const [visible, parameters] = visibleSql(alias, viewer);
  if (!isSignedIn(viewer)) return [visible, parameters];
  return [`(${visible} OR :viewerOrganisation = ANY(${alias}.maintainer_ids))`, parameters];
}

/**
 * Coordinators of the owner or of a maintainer change a roster; the settings of who keeps and sees
 * it (`ownerOnly`) are the owner's. A roster the viewer may not see is NOT_FOUND.
 */
export function assertCanMaintain(roster: CrisisRoster, viewer: Viewer, ownerOnly: string[] = []): void {
  if (!canSeeRoster(roster, viewer)) throw notFound('CrisisRoster', roster.id);
  assertSignedIn(viewer, 'change crisis rosters');
  const owner = isOwnerMember(roster, viewer);
  if (!isWriter(viewer) || !(owner || isMaintainer(roster, viewer))) {
    throw forbidden("Only coordinators of the organisation that owns this crisis roster, or of one of its maintainers, may change it");
  }
  if (!owner && ownerOnly.length) {
    throw forbidden(`Only coordinators of the organisation that owns this crisis roster may change ${ownerOnly.join(', ')}`);
  }
}
