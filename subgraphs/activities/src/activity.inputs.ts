import { ArrayMaxSize, ArrayMinSize, IsUUID, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { PageArgs } from '@samverkan/platform';
import { AREA_CODE_PATTERN, AreaScope, EXTERNAL_ID_INPUT_DESCRIPTION, IsExternalId, MAX_AGE, NearInput, Visibility, TargetGroup } from '@samverkan/federation';
import { ActivityKind, InternalClassification, PolicePurpose } from './activity';
import { ActivityScheduleInput, OccurrenceFilter } from './schedule/schedule.inputs';
import { ActivityAddressInput } from './place/place';
import { ActivityCostInput, ActivitySignUpInput, MAX_LANGUAGES } from './details/details.inputs';
import { AccessibilityFeature, NpfAdaptation } from './details/details.types';

export const MAX_ORGANISERS = 20;
export const MAX_SHARED_WITH = 50;
/** The most areas one activity takes place in: the districts of a large municipality. */
export const MAX_ACTIVITY_AREAS = 30;
/** The most activities `Area.activities` lists per area: a page's worth, as in every other list. */
export const MAX_AREA_ACTIVITIES = 100;

/** The arguments of `Area.activities`; the loader that answers depends on all of them. */
@ArgsType()
export class AreaActivitiesArgs {
  @Field(() => AreaScope, {
    defaultValue: AreaScope.WITHIN,
    description: 'Include sub-areas (WITHIN) or also activities for a wider area containing this one (OVERLAPPING).',
  })
  scope: AreaScope = AreaScope.WITHIN;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Only activities running on or after this day (that have not ended before it).' })
  from?: string | null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Only activities running on or before this day (that have started by then); not before `from`.' })
  to?: string | null;

  @Field(() => OccurrenceFilter, {
    nullable: true,
    description: 'Only activities taking place in a window of days, on given weekdays or at given times of day, as `activities(filter: { occurs })` matches them (activities without a schedule never match).',
  })
  @ValidateNested()
  occurs?: OccurrenceFilter | null;

  @Field(() => Int, {
    defaultValue: MAX_AREA_ACTIVITIES,
    description: `At most this many activities (1–${MAX_AREA_ACTIVITIES}), the newest start dates first; page through more with \`activityPage\`.`,
  })
  @Min(1)
  @Max(MAX_AREA_ACTIVITIES)
  first: number = MAX_AREA_ACTIVITIES;
}

/** The arguments of `Area.activityPage`: a page as in every list, of an area's activities in a period. */
@ArgsType()
export class AreaActivityPageArgs extends PageArgs {
  @Field(() => AreaScope, {
    defaultValue: AreaScope.WITHIN,
    description: 'Include sub-areas (WITHIN) or also activities for a wider area containing this one (OVERLAPPING).',
  })
  scope: AreaScope = AreaScope.WITHIN;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Only activities running on or after this day (that have not ended before it).' })
  from?: string | null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Only activities running on or before this day (that have started by then); not before `from`.' })
  to?: string | null;

  @Field(() => OccurrenceFilter, {
    nullable: true,
    description: 'Only activities taking place in a window of days, on given weekdays or at given times of day, as `activities(filter: { occurs })` matches them (activities without a schedule never match).',
  })
  @ValidateNested()
  occurs?: OccurrenceFilter | null;
}

/** How many areas one `activities` filter may name: enough for a county's municipalities or a dashboard's selection. */
export const MAX_FILTER_AREAS = 50;

@InputType({ description: 'Which activities to list; all conditions must hold.' })
export class ActivityFilter {
  @Field(() => ID, { nullable: true, description: 'Only activities in this area (see `areaScope`). Not together with `areaCodes`.' })
  @Matches(AREA_CODE_PATTERN, { message: 'areaCode is not an area code' })
  areaCode?: string;

  @Field(() => [ID], {
    nullable: true,
    description: `Only activities in at least one of these areas (1–${MAX_FILTER_AREAS} codes), each matched as \`areaCode\` is (see \`areaScope\`). Not together with \`areaCode\`.`,
  })
  @ArrayMinSize(1, { message: 'areaCodes must name at least one area' })
  @ArrayMaxSize(MAX_FILTER_AREAS)
  @Matches(AREA_CODE_PATTERN, { each: true, message: 'areaCodes must hold area codes' })
  areaCodes?: string[];

  @Field(() => AreaScope, { defaultValue: AreaScope.WITHIN, description: 'How `areaCode` and `areaCodes` match.' })
  areaScope: AreaScope = AreaScope.WITHIN;

  @Field(() => [ActivityKind], { nullable: true, description: 'Only activities of these kinds.' })
  kinds?: ActivityKind[];

  @Field(() => [TargetGroup], { nullable: true, description: 'Only activities for at least one of these target groups.' })
  targetGroups?: TargetGroup[];

  @Field(() => Int, {
    nullable: true,
    description: 'Only activities whose age range includes this age (0–120); a missing lower or upper limit matches any age on that side.',
  })
  @Min(0)
  @Max(MAX_AGE)
  age?: number;

  @Field(() => Int, {
    nullable: true,
    description: 'Only activities whose age range reaches this age or above (0–120; see `ageTo`). Not together with `age`.',
  })
  @Min(0)
  @Max(MAX_AGE)
  ageFrom?: number;

  @Field(() => Int, {
    nullable: true,
    description:
      'Only activities whose age range reaches this age or below (0–120, not below `ageFrom`): with `ageFrom`, those whose age range overlaps [ageFrom, ageTo], a missing lower or upper limit matching any age on that side. Not together with `age`.',
  })
  @Min(0)
  @Max(MAX_AGE)
  ageTo?: number;

  @Field(() => ID, { nullable: true, description: 'Only activities this actor organises (alone or with others).' })
  @IsUUID('all', { message: 'organiserId is not an actor id' })
  organiserId?: string;

  @Field(() => ID, { nullable: true, description: 'Only activities funded by this agreement.' })
  @IsUUID('all', { message: 'fundingAgreementId is not an agreement id' })
  fundingAgreementId?: string;

  @Field(() => ID, {
    nullable: true,
    description: 'Only activities carried out under this agreement (under any of its commitments or none); none when you may not see the agreement.',
  })
  @IsUUID('all', { message: 'agreementId is not an agreement id' })
  agreementId?: string;

  @Field(() => ID, { nullable: true, description: 'Only activities carried out under this commitment of a citizen promise; none when you may not see it.' })
  @IsUUID('all', { message: 'commitmentId is not a commitment id' })
  commitmentId?: string;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Only activities running on or after this day (that have not ended before it).' })
  from?: string;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Only activities running on or before this day (that have started by then).' })
  to?: string;

  @Field(() => [PolicePurpose], { nullable: true, description: 'Only activities the police take part in for one of these purposes.' })
  policePurposes?: PolicePurpose[];

  @Field(() => OccurrenceFilter, {
    nullable: true,
    description: 'Only activities taking place in a window of days, on given weekdays or at given times of day (activities without a schedule have no occurrences and never match).',
  })
  @ValidateNested()
  occurs?: OccurrenceFilter;

  @Field({
    nullable: true,
    description:
      'Free text in Swedish, matched against the title and the public description with full-text search, as the registry\'s search: inflected forms match ("läxhjälpen" finds "läxhjälp"), and a word also finds compounds it begins ("fotboll" finds "fotbollsturnering"). Supports "quoted phrases", OR and -exclusion. Internal fields are never searched.',
  })
  @MaxLength(200)
  text?: string;

  @Field(() => NearInput, {
    nullable: true,
    description:
      "Only activities whose place lies within this circle (great-circle distance): the point of their address, or of their venue (a copy of the registry's, refreshed daily). Activities without a point never match. Gives each activity its `distanceKm`; order by it with `orderBy: DISTANCE`.",
  })
  @ValidateNested()
  near?: NearInput;
}

/** How a list of activities is ordered. */
export enum ActivityOrder {
  START_DATE = 'START_DATE',
  DISTANCE = 'DISTANCE',
}

registerEnumType(ActivityOrder, {
  name: 'ActivityOrder',
  description: 'How a list of activities is ordered. Every order pages with cursors without gaps or repeats; ties are broken by id.',
  valuesConfig: {
    START_DATE: { description: 'Newest start date first (the default).' },
    DISTANCE: { description: 'Nearest first, by `distanceKm`. Only together with `filter.near` (else BAD_USER_INPUT).' },
  },
});

@InputType({ description: 'That the police take part in an activity, and why.' })
export class PoliceParticipationInput {
  @Field(() => PolicePurpose, { description: 'Why the police take part.' })
  purpose: PolicePurpose;

  @Field(() => String, { nullable: true, description: 'What the police do at the activity (up to 1000 characters).' })
  @MaxLength(1000)
  explanation?: string | null;
}

/** Optional fields shared by create and update: on update, null clears them. */
@InputType()
abstract class ActivityDetailsInput {
  @Field(() => String, { nullable: true, description: EXTERNAL_ID_INPUT_DESCRIPTION })
  @IsExternalId()
  externalId?: string | null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Last day; null for an ongoing activity. Not before `startsOn`.' })
  endsOn?: string | null;

  @Field(() => Int, { nullable: true, description: 'Youngest age the activity is for (0–120); null for no lower limit.' })
  @Min(0)
  @Max(MAX_AGE)
  ageMin?: number | null;

  @Field(() => Int, { nullable: true, description: 'Oldest age the activity is for (0–120, not below `ageMin`); null for no upper limit.' })
  @Min(0)
  @Max(MAX_AGE)
  ageMax?: number | null;

  @Field(() => PoliceParticipationInput, {
    nullable: true,
    description: 'Whether and why the police take part; null when they do not. On update, replaces the whole value.',
  })
  @ValidateNested()
  policeParticipation?: PoliceParticipationInput | null;

  @Field(() => String, {
    nullable: true,
    description: 'What the public and participants are told about the activity (up to 4000 characters). Do not label it crime-preventive here.',
  })
  @MaxLength(4000)
  publicDescription?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The venue (premises in the actors registry) where the activity takes place; not together with `address`. Null clears it.',
  })
  @IsUUID('all', { message: 'venueId is not a venue id' })
  venueId?: string | null;

  @Field(() => ActivityAddressInput, {
    nullable: true,
    description: 'An address of its own (a pitch, a square), when not at a venue; not together with `venueId`. On update, replaces the whole address; null clears it.',
  })
  @ValidateNested()
  address?: ActivityAddressInput | null;

  @Field(() => ActivityCostInput, { nullable: true, description: 'What taking part costs; null when not stated. On update, replaces the whole cost.' })
  @ValidateNested()
  cost?: ActivityCostInput | null;

  @Field(() => ActivitySignUpInput, { nullable: true, description: 'How to join; null when not stated. On update, replaces the whole value.' })
  @ValidateNested()
  signUp?: ActivitySignUpInput | null;

  @Field(() => [String], { nullable: true, description: `The languages spoken, as ISO 639-1 codes (at most ${MAX_LANGUAGES}). On update, replaces them; null clears them.` })
  @ArrayMaxSize(MAX_LANGUAGES)
  languages?: string[] | null;

  @Field(() => [AccessibilityFeature], { nullable: true, description: 'How the activity is accessible. On update, replaces them; null clears them.' })
  accessibilityFeatures?: AccessibilityFeature[] | null;

  @Field(() => [NpfAdaptation], { nullable: true, description: 'How the activity is adapted for NPF. On update, replaces them; null clears them.' })
  npfAdaptations?: NpfAdaptation[] | null;

  @Field(() => String, { nullable: true, description: 'More about accessibility and adaptations (up to 1000 characters).' })
  @MaxLength(1000)
  accessibilityNote?: string | null;

  @Field(() => ActivityScheduleInput, {
    nullable: true,
    description: 'When the activity takes place within its period: times of day, recurrence, excluded days and cancellations. Null for none (dates only). On update, replaces the whole schedule.',
  })
  @ValidateNested()
  schedule?: ActivityScheduleInput | null;

  @Field(() => Int, { nullable: true, description: 'How many took part (or take part regularly); at least 0.' })
  @Min(0)
  participantCount?: number | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The agreement that funds the activity, e.g. an IOP; null when none. Must be an agreement you may see.',
  })
  @IsUUID('all', { message: 'fundingAgreementId is not an agreement id' })
  fundingAgreementId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'The agreement the activity is carried out under, e.g. an IOP or a citizen promise (not necessarily the one that funds it); null clears it. Must be an agreement you may see. Set to the commitment\'s agreement when only `commitmentId` is given.',
  })
  @IsUUID('all', { message: 'agreementId is not an agreement id' })
  agreementId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'The commitment of a citizen promise the activity is carried out under; null clears it (the agreement stays). Must be a commitment you may see, of `agreementId` when both are given (else BAD_USER_INPUT); alone, it sets `agreementId` to its agreement.',
  })
  @IsUUID('all', { message: 'commitmentId is not a commitment id' })
  commitmentId?: string | null;

  @Field(() => [ID], {
    nullable: true,
    description: `Ids of the actors that may see the internal fields when \`visibility\` is SHARED (at most ${MAX_SHARED_WITH}). On update, replaces them; null clears them.`,
  })
  @ArrayMaxSize(MAX_SHARED_WITH)
  @IsUUID('all', { each: true, message: 'sharedWithIds must hold actor ids' })
  sharedWithIds?: string[] | null;
}

