import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { answeredBy } from '@samverkan/federation';
import { SubgraphContext } from '@samverkan/platform';
import { ConcernsLoaders } from '../loaders';
import { Area } from '../stubs';
import { InterventionTeam, TeamMember } from './intervention-team';

type Context = SubgraphContext<ConcernsLoaders>;

@Resolver(() => InterventionTeam)
export class InterventionTeamResolver {
  @Query(() => InterventionTeam, { nullable: true, description: 'One intervention team by id; null when there is none or you may not see it.' })
  interventionTeam(@Arg('id', () => ID, { description: 'Id of the team.' }) id: string, @Ctx() { loaders }: Context) {
    return loaders.team.load(id);
  }

  @FieldResolver(() => Area, answeredBy('actors', 'The area the team answers for.'))
  area(@Root() team: InterventionTeam): Area {
    return { code: team.areaCode };
  }

  @FieldResolver(() => [TeamMember], { description: "The team's lines: lead, backups, members, coordinator, each by contact function." })
  members(@Root() team: InterventionTeam, @Ctx() { loaders }: Context) {
    return loaders.teamMembers.load(team.id);
  }
}
