import { ArrayMaxSize, IsUUID, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { AREA_CODE_PATTERN, AreaScope, EXTERNAL_ID_INPUT_DESCRIPTION, IsExternalId, Visibility } from '@samverkan/federation';
import { NestedListArgs } from '@samverkan/platform';
import { ObservationCategory, SituationLevel, Trend } from './situation-report';

export const MAX_OBSERVATIONS = 30;
export const MAX_SHARED_WITH = 50;

@InputType({ description: 'Which situation reports to list; all conditions must hold.' })
export class SituationReportFilter {
  @Field(() => ID, { nullable: true, description: 'Only reports about this area (see `areaScope`).' })
  @Matches(AREA_CODE_PATTERN, { message: 'areaCode is not an area code' })
  areaCode?: string;

  @Field(() => AreaScope, { defaultValue: AreaScope.WITHIN, description: 'How `areaCode` matches.' })
  areaScope: AreaScope = AreaScope.WITHIN;

  @Field(() => [SituationLevel], { nullable: true, description: 'Only reports whose overall level is one of these.' })
  levels?: SituationLevel[];

  @Field(() => [Trend], { nullable: true, description: 'Only reports whose overall trend is one of these.' })
  trends?: Trend[];

  @Field(() => [ObservationCategory], { nullable: true, description: 'Only reports with at least one observation in one of these categories.' })
  categories?: ObservationCategory[];

  @Field(() => ID, { nullable: true, description: 'Only reports written by this actor.' })
  @IsUUID('all', { message: 'reportedById is not an actor id' })
  reportedById?: string;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Only reports whose period ends on or after this day.' })
  from?: string;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Only reports whose period starts on or before this day.' })
  to?: string;

  @Field({ nullable: true, description: 'Only reports whose summary contains this text (case-insensitive).' })
  @MaxLength(200)
  text?: string;
}

@InputType({ description: 'One observation of a situation report, at area level (no names, no identity numbers).' })
export class ObservationInput {
  @Field(() => ObservationCategory, { description: 'What the observation is about.' })
  category: ObservationCategory;

  @Field(() => SituationLevel, { description: 'How serious this aspect of the situation is judged to be.' })
  level: SituationLevel;

  @Field(() => Trend, { description: 'Which way this aspect is going, compared with the previous period.' })
  trend: Trend;

  @Field({ description: 'What was observed (up to 2000 characters); refused if it looks like it contains a personal identity number.' })
  @MaxLength(2000)
  description: string;
}

@InputType({ description: 'A new situation report.' })
export class CreateSituationReportInput {
  @Field(() => ID, { description: 'Code of the area the report is about, e.g. "0180-rinkeby-kista".' })
  @Matches(AREA_CODE_PATTERN, { message: 'areaCode is not an area code' })
  areaCode: string;

  @Field(() => GraphQLLocalDate, { description: 'First day of the period the report describes.' })
  periodStart: string;

  @Field(() => GraphQLLocalDate, { description: 'Last day of the period; not before `periodStart`.' })
  periodEnd: string;

  @Field(() => ID, {
    nullable: true,
    description:
      "The actor writing the report: your own organisation, which owns the report (a party reports only for itself; another actor is FORBIDDEN). Defaults to your organisation.",
  })
  @IsUUID('all', { message: 'reportedById is not an actor id' })
  reportedById?: string;

  @Field(() => SituationLevel, { description: 'Overall assessment of the situation in the area.' })
  level: SituationLevel;

  @Field(() => Trend, { description: 'Overall direction compared with the previous period.' })
  trend: Trend;

  @Field({ description: 'Summary (1–4000 characters), at area level; refused if it looks like it contains a personal identity number.' })
  @MinLength(1)
  @MaxLength(4000)
  summary: string;

  @Field(() => [ObservationInput], { defaultValue: [], description: `Observations, in order (at most ${MAX_OBSERVATIONS}).` })
  @ArrayMaxSize(MAX_OBSERVATIONS)
  @ValidateNested({ each: true })
  observations: ObservationInput[];

  @Field(() => Visibility, {
    defaultValue: Visibility.OWNER,
    description: 'Who may see the report (and its observations). OWNER, only your organisation, unless you choose otherwise.',
  })
  visibility: Visibility;

  @Field(() => [ID], {
    nullable: true,
    description: `With visibility SHARED: the organisations (Actor ids, at most ${MAX_SHARED_WITH}) that may see the report.`,
  })
  @ArrayMaxSize(MAX_SHARED_WITH)
  @IsUUID('all', { each: true, message: 'sharedWithIds holds something that is not an actor id' })
  sharedWithIds?: string[];

  @Field(() => ID, {
    nullable: true,
    description:
      'An observation template to follow: one you may see, for the report\'s area or an area containing it; every observation must then be in its categories (else BAD_USER_INPUT, nothing written).',
  })
  @IsUUID('all', { message: 'templateId is not a template id' })
  templateId?: string | null;

  @Field(() => String, { nullable: true, description: EXTERNAL_ID_INPUT_DESCRIPTION })
  @IsExternalId()
  externalId?: string | null;
}

@InputType({ description: 'Changes to a situation report: fields left out stay as they are; required fields cannot be cleared.' })
export class UpdateSituationReportInput {
  @Field(() => ID, { nullable: true, description: 'New area code.' })
  @Matches(AREA_CODE_PATTERN, { message: 'areaCode is not an area code' })
  areaCode?: string | null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'New first day of the period.' })
  periodStart?: string | null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'New last day of the period; not before the (new or current) `periodStart`.' })
  periodEnd?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The reporting actor; it is the owner and cannot be changed (another actor is FORBIDDEN).',
    deprecationReason: 'The reporting actor is the owner and cannot be changed.',
  })
  @IsUUID('all', { message: 'reportedById is not an actor id' })
  reportedById?: string | null;

  @Field(() => SituationLevel, { nullable: true, description: 'New overall level.' })
  level?: SituationLevel | null;

  @Field(() => Trend, { nullable: true, description: 'New overall trend.' })
  trend?: Trend | null;

  @Field(() => String, { nullable: true, description: 'New summary (1–4000 characters).' })
  @MinLength(1)
  @MaxLength(4000)
  summary?: string | null;

  @Field(() => [ObservationInput], {
    nullable: true,
    description: `When given, replaces all observations (at most ${MAX_OBSERVATIONS}); an empty list or null removes them all.`,
  })
  @ArrayMaxSize(MAX_OBSERVATIONS)
  @ValidateNested({ each: true })
  observations?: ObservationInput[] | null;

  @Field(() => Visibility, { nullable: true, description: 'Who may see the report from now on.' })
  visibility?: Visibility | null;

  @Field(() => [ID], {
    nullable: true,
    description: `When given, replaces the organisations (at most ${MAX_SHARED_WITH}) a SHARED report is shown to; an empty list or null removes them all.`,
  })
  @ArrayMaxSize(MAX_SHARED_WITH)
  @IsUUID('all', { each: true, message: 'sharedWithIds holds something that is not an actor id' })
  sharedWithIds?: string[] | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'A new observation template to follow (null: none). The report\'s (new or current) observations and area are checked against the (new or current) template.',
  })
  @IsUUID('all', { message: 'templateId is not a template id' })
  templateId?: string | null;

  @Field(() => String, { nullable: true, description: EXTERNAL_ID_INPUT_DESCRIPTION })
  @IsExternalId()
  externalId?: string | null;
}

/** The arguments of `Area.situationReports`: the scope and a bound. */
@ArgsType()
export class AreaReportsArgs extends NestedListArgs {
  @Field(() => AreaScope, {
    defaultValue: AreaScope.WITHIN,
    description: 'Include reports about sub-areas (WITHIN) or also about wider areas containing this one (OVERLAPPING).',
  })
  scope: AreaScope = AreaScope.WITHIN;
}
