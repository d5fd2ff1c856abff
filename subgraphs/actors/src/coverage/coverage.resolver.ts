import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { AREA_CODE_PATTERN } from '@samverkan/federation';
import { badInput, SubgraphContext } from '@samverkan/platform';
import { Area } from '../areas/area';
import { AGE_GROUPS, AgeGroup, AgeGroupCoverage, Coverage, missing } from './coverage';
import { ActorsLoaders } from '../loaders';
import { ServiceCategory } from '../services/service';

type Context = SubgraphContext<ActorsLoaders>;

const coverageOf = (area: Area): Coverage => ({ areaCode: area.code, area });

@Resolver(() => Coverage)
export class CoverageResolver {
  @Query(() => Coverage, {
    nullable: true,
    description:
      'Coverage gaps of one area (Sweden, a county, a municipality or a district), e.g. "0580" for Linköping; null when there is no such area. ' +
      'For many areas at once ask for `areas(filter: {kinds: [MUNICIPALITY]}) { nodes { coverage { ... } } }`.',
  })
  async coverage(@Arg('areaCode', () => ID, { description: 'Code of the area, e.g. "SE", "01", "0180" or "0180-rinkeby-kista".' }) areaCode: string, @Ctx() { loaders }: Context) {
    if (!AREA_CODE_PATTERN.test(areaCode)) throw badInput('areaCode is not an area code', [{ field: 'areaCode', message: 'not an area code' }]);
    const area = await loaders.area.load(areaCode);
    return area ? coverageOf(area) : null;
  }

  @FieldResolver(() => [ServiceCategory], {
    description:
      'Service categories (all but OTHER) that no actor offers in the area, its sub-areas or a wider area containing it (e.g. nation-wide).',
  })
  async missingCategories(@Root() coverage: Coverage, @Ctx() { loaders }: Context) {
    return missing((await loaders.coverage.offered.load(coverage.areaCode))!.overlapping);
  }

  @FieldResolver(() => [ServiceCategory], {
    description: 'Service categories (all but OTHER) that no actor offers in the area itself or its sub-areas: the local gaps.',
  })
  async missingCategoriesLocally(@Root() coverage: Coverage, @Ctx() { loaders }: Context) {
    return missing((await loaders.coverage.offered.load(coverage.areaCode))!.local);
  }

  @FieldResolver(() => [AgeGroupCoverage], { description: 'Coverage of each age group (0–5, 6–9, 10–12, 13–15, 16–18, 19–25), youngest first.' })
  async ageGroups(@Root() coverage: Coverage, @Ctx() { loaders }: Context): Promise<AgeGroupCoverage[]> {
    const offered = (await loaders.coverage.offered.load(coverage.areaCode))!;
    return AGE_GROUPS.map(({ ageGroup, minAge, maxAge }) => {
      const { local, overlapping } = offered.byAgeGroup.get(ageGroup)!;
      return {
        ageGroup,
        minAge,
        maxAge,
        coveredLocally: local.size > 0,
        covered: overlapping.size > 0,
        missingCategoriesLocally: missing(local),
        missingCategories: missing(overlapping),
      };
    });
  }

  @FieldResolver(() => [AgeGroup], { description: 'The age groups for which no service at all is offered in the area or its sub-areas, youngest first.' })
  async ageGroupsWithoutLocalService(@Root() coverage: Coverage, @Ctx() { loaders }: Context) {
    const offered = (await loaders.coverage.offered.load(coverage.areaCode))!;
    return AGE_GROUPS.filter(({ ageGroup }) => offered.byAgeGroup.get(ageGroup)!.local.size === 0).map((g) => g.ageGroup);
  }

  @FieldResolver(() => [Area], {
    description:
      'Districts in the area (for a municipality: its districts; for a district: itself) where no civil-society organisation or faith ' +
      'community works, by name. Actors registered only for the whole municipality or wider do not count: this is about local presence.',
  })
  districtsWithoutCivilSociety(@Root() coverage: Coverage, @Ctx() { loaders }: Context) {
    return loaders.coverage.districtsWithoutCivilSociety.load(coverage.areaCode);
  }

  @FieldResolver(() => Int, {
    description:
      'How many civil-society organisations and faith communities work in the area or its sub-areas (each counted once). ' +
      'National organisations count only where they have registered local work.',
  })
  async civilSocietyActorCount(@Root() coverage: Coverage, @Ctx() { loaders }: Context) {
    return (await loaders.coverage.civilSocietyActorCount.load(coverage.areaCode))!.count;
  }
}

@Resolver(() => Area)
export class AreaCoverageResolver {
  @FieldResolver(() => Coverage, {
    description: 'Coverage gaps of this area: service categories, age groups and districts without civil society. Batched over a page of areas.',
  })
  coverage(@Root() area: Area): Coverage {
    return coverageOf(area);
  }
}
