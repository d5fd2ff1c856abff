import { ArrayMaxSize, IsUUID, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { AREA_CODE_PATTERN, AreaScope, MAX_AGE, NearInput, TargetGroup } from '@samverkan/federation';
import { ServiceCategory } from '../services/service';
import { INCLUDE_ARCHIVED } from '../registry/archiving';

/** Conditions on what is offered, shared by the actor and the service searches. */
@InputType()
export abstract class OfferConditions {
  @Field(() => [ServiceCategory], {
    nullable: true,
    description: 'Only services of one of these categories (for actors: actors offering such a service).',
  })
  @ArrayMaxSize(20)
  categories?: ServiceCategory[];

  @Field(() => [TargetGroup], {
    nullable: true,
    description: 'Only services for at least one of these target groups (for actors: actors offering such a service).',
  })
  @ArrayMaxSize(20)
  targetGroups?: TargetGroup[];

  @Field(() => Int, {
    nullable: true,
    description:
      'Only services whose age range includes this age (an open end counts as unbounded; services without an age range do not match). For actors: actors offering such a service.',
  })
  @Min(0)
  @Max(MAX_AGE)
  age?: number;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Only actors that say they can (true) or cannot (false) receive children and young people at risk, or services of such actors. Signed-in callers only: this is network information.',
  })
  receivesYoungPeopleAtRisk?: boolean;

  @Field(() => NearInput, {
    nullable: true,
    description:
      "Only records with an area whose representative point lies within this circle (great-circle distance). Areas without a point (e.g. Sweden as a whole) never match.",
  })
  @ValidateNested()
  near?: NearInput;
}

@InputType({ description: 'Which services to list; all conditions must hold.' })
export class ServiceFilter extends OfferConditions {
  @Field(() => ID, { nullable: true, description: 'Only services offered in this area (see `areaScope`).' })
  @Matches(AREA_CODE_PATTERN, { message: 'areaCode is not an area code' })
  areaCode?: string;

  @Field(() => AreaScope, { defaultValue: AreaScope.WITHIN, description: 'How `areaCode` matches.' })
  areaScope: AreaScope = AreaScope.WITHIN;

  @Field({
    nullable: true,
    description:
      'Free text in Swedish, matched against the name and description with full-text search: inflected forms match ("läxhjälpen" finds "läxhjälp"), and a word also finds compounds it begins ("fotboll" finds "fotbollsturnering"). Supports "quoted phrases", OR and -exclusion.',
  })
  @MaxLength(200)
  text?: string;

  @Field(() => ID, { nullable: true, description: 'Only services of this actor.' })
  @IsUUID('all', { message: 'actorId is not an actor id' })
  actorId?: string;

  @Field(INCLUDE_ARCHIVED)
  includeArchived: boolean = false;
}

/** How actor search results are ordered. */
export enum ActorOrder {
  NAME = 'NAME',
  RELEVANCE = 'RELEVANCE',
  DISTANCE = 'DISTANCE',
}

/** How service search results are ordered. */
export enum ServiceOrder {
  NAME = 'NAME',
  RELEVANCE = 'RELEVANCE',
  DISTANCE = 'DISTANCE',
}

/** Either order; both enums have the same values. */
export type SearchOrder = ActorOrder | ServiceOrder;

const orderValues = (what: string) => ({
  NAME: { description: `By ${what} name, A–Ö (the default).` },
  RELEVANCE: { description: 'Best full-text match first (ts_rank). Only together with a `text` filter.' },
  DISTANCE: { description: 'Nearest first, by the nearest area point within the circle. Only together with a `near` filter.' },
});

registerEnumType(ActorOrder, {
  name: 'ActorOrder',
  description: 'How a list of actors is ordered. Every order pages with cursors without gaps or repeats; ties are broken by id.',
  valuesConfig: orderValues('actor'),
});

registerEnumType(ServiceOrder, {
  name: 'ServiceOrder',
  description: 'How a list of services is ordered. Every order pages with cursors without gaps or repeats; ties are broken by id.',
  valuesConfig: orderValues('service'),
});
