import { Field, GraphQLISODateTime, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLLocalDate, GraphQLLocalTime } from 'graphql-scalars';
import { SWEDISH_TIME_ZONE } from '@samverkan/federation';

export enum Weekday {
  MONDAY = 'MONDAY',
  TUESDAY = 'TUESDAY',
  WEDNESDAY = 'WEDNESDAY',
  THURSDAY = 'THURSDAY',
  FRIDAY = 'FRIDAY',
  SATURDAY = 'SATURDAY',
  SUNDAY = 'SUNDAY',
}

registerEnumType(Weekday, { name: 'Weekday', description: 'A day of the week, in Sweden.' });

/** ISO 8601 weekday numbers (Monday 1 … Sunday 7), as PostgreSQL's `isodow` counts them. */
export const ISO_WEEKDAY: Record<Weekday, number> = {
  MONDAY: 1,
  TUESDAY: 2,
  WEDNESDAY: 3,
  THURSDAY: 4,
  FRIDAY: 5,
  SATURDAY: 6,
  SUNDAY: 7,
};

@ObjectType({ description: 'An occurrence that is cancelled: it is still listed, marked as cancelled, with a note for the public.' })
export class OccurrenceCancellation {
  @Field(() => GraphQLLocalDate, { description: 'The day (in Sweden) the cancelled occurrence would have started.' })
  date: string;

  @Field(() => String, { nullable: true, description: 'A note for the public, e.g. "Inställt på grund av skollovet".' })
  note: string | null;
}

@ObjectType({
  description: `When an activity takes place within its period (\`startsOn\`–\`endsOn\`): times of day in Sweden (${SWEDISH_TIME_ZONE}) and an RFC 5545 recurrence rule.`,
})
export class ActivitySchedule {
  @Field(() => GraphQLLocalTime, { description: 'When each occurrence starts, local time in Sweden (HH:mm).' })
  startTime: string;

  @Field(() => GraphQLLocalTime, {
    nullable: true,
    description: 'When each occurrence ends, local time in Sweden (HH:mm); at or before `startTime` means the next day. Null when no end is given.',
  })
  endTime: string | null;

  @Field({ description: `The time zone of the times: always "${SWEDISH_TIME_ZONE}".` })
  timeZone: string;

  @Field(() => String, {
    nullable: true,
    description:
      'How the activity recurs: an RFC 5545 RRULE value such as "FREQ=WEEKLY;BYDAY=TU" or "FREQ=MONTHLY;BYDAY=1SA", expanded from `startsOn` and ending with `endsOn` (its own UNTIL or COUNT may end it earlier; UNTIL is read as a local time in Sweden). The first occurrence is the first day on or after `startsOn` that the rule matches. Null when the activity takes place once: from `startsOn` at `startTime` to `endsOn` (or the same day) at `endTime`.',
  })
  recurrence: string | null;

  @Field(() => [GraphQLLocalDate], { description: 'Days on which the rule\'s occurrence does not take place and is not listed (EXDATE), in order.' })
  excludedDates: string[];

  @Field(() => [OccurrenceCancellation], { description: 'Occurrences that are cancelled: listed, marked cancelled, with an optional public note; in order.' })
  cancellations: OccurrenceCancellation[];
}

@ObjectType({ description: 'One time an activity takes place (or would have, when cancelled).' })
export class ActivityOccurrence {
  @Field(() => GraphQLLocalDate, { description: 'The day (in Sweden) it starts: what `excludedDates` and cancellations refer to.' })
  date: string;

  @Field(() => GraphQLISODateTime, { description: 'When it starts (an instant; the local time is the schedule\'s `startTime` in Sweden).' })
  startsAt: Date;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When it ends; null when the schedule has no `endTime`.' })
  endsAt: Date | null;

  @Field({ description: 'Whether this occurrence is cancelled (see `note`).' })
  cancelled: boolean;

  @Field(() => String, { nullable: true, description: 'The public note of a cancellation; null otherwise.' })
  note: string | null;
}
