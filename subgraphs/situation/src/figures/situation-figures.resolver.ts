import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { answeredBy, AREA_CODE_PATTERN } from '@samverkan/federation';
import { badInput, SubgraphContext } from '@samverkan/platform';
import { SituationLoaders } from '../loaders';
import { assertMonth } from './engine';
import { Figures, SituationFigures } from './situation-figures';

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

/** A Figures entity the gateway asks for: its key checked (a bad month or area code is BAD_USER_INPUT), nothing loaded yet. */
export function figuresReference({ areaCode, month }: { areaCode: string; month: string }): Figures {
  assertMonth(month);
  if (!AREA_CODE_PATTERN.test(areaCode)) throw badInput(`${areaCode} is not an area code`, [{ field: 'areaCode', message: 'is not an area code' }]);
  return { areaCode, month };
}
