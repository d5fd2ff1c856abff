import { ArrayMaxSize, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { ArgsType, Field, Float, ID, InputType, Int } from 'type-graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { AREA_CODE_PATTERN, MAX_AGE } from '@samverkan/federation';
import { NESTED_LIST_DEFAULT, NESTED_LIST_MAX, nestedFirstDescription } from '@samverkan/platform';
import { MAX_COMMITMENTS } from './commitment';
import { ConsultationMethod, MAX_THEMES } from './consultation';
import { CommitmentStatus } from './follow-up';

/** Fields a commitment may be given on add and on update. */
@InputType()
abstract class CommitmentDetailsInput {
  @Field(() => String, { nullable: true, description: 'What the owner party will do (up to 4000 characters).' })
  @MaxLength(4000)
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'The unit of the indicator (up to 40 characters), e.g. "%" or "antal".' })
  @MaxLength(40)
  unit?: string | null;

  @Field(() => Float, { nullable: true, description: "The indicator's value when the promise was made; null when unknown." })
  baseline?: number | null;

  @Field(() => Float, { nullable: true, description: 'The value the indicator should reach. A commitment needs `target`, `targetText` or both.' })
  target?: number | null;

  @Field(() => String, { nullable: true, description: 'The target in words (up to 500 characters). A commitment needs `target`, `targetText` or both.' })
  @MaxLength(500)
  targetText?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: `Where the commitment stands in the promise (1–${MAX_COMMITMENTS}); left out on add, it comes last.`,
  })
  @Min(1)
  @Max(MAX_COMMITMENTS)
  position?: number | null;
}

@InputType({ description: `A new commitment of a citizen promise (at most ${MAX_COMMITMENTS} per promise).` })
export class AddCommitmentInput extends CommitmentDetailsInput {
  @Field({ description: 'What is promised, in a few words (1–200 characters).' })
  @MinLength(1)
  @MaxLength(200)
  title: string;

  @Field(() => ID, { description: 'The party that owns the commitment: one of the organisations the promise names as a party. A commitment always has an owner.' })
  @IsUUID('all', { message: 'ownerPartyId is not an actor id' })
  ownerPartyId: string;

  @Field({ description: 'What is measured to follow the commitment up (1–500 characters).' })
  @MinLength(1)
  @MaxLength(500)
  indicator: string;
}

@InputType({ description: 'Changes to a commitment: fields left out stay as they are, null clears an optional field.' })
export class UpdateCommitmentInput extends CommitmentDetailsInput {
  @Field(() => String, { nullable: true, description: 'New title (1–200 characters); cannot be null.' })
  @MinLength(1)
  @MaxLength(200)
  title?: string | null;

  @Field(() => ID, { nullable: true, description: 'New owner party, one of the promise\'s parties; cannot be null: a commitment always has an owner.' })
  @IsUUID('all', { message: 'ownerPartyId is not an actor id' })
  ownerPartyId?: string | null;

  @Field(() => String, { nullable: true, description: 'New indicator (1–500 characters); cannot be null.' })
  @MinLength(1)
  @MaxLength(500)
  indicator?: string | null;
}

/** Fields a consultation may be given on add and on update. */
@InputType()
abstract class ConsultationDetailsInput {
  @Field(() => Int, { nullable: true, description: `Age of the youngest young participants (0–${MAX_AGE}).` })
  @Min(0)
  @Max(MAX_AGE)
  youngAgeMin?: number | null;

  @Field(() => Int, { nullable: true, description: `Age of the oldest young participants (0–${MAX_AGE}), not below \`youngAgeMin\`.` })
  @Min(0)
  @Max(MAX_AGE)
  youngAgeMax?: number | null;

  @Field(() => String, { nullable: true, description: 'What came out of it (up to 4000 characters), at group level; text that looks like a personal identity number is refused.' })
  @MaxLength(4000)
  summary?: string | null;
}

@InputType({ description: 'A consultation behind a citizen promise. Counts and themes only: no personal data.' })
export class AddConsultationInput extends ConsultationDetailsInput {
  @Field(() => GraphQLLocalDate, { description: 'The day it was held (not in the future).' })
  heldOn: string;

