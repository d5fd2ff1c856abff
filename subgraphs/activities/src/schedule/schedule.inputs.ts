import { ArrayMaxSize, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { GraphQLLocalDate, GraphQLLocalTime } from 'graphql-scalars';
import { MAX_RECURRENCE_LENGTH, STORED_DAYS_AFTER, STORED_DAYS_BEFORE } from './occurrences';
import { Weekday } from './schedule.types';

/** Whole minutes: occurrences are planned to the minute. */
const WHOLE_MINUTES = /^([01]\d|2[0-3]):[0-5]\d(:00(\.0+)?)?$/;
export const MAX_EXCLUDED_DATES = 100;
export const MAX_CANCELLATIONS = 100;
/** The widest window `occurrences` and the occurrence filter take, in days. */
export const MAX_OCCURRENCE_WINDOW_DAYS = 366;
/** The most occurrences `occurrences` lists. */
export const MAX_OCCURRENCES = 100;
export const DEFAULT_OCCURRENCES = 20;
/** The window `occurrences` lists when `to` is left out: four weeks. */
export const DEFAULT_OCCURRENCE_WINDOW_DAYS = 27;

@InputType({ description: 'An occurrence to cancel: still listed, marked cancelled, with an optional public note.' })
export class OccurrenceCancellationInput {
  @Field(() => GraphQLLocalDate, { description: 'The day (in Sweden) the occurrence starts; must be a day the schedule has an occurrence on.' })
  date: string;

  @Field(() => String, { nullable: true, description: 'A note for the public (up to 500 characters), e.g. "Inställt på grund av skollovet".' })
  @MaxLength(500)
  note?: string | null;
}

@InputType({
  description:
    'When an activity takes place within its period: times of day in Sweden (Europe/Stockholm), an RFC 5545 recurrence rule, excluded days and cancellations. Replaces the whole schedule.',
})
export class ActivityScheduleInput {
  @Field(() => GraphQLLocalTime, { description: 'When each occurrence starts, local time in Sweden (HH:mm, whole minutes).' })
  @Matches(WHOLE_MINUTES, { message: 'startTime must be a time of day in whole minutes (HH:mm)' })
  startTime: string;

  @Field(() => GraphQLLocalTime, {
    nullable: true,
    description: 'When each occurrence ends, local time in Sweden (HH:mm, whole minutes); at or before `startTime` means the next day.',
  })
  @Matches(WHOLE_MINUTES, { message: 'endTime must be a time of day in whole minutes (HH:mm)' })
  endTime?: string | null;

  @Field(() => String, {
    nullable: true,
    description: `An RFC 5545 RRULE value (up to ${MAX_RECURRENCE_LENGTH} characters), e.g. "FREQ=WEEKLY;BYDAY=TU,TH": FREQ DAILY, WEEKLY, MONTHLY or YEARLY, without DTSTART, TZID, BYHOUR, BYMINUTE or BYSECOND (the period and times give them). Null for a single occurrence.`,
  })
  recurrence?: string | null;

  @Field(() => [GraphQLLocalDate], {
    nullable: true,
    description: `Days (at most ${MAX_EXCLUDED_DATES}) on which the rule's occurrence does not take place and is not listed; each must be a day the schedule has an occurrence on.`,
  })
  @ArrayMaxSize(MAX_EXCLUDED_DATES)
  excludedDates?: string[] | null;

  @Field(() => [OccurrenceCancellationInput], {
    nullable: true,
    description: `Occurrences (at most ${MAX_CANCELLATIONS}) to show as cancelled, each on a day the schedule has an occurrence on and not excluded.`,
  })
  @ArrayMaxSize(MAX_CANCELLATIONS)
  @ValidateNested()
  cancellations?: OccurrenceCancellationInput[] | null;
}

@InputType({
  description: `Keeps the activities with an occurrence that takes place (not cancelled) matching all the conditions given. Occurrences are known from ${STORED_DAYS_BEFORE} days before to ${STORED_DAYS_AFTER} days after the day they were stored: when the activity changes, and daily once that is 30 days ago.`,
})
export class OccurrenceFilter {
  @Field(() => GraphQLLocalDate, { nullable: true, description: `An occurrence starting on or after this day (in Sweden). With \`to\`, at most ${MAX_OCCURRENCE_WINDOW_DAYS} days.` })
  from?: string;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'An occurrence starting on or before this day (in Sweden); not before `from`.' })
  to?: string;

  @Field(() => [Weekday], { nullable: true, description: 'An occurrence starting on one of these days of the week.' })
  weekdays?: Weekday[];

  @Field(() => GraphQLLocalTime, { nullable: true, description: 'An occurrence starting at or after this time of day in Sweden (HH:mm).' })
  @Matches(WHOLE_MINUTES, { message: 'startingFrom must be a time of day in whole minutes (HH:mm)' })
  startingFrom?: string;

  @Field(() => GraphQLLocalTime, { nullable: true, description: 'An occurrence starting at or before this time of day in Sweden (HH:mm).' })
  @Matches(WHOLE_MINUTES, { message: 'startingUntil must be a time of day in whole minutes (HH:mm)' })
  startingUntil?: string;
}

@ArgsType()
export class OccurrencesArgs {
  @Field(() => GraphQLLocalDate, { nullable: true, description: 'The first day (in Sweden) whose occurrences are listed; today when left out.' })
  from?: string | null;

  @Field(() => GraphQLLocalDate, {
    nullable: true,
    description: `The last day listed, not before \`from\` and at most ${MAX_OCCURRENCE_WINDOW_DAYS} days after it; ${DEFAULT_OCCURRENCE_WINDOW_DAYS} days after \`from\` (four weeks) when left out.`,
  })
  to?: string | null;

  @Field(() => Int, { defaultValue: DEFAULT_OCCURRENCES, description: `At most this many occurrences (1–${MAX_OCCURRENCES}), the earliest first.` })
  @Min(1)
  @Max(MAX_OCCURRENCES)
  first: number = DEFAULT_OCCURRENCES;
}
