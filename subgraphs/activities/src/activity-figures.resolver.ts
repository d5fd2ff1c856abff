import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { answeredBy, AREA_CODE_PATTERN } from '@samverkan/federation';
import { badInput, SubgraphContext } from '@samverkan/platform';
import { ActivityFigures, activityFiguresOf, Figures } from './activity-figures';
import { assertMonth } from './figures-engine';
import { ActivitiesLoaders } from './loaders';

type Context = SubgraphContext<ActivitiesLoaders>;

/** `_entities` may be sent straight to this subgraph: a key is checked before it reaches SQL. */
export function figuresReference({ areaCode, month }: { areaCode: unknown; month: unknown }): Figures {
  if (typeof areaCode !== 'string' || !AREA_CODE_PATTERN.test(areaCode)) {
    throw badInput('areaCode is not an area code', [{ field: 'areaCode', message: 'not an area code' }]);
  }
  if (typeof month !== 'string') throw badInput('month must be a calendar month, YYYY-MM', [{ field: 'month', message: 'not a month' }]);
  assertMonth(month);
  return { areaCode, month };
}

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
