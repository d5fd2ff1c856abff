import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { ActorRecordsArgs, answeredBy } from '@samverkan/federation';
import { AreaReportsArgs } from './situation-report.inputs';
import { SubgraphContext } from '@samverkan/platform';
import { SituationLoaders } from '../loaders';
import { SituationReport } from './situation-report';
import { Actor, Area } from '../stubs';

type Context = SubgraphContext<SituationLoaders>;

@Resolver(() => Area)
export class AreaSituationResolver {
  @FieldResolver(
    () => SituationReport,
    answeredBy(
      'situation',
      'The current situation picture of exactly this area (not its sub-areas), as far as you may see it: of the reports you may see, the one with the latest period end, the most recently created one on a tie; null when there is none. Parties who may see other reports can get another one; the picture across the reports of every party, the same for every signed-in party, is in `figures { situation { latestByLevel trend } }`.',
    ),
  )
  latestSituationReport(@Root() area: Area, @Ctx() { loaders }: Context) {
    return loaders.latestReportOfArea.load(area.code);
  }

  @FieldResolver(
    () => [SituationReport],
    answeredBy(
      'situation',
      'Situation reports about this area that you may see, newest period first (by `periodEnd`, then by id): the first `first` of them. The root `situationReports` list with `areaCode` pages through all.',
    ),
  )
  situationReports(@Root() area: Area, @Args(() => AreaReportsArgs) args: AreaReportsArgs, @Ctx() { loaders }: Context) {
    return loaders.reportsInArea(args).load(area.code);
  }
}

@Resolver(() => Actor)
export class ActorSituationResolver {
  @FieldResolver(
    () => [SituationReport],
    answeredBy(
      'situation',
      'Situation reports this actor wrote that you may see, about `areaCode` when given, newest period first (by `periodEnd`, then by id): the first `first` of them. The root `situationReports` list with `reportedById` pages through all.',
    ),
  )
  situationReports(@Root() actor: Actor, @Args(() => ActorRecordsArgs) args: ActorRecordsArgs, @Ctx() { loaders }: Context) {
    return loaders.reportsByActor(args).load(actor.id);
  }
}