@InputType({ description: 'A new activity.' })
export class CreateActivityInput extends ActivityDetailsInput {
  @Field({ description: 'Title (1–200 characters).' })
  @MinLength(1)
  @MaxLength(200)
  title: string;

  @Field(() => ActivityKind, { description: 'What kind of activity this is.' })
  kind: ActivityKind;

  @Field(() => [ID], { description: `Ids of the actors that organise the activity (1–${MAX_ORGANISERS}).` })
  @ArrayMinSize(1, { message: 'organiserIds must name at least one organiser' })
  @ArrayMaxSize(MAX_ORGANISERS)
  @IsUUID('all', { each: true, message: 'organiserIds must hold actor ids' })
  organiserIds: string[];

  @Field(() => ID, { description: 'Code of the primary area the activity takes place in, e.g. "1480-angered" (its `area`).' })
  @Matches(AREA_CODE_PATTERN, { message: 'areaCode is not an area code' })
  areaCode: string;

  @Field(() => [ID], {
    nullable: true,
    description: `Every area the activity takes place in (at most ${MAX_ACTIVITY_AREAS}), e.g. several districts; \`areaCode\` is always one of them (added when left out). Only \`areaCode\` when left out.`,
  })
  @ArrayMaxSize(MAX_ACTIVITY_AREAS)
  @Matches(AREA_CODE_PATTERN, { each: true, message: 'areaCodes must hold area codes' })
  areaCodes?: string[] | null;

