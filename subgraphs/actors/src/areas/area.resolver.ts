import { Arg, Args, Ctx, FieldResolver, Field, ID, InputType, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Matches, MaxLength } from 'class-validator';
import { AREA_CODE_PATTERN, AreaScope, ChangeLogEntry } from '@samverkan/federation';
import { Connection, containsPattern, NestedListArgs, PageArgs, paginate, SubgraphContext } from '@samverkan/platform';
import { Actor } from '../registry/actor';
import { Area, AreaKind } from './area';
import { ActorsLoaders } from '../loaders';
import { AreaListArgs } from './area-lists';
import { namedRegistryAreaFilter } from './named-areas';
import { municipalityOf } from './area-management';

type Context = SubgraphContext<ActorsLoaders>;

@ObjectType({ description: 'A page of areas.' })
export class AreaConnection extends Connection(Area) {}

@InputType({ description: 'Which areas to list; all conditions must hold.' })
export class AreaFilter {
  @Field(() => [AreaKind], { nullable: true, description: 'Only areas of these levels.' })
  kinds?: AreaKind[];

  @Field(() => ID, { nullable: true, description: 'Only areas within this one (its sub-areas, at any depth; for a named area, the districts it spans).' })
  @Matches(AREA_CODE_PATTERN, { message: 'withinCode is not an area code' })
  withinCode?: string;

  @Field({ nullable: true, description: 'Only areas whose name or one of whose aliases contains this text (case-insensitive).' })
  @MaxLength(200)
  text?: string;

  @Field({ defaultValue: false, description: 'Also list archived areas (left out by default).' })
  includeArchived: boolean = false;
}

@Resolver(() => Area)
export class AreaResolver {
  @Query(() => Area, { nullable: true, description: 'One area by code, e.g. "0180" (Stockholm) or "0180-rinkeby-kista"; null when there is none.' })
  area(@Arg('code', () => ID) code: string, @Ctx() { loaders }: Context) {
    return loaders.area.load(code);
  }

  @Query(() => AreaConnection, { description: 'Areas matching a filter, ordered by code, a page at a time.' })
  areas(
    @Arg('filter', () => AreaFilter, { nullable: true }) filter: AreaFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() { dataSource }: Context,
  ) {
    const query = dataSource.getRepository(Area).createQueryBuilder('area');
    if (!filter?.includeArchived) query.andWhere('area.archived_at IS NULL');
    if (filter?.kinds?.length) query.andWhere('area.kind IN (:...kinds)', { kinds: filter.kinds });
    if (filter?.withinCode) {
      const [within, parameters] = namedRegistryAreaFilter('area.code', filter.withinCode, AreaScope.WITHIN, 'withinCode');
      query.andWhere(`area.code <> :withinCode AND ${within}`, { ...parameters, withinCode: filter.withinCode });
    }
    if (filter?.text) {
      query.andWhere('(area.name ILIKE :text OR EXISTS (SELECT 1 FROM unnest(area.aliases) AS alias WHERE alias ILIKE :text))', {
        text: containsPattern(filter.text),
      });
    }
    return paginate(query, page, { column: 'area.code', property: 'code', direction: 'ASC', unique: true });
  }

  @FieldResolver(() => Area, { nullable: true, description: 'The area this one lies in; null for Sweden.' })
  parent(@Root() area: Area, @Ctx() { loaders }: Context) {
    return area.parentCode ? loaders.area.load(area.parentCode) : null;
  }

  @FieldResolver(() => [Area], {
    description:
      'The areas directly below this one (the counties of Sweden, the municipalities of a county, the districts and named areas of a municipality), by name (then by code), archived ones left out: the first `first` of them. The root `areas` list with `withinCode` pages through all.',
  })
  children(@Root() area: Area, @Args(() => NestedListArgs) args: NestedListArgs, @Ctx() { loaders }: Context) {
    return loaders.areaChildren(args).load(area.code);
  }

  @FieldResolver(() => [Area], { description: 'For a named area, the districts it spans, by name; empty for other areas.' })
  members(@Root() area: Area, @Ctx() { loaders }: Context) {
    return area.kind === AreaKind.NAMED_AREA ? loaders.areaMembers.load(area.code) : [];
  }

  @FieldResolver(() => [ChangeLogEntry], {
    nullable: true,
    description: 'Who created and changed this district or named area, and when, oldest first. Only for those who may manage it (see `createArea`); null for others.',
  })
  async changeLog(@Root() area: Area, @Ctx() { loaders }: Context) {
    return (await loaders.mayManageAreasOf.load(municipalityOf(area))) ? loaders.changeLog.load(area.id) : null;
  }

  @FieldResolver(() => [Actor], {
    description:
      'Actors working in this area (archived ones left out): local actors first (working in the area or its sub-areas), by name (then by id); with OVERLAPPING, then the county-, nation-wide and other wider actors, by name. The first `first` of them: OVERLAPPING never brings in the whole national registry. The root `actors` list with `areaCode` pages through all.',
  })
  actors(@Root() area: Area, @Args(() => AreaListArgs) args: AreaListArgs, @Ctx() { loaders }: Context) {
    return loaders.actorsInArea(args).load(area.code);
  }
}
