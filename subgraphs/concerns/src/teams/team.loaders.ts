import { DataSource } from 'typeorm';
import { externalIdLoader } from '@samverkan/federation';
import { groupLoader, isUuid, recordLoader, Viewer } from '@samverkan/platform';
import { InterventionTeam, TeamMember } from './intervention-team';
import { teamVisibleSql } from './team-access';

/** Per-request loaders of intervention teams: every one returns only the teams the viewer may see (by visibility, or as a maintainer). */
export function teamLoaders(dataSource: DataSource, viewer: Viewer) {
  const visible = () => dataSource.getRepository(InterventionTeam).createQueryBuilder('t').andWhere(...teamVisibleSql('t', viewer));
  return {
    team: recordLoader<string, InterventionTeam>(async (ids) => {
      const wellFormed = ids.filter(isUuid);
      return wellFormed.length ? visible().andWhere('t.id IN (:...ids)', { ids: wellFormed }).getMany() : [];
    }, (team) => team.id),
    /** The team of exactly each area (there is at most one), if the viewer may see it. */
    teamOfArea: recordLoader<string, InterventionTeam>((codes) => visible().andWhere('t.area_code = ANY(:codes)', { codes }).getMany(), (team) => team.areaCode),
    /** The viewer's organisation's teams by their `externalId`. */
    teamByExternalId: externalIdLoader(dataSource, InterventionTeam, viewer),
    /** The lines of each team: only asked for teams already shown. One statement for all teams of a request. */
    teamMembers: groupLoader<string, TeamMember>(async (teamIds) =>
      (
        await dataSource
          .getRepository(TeamMember)
          .createQueryBuilder('m')
          .where('m.team_id = ANY(:teamIds)', { teamIds })
          .orderBy(`array_position(ARRAY['LEAD', 'BACKUP', 'MEMBER', 'COORDINATOR'], m.role)`)
          .addOrderBy('m.contact_function_id')
          .getMany()
      ).map((member) => [member.teamId, member]),
    ),
  };
}
