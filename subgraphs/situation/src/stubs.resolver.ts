import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { answeredBy, AreaScope } from '@samverkan/federation';
import { SubgraphContext } from '@samverkan/platform';
import { SituationLoaders } from './loaders';
import { SituationReport } from './situation-report';
import { Actor, Area } from './stubs';

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

  @FieldResolver(() => [SituationReport], answeredBy('situation', 'Situation reports about this area that you may see, newest period first (by `periodEnd`).'))
  situationReports(
    @Root() area: Area,
    @Arg('scope', () => AreaScope, {
      defaultValue: AreaScope.WITHIN,
      description: 'Include reports about sub-areas (WITHIN) or also about wider areas containing this one (OVERLAPPING).',
    })
    scope: AreaScope,
    @Ctx() { loaders }: Context,
  ) {
    return loaders.reportsInArea[scope].load(area.code);
  }
}

@Resolver(() => Actor)
export class ActorSituationResolver {
  @FieldResolver(() => [SituationReport], answeredBy('situation', 'Situation reports this actor wrote that you may see, newest period first (by `periodEnd`).'))
  situationReports(@Root() actor: Actor, @Ctx() { loaders }: Context) {
    return loaders.reportsByActor.load(actor.id);
  }
}
