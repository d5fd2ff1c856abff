import { ArrayMaxSize, IsUrl, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { AREA_CODE_PATTERN, AreaScope } from '@samverkan/shared';
import { ActorKind } from './actor';

const ORGANISATION_NUMBER = /^\d{6}-\d{4}$/;

@InputType({ description: 'Which actors to list; all conditions must hold.' })
export class ActorFilter {
  @Field(() => ID, { nullable: true, description: 'Only actors working in this area (see `areaScope`).' })
  @Matches(AREA_CODE_PATTERN, { message: 'areaCode is not an area code' })
  areaCode?: string;

  @Field(() => AreaScope, { defaultValue: AreaScope.WITHIN, description: 'How `areaCode` matches.' })
  areaScope: AreaScope = AreaScope.WITHIN;

  @Field(() => [ActorKind], { nullable: true, description: 'Only actors of these kinds.' })
  kinds?: ActorKind[];

  @Field({ nullable: true, description: 'Only actors whose name or description contains this text (case-insensitive).' })
  @MaxLength(200)
  text?: string;

  @Field(() => ID, { nullable: true, description: 'Only direct children of this actor (e.g. local branches).' })
  @IsUUID('all', { message: 'parentId is not an actor id' })
  parentId?: string;
}

/** Optional fields shared by create and update. */
@InputType()
abstract class ActorDetailsInput {
  @Field(() => String, { nullable: true, description: 'What the actor does (up to 4000 characters).' })
  @MaxLength(4000)
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'Public web site (http or https URL).' })
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'website must be an http(s) URL' })
  website?: string | null;

  @Field(() => String, { nullable: true, description: 'Swedish organisation number, NNNNNN-NNNN.' })
  @Matches(ORGANISATION_NUMBER, { message: 'organisationNumber must look like NNNNNN-NNNN' })
  organisationNumber?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The actor this one belongs to, e.g. the national organisation of a local branch; null makes it top-level.',
  })
  @IsUUID('all', { message: 'parentId is not an actor id' })
  parentId?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Codes of the areas the actor works in (at most 50); on update, replaces them.' })
  @ArrayMaxSize(50)
  @Matches(AREA_CODE_PATTERN, { each: true, message: 'areaCodes must hold area codes' })
  areaCodes?: string[] | null;
}

@InputType({ description: 'A new actor.' })
export class CreateActorInput extends ActorDetailsInput {
  @Field({ description: 'Name of the organisation or unit (1–200 characters).' })
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @Field(() => ActorKind, { description: 'What kind of organisation or unit this is.' })
  kind: ActorKind;
}

@InputType({ description: 'Changes to an actor: fields left out stay as they are, null clears an optional field.' })
export class UpdateActorInput extends ActorDetailsInput {
  @Field(() => String, { nullable: true, description: 'New name (1–200 characters).' })
  @MinLength(1)
  @MaxLength(200)
  name?: string | null;

  @Field(() => ActorKind, { nullable: true, description: 'New kind.' })
  kind?: ActorKind | null;
}
