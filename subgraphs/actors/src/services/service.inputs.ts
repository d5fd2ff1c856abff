import { ArrayMaxSize, ArrayMinSize, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { AREA_CODE_PATTERN, EXTERNAL_ID_INPUT_DESCRIPTION, IsExternalId, MAX_AGE, TargetGroup } from '@samverkan/federation';
import { ServiceCategory } from './service';

/** Optional fields shared by create and update. */
@InputType()
abstract class ServiceDetailsInput {
  @Field(() => String, { nullable: true, description: EXTERNAL_ID_INPUT_DESCRIPTION })
  @IsExternalId()
  externalId?: string | null;

  @Field(() => String, { nullable: true, description: 'What the service is and how to take part (up to 4000 characters).' })
  @MaxLength(4000)
  description?: string | null;

  @Field(() => Int, { nullable: true, description: `Youngest age served (0–${MAX_AGE}); null for no lower bound.` })
  @Min(0)
  @Max(MAX_AGE)
  ageMin?: number | null;

  @Field(() => Int, { nullable: true, description: `Oldest age served (0–${MAX_AGE}, not below ageMin); null for no upper bound.` })
  @Min(0)
  @Max(MAX_AGE)
  ageMax?: number | null;
}

@InputType({ description: 'A new service of an actor.' })
export class CreateServiceInput extends ServiceDetailsInput {
  @Field(() => ID, { description: 'The actor offering the service; you must be a coordinator of it or of the organisation maintaining its entry.' })
  @IsUUID('all', { message: 'actorId is not an actor id' })
  actorId: string;

  @Field({ description: 'Name of the service (1–200 characters), e.g. "Läxhjälp i Angered".' })
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @Field(() => ServiceCategory, { description: 'What kind of work this is.' })
  category: ServiceCategory;

  @Field(() => [TargetGroup], { description: 'Who the service is for (at least one).' })
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  targetGroups: TargetGroup[];

  @Field(() => [ID], { description: 'Codes of the areas where the service is offered (1–50).' })
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @Matches(AREA_CODE_PATTERN, { each: true, message: 'areaCodes must hold area codes' })
  areaCodes: string[];
}

@InputType({ description: 'Changes to a service: fields left out stay as they are, null clears an optional field.' })
export class UpdateServiceInput extends ServiceDetailsInput {
  @Field(() => String, { nullable: true, description: 'New name (1–200 characters).' })
  @MinLength(1)
  @MaxLength(200)
  name?: string | null;

  @Field(() => ServiceCategory, { nullable: true, description: 'New category.' })
  category?: ServiceCategory | null;

  @Field(() => [TargetGroup], { nullable: true, description: 'New target groups (at least one); replaces them.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  targetGroups?: TargetGroup[] | null;

  @Field(() => [ID], { nullable: true, description: 'New area codes (1–50); replaces them.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @Matches(AREA_CODE_PATTERN, { each: true, message: 'areaCodes must hold area codes' })
  areaCodes?: string[] | null;
}
