import { Args, ArgsType, Ctx, Field, FieldResolver, Resolver, Root } from 'type-graphql';
import { DataSource } from 'typeorm';
import { AreaScope } from '@samverkan/federation';
import { byArguments, NestedListArgs, SubgraphContext } from '@samverkan/platform';
import { Area } from '../areas/area';
import { AreaListArgs, registryAreaListLoader } from '../areas/area-lists';
import { activeActorRecordsByName, actorNotArchivedSql } from '../registry/archiving';
import { ContactFunction } from './contact-function';
import type { ActorsLoaders } from '../loaders';

/**
 * Which contact functions a crisis roster of an area could list (issue 13): every function of an
 * actor offering crisis support (a CRISIS_SUPPORT service) in the area, and the function to ask for
 * premises suitable for crisis support there (or, when a venue names none, its actor's functions).
 * Pairs of (function id, area code) for `registryAreaListLoader`.
 */
const SUGGESTED_FUNCTIONS = `(
  SELECT f.id AS function_id, sa.area_code FROM services s
    JOIN service_areas sa ON sa.service_id = s.id
    JOIN contact_functions f ON f.actor_id = s.actor_id
   WHERE s.category = 'CRISIS_SUPPORT'
  UNION
  SELECT f.id, v.area_code FROM venues v
    JOIN contact_functions f ON f.id = v.contact_function_id OR (v.contact_function_id IS NULL AND f.actor_id = v.actor_id)
   WHERE 'CRISIS_SUPPORT' = ANY(v.suitable_for))`;

@ArgsType()
export class CrisisRosterSuggestionArgs extends NestedListArgs {
  @Field(() => AreaScope, {
    defaultValue: AreaScope.OVERLAPPING,
    description: 'Also services and premises of wider areas containing this one, e.g. a municipality\'s POSOM group for a district (OVERLAPPING, the default), or only of this area and its sub-areas (WITHIN).',
  })
  scope: AreaScope = AreaScope.OVERLAPPING;
}

/** The first suggested functions of each area, by name, by the arguments of `Area.crisisRosterSuggestions`. */
export const crisisRosterSuggestionsLoader = (dataSource: DataSource) =>
  byArguments((args: CrisisRosterSuggestionArgs) =>
    registryAreaListLoader(
      dataSource,
      { table: 'contact_functions', areaTable: SUGGESTED_FUNCTIONS, idColumn: 'function_id', where: [actorNotArchivedSql('r.actor_id')] },
      activeActorRecordsByName(dataSource, ContactFunction),
      args as AreaListArgs,
    ),
  );

@Resolver(() => Area)
export class AreaCrisisRosterSuggestionsResolver {
  @FieldResolver(() => [ContactFunction], {
    description:
      'Contact functions to consider for this area\'s crisis roster, by name (then by id): those of actors offering crisis support (CRISIS_SUPPORT services, e.g. POSOM) in the area, and those to ask for premises suitable for crisis support there; archived actors\' left out. The first `first` of them.',
  })
  crisisRosterSuggestions(
    @Root() area: Area,
    @Args(() => CrisisRosterSuggestionArgs) args: CrisisRosterSuggestionArgs,
    @Ctx() { loaders }: SubgraphContext<ActorsLoaders>,
  ) {
    return loaders.crisisRosterSuggestions(args).load(area.code);
  }
}