  @Field(() => GraphQLLocalDate, { description: 'First day of the activity.' })
  startsOn: string;

  @Field(() => [TargetGroup], { description: 'Who the activity is for (at least one group).' })
  @ArrayMinSize(1, { message: 'targetGroups must name at least one group' })
  targetGroups: TargetGroup[];

  @Field(() => InternalClassification, {
    defaultValue: InternalClassification.NOT_CLASSIFIED,
    description: 'INTERNAL classification for the parties\' planning and follow-up; never shown to the public.',
  })
  internalClassification: InternalClassification = InternalClassification.NOT_CLASSIFIED;

  @Field(() => Visibility, {
    defaultValue: Visibility.OWNER,
    description: 'Who may see the internal fields; only your organisation unless you choose otherwise. The activity itself is always public.',
  })
  visibility: Visibility = Visibility.OWNER;
}

@InputType({ description: 'Changes to an activity: fields left out stay as they are, null clears an optional field.' })
export class UpdateActivityInput extends ActivityDetailsInput {
  @Field(() => String, { nullable: true, description: 'New title (1–200 characters).' })
  @MinLength(1)
  @MaxLength(200)
  title?: string | null;

  @Field(() => ActivityKind, { nullable: true, description: 'New kind.' })
  kind?: ActivityKind | null;

