import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { answeredBy, Figures } from '@samverkan/federation';
import { SubgraphContext } from '@samverkan/platform';
import { SituationLoaders } from '../loaders';
import { SituationFigures } from './situation-figures';

type Context = SubgraphContext<SituationLoaders>;

@Resolver(() => Figures)
export class FiguresSituationResolver {
  @FieldResolver(
    () => SituationFigures,
    answeredBy('situation', "The situation picture's figures: reports and their levels in the month, and the areas' latest levels as of its figures day."),
  )
  situation(@Root() figures: Figures, @Ctx() { loaders }: Context) {
    return loaders.situationFigures.load(figures.month).then((month) => month.of(figures.areaCode));
  }
}
