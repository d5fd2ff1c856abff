import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { currentMonth, figureBasis, FigureBasis, Figures, figuresKey, MAX_SERIES_MONTHS, monthsUntil } from '@samverkan/federation';
import { badInput, figuresMinimumCount, isSignedIn, notFound, SubgraphContext } from '@samverkan/platform';
import { Area } from '../areas/area';
import { ActorsLoaders } from '../loaders';
import { RegistryFigures } from './registry-figures';

type Context = SubgraphContext<ActorsLoaders>;

const MONTH_ARG = { nullable: true, description: 'The calendar month, "YYYY-MM"; the current month (Swedish time) when left out.' } as const;
const MONTHS_ARG = { defaultValue: MAX_SERIES_MONTHS, description: `How many months, 1–${MAX_SERIES_MONTHS}.` } as const;
const UNTIL_ARG = { nullable: true, description: 'The last month of the series, "YYYY-MM"; the current month when left out.' } as const;

/** The Figures keys of a series: `months` months up to `until`, oldest first. */
function seriesKeys(areaCode: string, months: number, until: string | null | undefined): Figures[] {
  if (!Number.isInteger(months) || months < 1 || months > MAX_SERIES_MONTHS) {
    throw badInput(`months must be between 1 and ${MAX_SERIES_MONTHS}`, [{ field: 'months', message: `must be 1–${MAX_SERIES_MONTHS}` }]);
  }
  const last = figuresKey(areaCode, until ?? currentMonth()).month;
  return monthsUntil(last, months).map((month) => ({ areaCode, month }));
}

/** The area a root field is asked about: refused when it does not exist. */
async function knownArea(areaCode: string, { loaders }: Context): Promise<Area> {
  figuresKey(areaCode, currentMonth());
  const area = await loaders.area.load(areaCode);
  if (!area) throw notFound('Area', areaCode);
  return area;
}

@Resolver(() => Figures)
export class FiguresResolver {
  @Query(() => Figures, {
    description:
      'Figures of one area, sub-areas included, for one month: the federation\'s counts and distributions, one field per subgraph. For a county table ask for `area(code: "SE") { children { figures { ... } } }`.',
  })
  async figures(
    @Arg('areaCode', () => ID, { description: 'Code of the area, e.g. "SE", "01", "0180" or "0180-rinkeby-kista".' }) areaCode: string,
    @Arg('month', () => String, MONTH_ARG) month: string | null | undefined,
    @Ctx() context: Context,
  ): Promise<Figures> {
    await knownArea(areaCode, context);
    return figuresKey(areaCode, month ?? currentMonth());
  }

  @Query(() => [Figures], { description: 'Monthly figures of one area, sub-areas included, oldest month first: the dashboard\'s trends.' })
  async figureSeries(
    @Arg('areaCode', () => ID, { description: 'Code of the area.' }) areaCode: string,
    @Arg('months', () => Int, MONTHS_ARG) months: number,
    @Arg('until', () => String, UNTIL_ARG) until: string | null | undefined,
    @Ctx() context: Context,
  ): Promise<Figures[]> {
    const keys = seriesKeys(areaCode, months, until);
    await knownArea(areaCode, context);
    return keys;
  }

  @FieldResolver(() => Area, { nullable: true, description: 'The area these are the figures of; null when there is no such area.' })
  area(@Root() figures: Figures, @Ctx() { loaders }: Context) {
    return loaders.area.load(figures.areaCode);
  }

  @FieldResolver(() => FigureBasis, { description: 'Which records these figures count: it depends on whether you are signed in.' })
  basis(@Ctx() { viewer }: Context) {
    return figureBasis(viewer);
  }

  @FieldResolver(() => Int, {
    description: 'The smallest count shown when all records are counted (basis ALL_RECORDS): smaller ones, zero included, are suppressed, and some others with them.',
  })
  minimumCount() {
    return figuresMinimumCount();
  }

  @FieldResolver(() => RegistryFigures, { description: "The actors registry's figures: actors, services, contact functions." })
  async registry(@Root() figures: Figures, @Ctx() { loaders, viewer }: Context) {
    return (await loaders.registryFigures.load(figures.month)).of(figures.areaCode, isSignedIn(viewer));
  }
}

@Resolver(() => Area)
export class AreaFiguresResolver {
  @FieldResolver(() => Figures, { description: "The area's figures for one month (see `figures`)." })
  figures(@Root() area: Area, @Arg('month', () => String, MONTH_ARG) month: string | null | undefined): Figures {
    return figuresKey(area.code, month ?? currentMonth());
  }

  @FieldResolver(() => [Figures], { description: "The area's monthly figures, oldest month first (see `figureSeries`)." })
  figureSeries(
    @Root() area: Area,
    @Arg('months', () => Int, MONTHS_ARG) months: number,
    @Arg('until', () => String, UNTIL_ARG) until: string | null | undefined,
  ): Figures[] {
    return seriesKeys(area.code, months, until);
  }
}
