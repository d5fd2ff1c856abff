import { ArrayMaxSize, ArrayMinSize, IsUUID, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { ActorRecordsArgs, AREA_CODE_PATTERN, AreaScope, EXTERNAL_ID_INPUT_DESCRIPTION, IsExternalId, Visibility } from '@samverkan/federation';
import { NestedListArgs } from '@samverkan/platform';
import { AgreementKind, AgreementStatus, PartyRole } from './agreement';
import { MAX_EXPIRY_WINDOW_DAYS, NESTED_EXPIRY_DESCRIPTION } from '../lifecycle/expiry';
import { AgreementSectionInput, MAX_SECTIONS } from '../templates/agreement-section';

export const MAX_PARTIES = 50;
export const MAX_AREAS = 50;
export const MAX_SHARED_WITH = 50;

const SHARED_WITH_DESCRIPTION =
  `Ids of the actors (organisations) this agreement is shared with, at most ${MAX_SHARED_WITH}; only for visibility SHARED. ` +
  'When given, it replaces the list: to share with others than the parties, or with only some of them; `[]` (or null) shares ' +
  'with nobody but the owner. The parties are the natural members, so when the agreement is SHARED and this is left out: ' +
  'on create, or on an update that makes it SHARED, it is shared with its parties; on an update that changes `parties`, ' +
  'parties that join are added and parties that leave are removed; otherwise the list stays as it is. ' +
  'The owner always sees its agreement and is never listed. Any other visibility empties the list, and ids given with it are refused.';

@InputType({ description: 'Which agreements to list; all conditions must hold.' })
export class AgreementFilter {
  @Field(() => ID, { nullable: true, description: 'Only agreements covering this area (see `areaScope`).' })
  @Matches(AREA_CODE_PATTERN, { message: 'areaCode is not an area code' })
  areaCode?: string;

  @Field(() => AreaScope, {
    defaultValue: AreaScope.WITHIN,
    description: 'How `areaCode` matches: WITHIN also finds agreements for its sub-areas; OVERLAPPING also those for wider areas, e.g. national agreements.',
  })
  areaScope: AreaScope = AreaScope.WITHIN;

  @Field(() => [AgreementKind], { nullable: true, description: 'Only agreements of these kinds.' })
  kinds?: AgreementKind[];

  @Field(() => [AgreementStatus], { nullable: true, description: 'Only agreements with these statuses.' })
  statuses?: AgreementStatus[];

  @Field(() => ID, { nullable: true, description: 'Only agreements this actor is a party to (in any role).' })
  @IsUUID('all', { message: 'partyId is not an actor id' })
  partyId?: string;

  @Field(() => GraphQLLocalDate, {
    nullable: true,
    description:
      'Only agreements whose period reaches this day or later (open-ended ones included). With `from` or `to`, agreements without a start date (drafts) are left out.',
  })
  from?: string;

  @Field(() => GraphQLLocalDate, {
    nullable: true,
    description: 'Only agreements whose period starts on this day or earlier. Together with `from`: the period overlaps [from, to].',
  })
  to?: string;

  @Field(() => GraphQLLocalDate, {
    nullable: true,
    description:
      'Only agreements that end on this day or later. Open-ended agreements (no end date) always match: they have not ended.',
  })
  endsOnOrAfter?: string;

  @Field(() => GraphQLLocalDate, {
    nullable: true,
    description:
      'Only agreements that end on this day or earlier, not before `endsOnOrAfter`. Open-ended agreements (no end date) never match. ' +
      'Agreements running out within 90 days: `{ statuses: [ACTIVE], endsOnOrAfter: today, endsOnOrBefore: today + 90 days }`.',
  })
  endsOnOrBefore?: string;

  @Field(() => Int, {
    nullable: true,
    description:
      `Only ACTIVE agreements that end between today (in Sweden) and this many days later, both days included (0–${MAX_EXPIRY_WINDOW_DAYS}); ` +
      'open-ended ones never. "Expiring within 90 days", soonest first: `agreements(filter: { expiresWithinDays: 90 }, orderBy: END_DATE)`.',
  })
  @Min(0)
  @Max(MAX_EXPIRY_WINDOW_DAYS)
  expiresWithinDays?: number;

  @Field({ nullable: true, description: 'Only agreements whose title or description contains this text (case-insensitive).' })
  @MaxLength(200)
  text?: string;
}

@InputType({ description: 'A party to an agreement: an actor and the role it takes on.' })
export class AgreementPartyInput {
  @Field(() => ID, { description: 'Id of the actor (from the actors registry).' })
  @IsUUID('all', { message: 'actorId is not an actor id' })
  actorId: string;

  @Field(() => PartyRole, { description: 'The role the actor holds. An actor may hold several roles, each once.' })
  role: PartyRole;

  @Field(() => String, { nullable: true, description: 'What the party takes on in this role (up to 2000 characters).' })
  @MaxLength(2000)
  responsibilities?: string | null;
}

/** Optional fields shared by create and update. */
@InputType()
abstract class AgreementDetailsInput {
  @Field(() => String, { nullable: true, description: 'What the parties agree on (up to 4000 characters).' })
  @MaxLength(4000)
  description?: string | null;

  @Field(() => GraphQLLocalDate, {
    nullable: true,
    description: 'First day the agreement applies; required unless the status is DRAFT.',
  })
  startsOn?: string | null;

  @Field(() => GraphQLLocalDate, {
    nullable: true,
    description: 'Last day the agreement applies, not before `startsOn`; null for an open-ended agreement.',
  })
  endsOn?: string | null;

  @Field(() => [ID], { nullable: true, description: SHARED_WITH_DESCRIPTION })
  @ArrayMaxSize(MAX_SHARED_WITH)
  @IsUUID('all', { each: true, message: 'sharedWithIds must hold actor ids' })
  sharedWithIds?: string[] | null;

  @Field(() => String, { nullable: true, description: EXTERNAL_ID_INPUT_DESCRIPTION })
  @IsExternalId()
  externalId?: string | null;
}

@InputType({ description: 'A new agreement.' })
export class CreateAgreementInput extends AgreementDetailsInput {
  @Field({ description: 'Title (1–200 characters), in the language the parties use.' })
  @MinLength(1)
  @MaxLength(200)
  title: string;

  @Field(() => AgreementKind, { description: 'What kind of agreement this is.' })
  kind: AgreementKind;

  @Field(() => AgreementStatus, { defaultValue: AgreementStatus.DRAFT, description: 'Where the agreement stands; DRAFT unless given.' })
  status: AgreementStatus = AgreementStatus.DRAFT;

  @Field(() => Visibility, {
    defaultValue: Visibility.OWNER,
    description:
      'Who may see the agreement, chosen by your organisation, which becomes its owner. OWNER (only your organisation) unless given; SHARED shares it with the parties unless `sharedWithIds` says otherwise.',
  })
  visibility: Visibility = Visibility.OWNER;

  @Field(() => [AgreementPartyInput], {
    description: `The parties and their roles (1–${MAX_PARTIES}); the same actor may appear with different roles, never twice with the same one.`,
  })
  @ArrayMinSize(1, { message: 'an agreement needs at least one party' })
  @ArrayMaxSize(MAX_PARTIES)
  @ValidateNested()
  parties: AgreementPartyInput[];

  @Field(() => [ID], {
    description: `Codes of the areas the agreement covers (1–${MAX_AREAS}); a national agreement covers \`SE\`.`,
  })
  @ArrayMinSize(1, { message: 'an agreement covers at least one area' })
  @ArrayMaxSize(MAX_AREAS)
  @Matches(AREA_CODE_PATTERN, { each: true, message: 'areaCodes must hold area codes' })
  areaCodes: string[];
}

@InputType({ description: 'Changes to an agreement: fields left out stay as they are, null clears an optional field.' })
export class UpdateAgreementInput extends AgreementDetailsInput {
  @Field(() => String, { nullable: true, description: 'New title (1–200 characters).' })
  @MinLength(1)
  @MaxLength(200)
  title?: string | null;

  @Field(() => AgreementKind, { nullable: true, description: 'New kind.' })
  kind?: AgreementKind | null;

  @Field(() => AgreementStatus, { nullable: true, description: 'New status, e.g. ACTIVE when signed or TERMINATED when stopped early.' })
  status?: AgreementStatus | null;

  @Field(() => Visibility, {
    nullable: true,
    description: 'New visibility, chosen by the owner; cannot be null. SHARED shares it with the parties unless `sharedWithIds` says otherwise.',
  })
  visibility?: Visibility | null;

  @Field(() => [AgreementPartyInput], {
    nullable: true,
    description: `When given, replaces all parties (1–${MAX_PARTIES}); cannot be null or empty.`,
  })
  @ArrayMinSize(1, { message: 'an agreement needs at least one party' })
  @ArrayMaxSize(MAX_PARTIES)
  @ValidateNested()
  parties?: AgreementPartyInput[] | null;

  @Field(() => [ID], { nullable: true, description: `When given, replaces the areas covered (1–${MAX_AREAS}); cannot be null or empty.` })
  @ArrayMinSize(1, { message: 'an agreement covers at least one area' })
  @ArrayMaxSize(MAX_AREAS)
  @Matches(AREA_CODE_PATTERN, { each: true, message: 'areaCodes must hold area codes' })
  areaCodes?: string[] | null;
  @Field(() => [AgreementSectionInput], { nullable: true, description: `When given, replaces the sections of the agreement text (at most ${MAX_SECTIONS}); null or [] removes them all.` })
  @ArrayMaxSize(MAX_SECTIONS)
  @ValidateNested({ each: true })
  sections?: AgreementSectionInput[] | null;
}

const STATUSES = { nullable: true, description: 'Only agreements with these statuses; all when left out.' };

/** The arguments of `Actor.agreements`: a bound, the area of the query and the statuses. */
@ArgsType()
export class ActorAgreementsArgs extends ActorRecordsArgs {
  @Field(() => [AgreementStatus], STATUSES)
  statuses?: AgreementStatus[] | null;

  @Field(() => Int, { nullable: true, description: NESTED_EXPIRY_DESCRIPTION })
  @Min(0)
  @Max(MAX_EXPIRY_WINDOW_DAYS)
  expiresWithinDays?: number | null;
}

/** The arguments of `Area.agreements`: a bound, the scope and the statuses. */
@ArgsType()
export class AreaAgreementsArgs extends NestedListArgs {
  @Field(() => AreaScope, {
    defaultValue: AreaScope.WITHIN,
    description: 'WITHIN: agreements for this area or its sub-areas; OVERLAPPING: also those for wider areas, e.g. national agreements.',
  })
  scope: AreaScope = AreaScope.WITHIN;

  @Field(() => [AgreementStatus], STATUSES)
  statuses?: AgreementStatus[] | null;

  @Field(() => Int, { nullable: true, description: NESTED_EXPIRY_DESCRIPTION })
  @Min(0)
  @Max(MAX_EXPIRY_WINDOW_DAYS)
  expiresWithinDays?: number | null;
}
