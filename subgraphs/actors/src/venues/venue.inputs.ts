import { ArrayMaxSize, IsUUID, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { AREA_CODE_PATTERN, AreaScope, EXTERNAL_ID_INPUT_DESCRIPTION, GeoPointInput, IsExternalId, NearInput, PostalAddressInput } from '@samverkan/federation';
import { VenueUse } from './venue';
import { INCLUDE_ARCHIVED } from '../registry/archiving';

export const MAX_CAPACITY = 100000;

@InputType({ description: 'Which venues to list; all conditions must hold.' })
export class VenueFilter {
  @Field(() => ID, { nullable: true, description: 'Only venues in this area (see `areaScope`).' })
  @Matches(AREA_CODE_PATTERN, { message: 'areaCode is not an area code' })
  areaCode?: string;

  @Field(() => AreaScope, { defaultValue: AreaScope.WITHIN, description: 'How `areaCode` matches.' })
  areaScope: AreaScope = AreaScope.WITHIN;

  @Field(() => ID, { nullable: true, description: 'Only premises this actor lends.' })
  @IsUUID('all', { message: 'actorId is not an actor id' })
  actorId?: string;

  @Field(() => Int, { nullable: true, description: 'Only venues holding at least this many people (1 or more).' })
  @Min(1)
  @Max(MAX_CAPACITY)
  minCapacity?: number;

  @Field(() => [VenueUse], { nullable: true, description: 'Only venues suitable for ALL of these uses.' })
  @ArrayMaxSize(10)
  suitableFor?: VenueUse[];

  @Field({ nullable: true, description: 'Only venues whose name, description or city contains this text (case-insensitive).' })
  @MaxLength(200)
  text?: string;

  @Field(() => NearInput, {
    nullable: true,
    description:
      'Only venues whose own point (`location`) lies within this circle (great-circle distance); venues without a point never match. Gives each venue its `distanceKm`; order by it with `orderBy: DISTANCE`.',
  })
  @ValidateNested()
  near?: NearInput;

  @Field(INCLUDE_ARCHIVED)
  includeArchived: boolean = false;
}

/** How a list of venues is ordered. */
export enum VenueOrder {
  NAME = 'NAME',
  DISTANCE = 'DISTANCE',
}

registerEnumType(VenueOrder, {
  name: 'VenueOrder',
  description: 'How a list of venues is ordered. Every order pages with cursors without gaps or repeats; ties are broken by id.',
  valuesConfig: {
    NAME: { description: 'By name, A–Ö (the default).' },
    DISTANCE: { description: 'Nearest first, by `distanceKm`. Only together with `filter.near` (else BAD_USER_INPUT).' },
  },
});

@InputType({ description: 'A postal address; every part is optional.' })
export class VenueAddressInput extends PostalAddressInput {}

/** Optional fields shared by create and update: on update, null clears them. */
@InputType()
abstract class VenueDetailsInput {
  @Field(() => String, { nullable: true, description: EXTERNAL_ID_INPUT_DESCRIPTION })
  @IsExternalId()
  externalId?: string | null;

  @Field(() => String, { nullable: true, description: 'What the premises are like and how to borrow them (up to 4000 characters).' })
  @MaxLength(4000)
  description?: string | null;

  @Field(() => VenueAddressInput, { nullable: true, description: 'Postal address; on update it replaces the whole address, null clears it.' })
  @ValidateNested()
  address?: VenueAddressInput | null;

  @Field(() => GeoPointInput, { nullable: true, description: 'Where the premises are; null clears it.' })
  @ValidateNested()
  location?: GeoPointInput | null;

  @Field(() => String, { nullable: true, description: 'Accessibility (up to 1000 characters).' })
  @MaxLength(1000)
  accessibilityNote?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The contact function to ask about the premises; it must belong to the same actor. Null removes it.',
  })
  @IsUUID('all', { message: 'contactFunctionId is not a contact function id' })
  contactFunctionId?: string | null;
}

@InputType({ description: 'New premises an actor can lend.' })
export class CreateVenueInput extends VenueDetailsInput {
  @Field(() => ID, { description: 'The actor that lends the premises; you must be a coordinator of it (or of the organisation maintaining its entry).' })
  @IsUUID('all', { message: 'actorId is not an actor id' })
  actorId: string;

  @Field({ description: 'Name of the premises (1–200 characters).' })
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @Field(() => ID, { description: 'Code of the area the premises are in, e.g. "1480-angered".' })
  @Matches(AREA_CODE_PATTERN, { message: 'areaCode is not an area code' })
  areaCode: string;

  @Field(() => Int, { description: `How many people the premises hold (1–${MAX_CAPACITY}).` })
  @Min(1)
  @Max(MAX_CAPACITY)
  capacity: number;

  @Field(() => [VenueUse], { defaultValue: [], description: 'What the premises can be lent for.' })
  @ArrayMaxSize(10)
  suitableFor: VenueUse[];
}

@InputType({ description: 'Changes to a venue: fields left out stay as they are, null clears an optional field.' })
export class UpdateVenueInput extends VenueDetailsInput {
  @Field(() => String, { nullable: true, description: 'New name (1–200 characters).' })
  @MinLength(1)
  @MaxLength(200)
  name?: string | null;

  @Field(() => ID, { nullable: true, description: 'New area code.' })
  @Matches(AREA_CODE_PATTERN, { message: 'areaCode is not an area code' })
  areaCode?: string | null;

  @Field(() => Int, { nullable: true, description: `New capacity (1–${MAX_CAPACITY}).` })
  @Min(1)
  @Max(MAX_CAPACITY)
  capacity?: number | null;

  @Field(() => [VenueUse], { nullable: true, description: 'New uses; replaces the list.' })
  @ArrayMaxSize(10)
  suitableFor?: VenueUse[] | null;
}
