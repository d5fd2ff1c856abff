import { assertCanMaintain, canSeeMaintained, maintainedVisibleSql } from '@samverkan/federation';
import { Viewer } from '@samverkan/platform';
import { InterventionTeam } from './intervention-team';

/**
 * Who sees and changes an intervention team: the rule of every maintained record (as crisis
 * rosters): whoever its visibility admits and its maintainers see it; coordinators of the owner or
 * of a maintainer change it; who keeps and sees it (`ownerOnly`) is the owner's.
 */
export const canSeeTeam = (team: InterventionTeam, viewer: Viewer) => canSeeMaintained(team, viewer);

export const teamVisibleSql = maintainedVisibleSql;

export const assertCanMaintainTeam = (team: InterventionTeam, viewer: Viewer, ownerOnly: string[] = []) =>
  assertCanMaintain(team, viewer, { typeName: 'InterventionTeam', noun: 'intervention team' }, ownerOnly);
