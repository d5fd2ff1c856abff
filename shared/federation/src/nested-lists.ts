import { ArgsType, Field, ID } from 'type-graphql';
import { Matches } from 'class-validator';
import { ObjectLiteral } from 'typeorm';
import { NestedListArgs } from '@samverkan/platform';
import { AREA_CODE_PATTERN, AreaScope, namedAreaFilter } from './areas';

/**
 * The arguments of an actor's nested lists in other subgraphs (`Actor.activities`,
 * `Actor.agreements`, `Actor.situationReports`): a bound, and the area of the query, so that an area
 * overview (`area(code) { actors { activities(areaCode: …) } }`) shows each actor's records in that
 * area rather than the whole country's.
 */
@ArgsType()
export class ActorRecordsArgs extends NestedListArgs {
  @Field(() => ID, {
    nullable: true,
    description: "Only the actor's records in this area (matched as `areaScope` says); in an area overview, pass the overview's area code. All areas when left out.",
  })
  @Matches(AREA_CODE_PATTERN, { message: 'areaCode is not an area code' })
  areaCode?: string | null;

  @Field(() => AreaScope, {
    defaultValue: AreaScope.WITHIN,
    description: 'With `areaCode`: records in the area or its sub-areas (WITHIN), or also records for a wider area containing it, e.g. national ones (OVERLAPPING).',
  })
  areaScope: AreaScope = AreaScope.WITHIN;
}

/**
 * SQL condition and parameters: the area in `column` matches `args.areaCode` (by `args.areaScope`);
 * none when no area is given. For a list's `where` (e.g. `NestedListQuery`).
 */
export function areaConditionSql(column: string, { areaCode, areaScope }: Pick<ActorRecordsArgs, 'areaCode' | 'areaScope'>): Array<[string, ObjectLiteral]> {
  return areaCode ? [namedAreaFilter(column, areaCode, areaScope ?? AreaScope.WITHIN)] : [];
}
