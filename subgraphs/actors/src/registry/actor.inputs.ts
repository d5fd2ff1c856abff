import { ArrayMaxSize, IsUrl, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { AREA_CODE_PATTERN, AreaScope, EXTERNAL_ID_INPUT_DESCRIPTION, IsExternalId } from '@samverkan/federation';
import { ActorKind } from './actor';
import { IsOrganisationNumber } from './organisation-number';
import { OfferConditions } from '../search/search.inputs';
import { SupportNeed } from './support-need';
import { INCLUDE_ARCHIVED } from './archiving';

@InputType({ description: 'Which actors to list; all conditions must hold.' })
export class ActorFilter extends OfferConditions {
  @Field(() => ID, {
    nullable: true,
    description:
      'Only actors working in this area (see `areaScope`); together with `categories`, `targetGroups` or `age`, only actors offering such a service in this area.',
  })
  @Matches(AREA_CODE_PATTERN, { message: 'areaCode is not an area code' })
  areaCode?: string;

  @Field(() => AreaScope, { defaultValue: AreaScope.WITHIN, description: 'How `areaCode` matches.' })
  areaScope: AreaScope = AreaScope.WITHIN;

  @Field(() => [ActorKind], { nullable: true, description: 'Only actors of these kinds.' })
  kinds?: ActorKind[];

  @Field({
    nullable: true,
    description:
      'Free text in Swedish, matched with full-text search against the name and description of the actor and of its services: inflected forms match ("läxhjälpen" finds "läxhjälp"), and a word also finds compounds it begins ("avhoppar" finds "avhopparverksamhet"). Supports "quoted phrases", OR and -exclusion.',
  })
  @MaxLength(200)
  text?: string;

  @Field(() => ID, { nullable: true, description: 'Only direct children of this actor (e.g. local branches).' })
  @IsUUID('all', { message: 'parentId is not an actor id' })
  parentId?: string;

  @Field(INCLUDE_ARCHIVED)
  includeArchived: boolean = false;
}

/** What an organisation says about itself, optional: shared by registration, create and update. */
@InputType()
abstract class ActorProfileInput {
  @Field(() => String, { nullable: true, description: 'What the actor does (up to 4000 characters).' })
  @MaxLength(4000)
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'Public web site (http or https URL).' })
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'website must be an http(s) URL' })
  website?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Codes of the areas the actor works in (at most 50); on update, replaces them.' })
  @ArrayMaxSize(50)
  @Matches(AREA_CODE_PATTERN, { each: true, message: 'areaCodes must hold area codes' })
  areaCodes?: string[] | null;
}

/** Optional fields shared by create and update. */
@InputType()
abstract class ActorDetailsInput extends ActorProfileInput {
  @Field(() => String, { nullable: true, description: EXTERNAL_ID_INPUT_DESCRIPTION })
  @IsExternalId()
  externalId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Swedish organisation number, NNNNNN-NNNN (ten digits without the dash are accepted); one actor per number.',
  })
  @IsOrganisationNumber()
  organisationNumber?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The actor this one belongs to, e.g. the national organisation of a local branch; null makes it top-level.',
  })
  @IsUUID('all', { message: 'parentId is not an actor id' })
  parentId?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Whether the actor can receive children and young people at risk in its ordinary activities (network information; false when new).',
  })
  receivesYoungPeopleAtRisk?: boolean | null;

  @Field(() => [SupportNeed], { nullable: true, description: 'What the actor needs to receive them (network information); null clears.' })
  @ArrayMaxSize(20)
  supportNeeds?: SupportNeed[] | null;

  @Field(() => String, { nullable: true, description: 'The needs in the actor\'s own words (up to 2000 characters, network information).' })
  @MaxLength(2000)
  supportNote?: string | null;
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

@InputType({ description: 'An organisation an administrator registers: top-level, maintaining its own entry.' })
export class RegisterOrganisationInput extends ActorProfileInput {
  @Field({ description: 'Name of the organisation (1–200 characters).' })
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @Field(() => ActorKind, { description: 'What kind of organisation this is.' })
  kind: ActorKind;

  @Field({
    description:
      'Swedish organisation number, NNNNNN-NNNN (ten digits without the dash are accepted): how the registry knows the organisation is not registered already.',
  })
  @IsOrganisationNumber()
  organisationNumber: string;
}

@ArgsType()
export class ArchiveActorArgs {
  @Field(() => ID, { description: 'Id of the actor to archive.' })
  id: string;

  @Field(() => Int, { description: 'The version you read; a stale version is refused.' })
  version: number;

  @Field({ description: 'Why, e.g. "Föreningen upplöst 2025" (1–1000 characters). Public, like the registry: write nothing private.' })
  @MinLength(1)
  @MaxLength(1000)
  reason: string;
}