  @Field(() => [ID], { nullable: true, description: `New organisers (1–${MAX_ORGANISERS} actor ids); replaces them.` })
  @ArrayMinSize(1, { message: 'organiserIds must name at least one organiser' })
  @ArrayMaxSize(MAX_ORGANISERS)
  @IsUUID('all', { each: true, message: 'organiserIds must hold actor ids' })
  organiserIds?: string[] | null;

  @Field(() => ID, { nullable: true, description: 'New primary area code. Replaces the old primary area among `areas` (unless `areaCodes` is given too).' })
  @Matches(AREA_CODE_PATTERN, { message: 'areaCode is not an area code' })
  areaCode?: string | null;

  @Field(() => [ID], {
    nullable: true,
    description: `Every area the activity takes place in (at most ${MAX_ACTIVITY_AREAS}); replaces them. The primary area (\`areaCode\`) is always one of them (added when left out); null leaves only it.`,
  })
  @ArrayMaxSize(MAX_ACTIVITY_AREAS)
  @Matches(AREA_CODE_PATTERN, { each: true, message: 'areaCodes must hold area codes' })
  areaCodes?: string[] | null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'New first day.' })
  startsOn?: string | null;

  @Field(() => [TargetGroup], { nullable: true, description: 'New target groups (at least one); replaces them.' })
  @ArrayMinSize(1, { message: 'targetGroups must name at least one group' })
  targetGroups?: TargetGroup[] | null;

  @Field(() => InternalClassification, {
    nullable: true,
    description: 'New INTERNAL classification for the parties\' planning and follow-up; never shown to the public.',
  })
  internalClassification?: InternalClassification | null;

  @Field(() => Visibility, { nullable: true, description: 'Who may see the internal fields from now on.' })
  visibility?: Visibility | null;
}
