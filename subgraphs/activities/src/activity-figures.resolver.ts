import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { answeredBy, Figures } from '@samverkan/federation';
import { SubgraphContext } from '@samverkan/platform';
import { ActivityFigures, activityFiguresOf } from './activity-figures';
import { ActivitiesLoaders } from './loaders';

type Context = SubgraphContext<ActivitiesLoaders>;

@Resolver(() => Figures)
export class FiguresActivitiesResolver {
  @FieldResolver(
    () => ActivityFigures,
    answeredBy('activities', 'Activities taking place in the area (sub-areas included) in the month: in total, by kind, by target group and by police purpose.'),
  )
  async activities(@Root() figures: Figures, @Ctx() { loaders }: Context): Promise<ActivityFigures> {
    return activityFiguresOf(await loaders.activityFigures.load(figures.month), figures.areaCode);
  }
}
