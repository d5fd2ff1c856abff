import { DataSource } from 'typeorm';
import { visibleSql } from '@samverkan/federation';
import { groupLoader, isUuid, recordLoader, Viewer } from '@samverkan/platform';
import { InterventionTeam, TeamMember } from './intervention-team';

/** Per-request loaders of intervention teams: only the teams the viewer may see. */
export function teamLoaders(dataSource: DataSource, viewer: Viewer) {
  const visible = () => dataSource.getRepository(InterventionTeam).createQueryBuilder('t').andWhere(...visibleSql('t', viewer));
  return {
    team: recordLoader<string, InterventionTeam>(async (ids) => {
      const wellFormed = ids.filter(isUuid);
      return wellFormed.length ? visible().andWhere('t.id IN (:...ids)', { ids: wellFormed }).getMany() : [];
    }, (team) => team.id),
    /** The lines of each team: only asked for teams already shown. */
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