  @Field(() => ID, { description: 'Code of the area it was held in: one of the promise\'s areas or within one, known to the registry.' })
  @Matches(AREA_CODE_PATTERN, { message: 'areaCode is not an area code' })
  areaCode: string;

  @Field(() => ConsultationMethod, { description: 'How young people were heard.' })
  method: ConsultationMethod;

  @Field(() => Int, { description: 'How many took part, of every age (0 or more).' })
  @Min(0)
  participants: number;

  @Field(() => Int, { description: 'How many of them were young (0 or more, at most `participants`).' })
  @Min(0)
  youngParticipants: number;

  @Field(() => [String], {
    defaultValue: [],
    description: `The themes raised (at most ${MAX_THEMES}, each 1–200 characters); text that looks like a personal identity number is refused.`,
  })
  @ArrayMaxSize(MAX_THEMES)
  @MinLength(1, { each: true })
  @MaxLength(200, { each: true })
  themes: string[];
}

@InputType({ description: 'Changes to a consultation: fields left out stay as they are, null clears an optional field.' })
export class UpdateConsultationInput extends ConsultationDetailsInput {
  @Field(() => GraphQLLocalDate, { nullable: true, description: 'New day it was held (not in the future); cannot be null.' })
  heldOn?: string | null;

  @Field(() => ID, { nullable: true, description: 'New area code, as on add; cannot be null.' })
  @Matches(AREA_CODE_PATTERN, { message: 'areaCode is not an area code' })
  areaCode?: string | null;

  @Field(() => ConsultationMethod, { nullable: true, description: 'New way young people were heard; cannot be null.' })
  method?: ConsultationMethod | null;

  @Field(() => Int, { nullable: true, description: 'New count of participants; cannot be null.' })
  @Min(0)
  participants?: number | null;

  @Field(() => Int, { nullable: true, description: 'New count of young participants, at most `participants`; cannot be null.' })
  @Min(0)
  youngParticipants?: number | null;

  @Field(() => [String], { nullable: true, description: `When given, replaces the themes (at most ${MAX_THEMES}, each 1–200 characters); \`[]\` clears them.` })
  @ArrayMaxSize(MAX_THEMES)
  @MinLength(1, { each: true })
  @MaxLength(200, { each: true })
  themes?: string[] | null;
}

@InputType({ description: 'A follow-up report on a commitment. Reports are never changed: a correction is a new report.' })
export class CommitmentFollowUpInput {
  @Field(() => GraphQLLocalDate, { nullable: true, description: 'The day of the report (not in the future); today in Sweden when left out.' })
  reportedOn?: string | null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'First day of the period the report covers.' })
  periodFrom?: string | null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Last day of the period the report covers, not before `periodFrom` nor after the day of the report.' })
  periodTo?: string | null;

  @Field(() => CommitmentStatus, { description: 'Where the commitment stands.' })
  status: CommitmentStatus;

  @Field(() => Float, { nullable: true, description: "The indicator's value now, in the commitment's unit." })
  indicatorValue?: number | null;

  @Field(() => String, { nullable: true, description: 'What was done and what the reporters see (up to 2000 characters), at group level; text that looks like a personal identity number is refused.' })
  @MaxLength(2000)
  comment?: string | null;
}

/** `Agreement.consultations`: a bound. */
@ArgsType()
export class ConsultationsArgs {
  @Field(() => Int, { defaultValue: NESTED_LIST_DEFAULT, description: nestedFirstDescription('consultations', 'the most recently held first.') })
  @Min(1)
  @Max(NESTED_LIST_MAX)
  first: number = NESTED_LIST_DEFAULT;
}

/** `Commitment.followUps`: a bound. */
@ArgsType()
export class FollowUpsArgs {
  @Field(() => Int, {
    defaultValue: NESTED_LIST_DEFAULT,
    description: nestedFirstDescription('reports', 'the oldest first, so the list is the series over time; `latestFollowUp` is the newest.'),
  })
  @Min(1)
  @Max(NESTED_LIST_MAX)
  first: number = NESTED_LIST_DEFAULT;
}
