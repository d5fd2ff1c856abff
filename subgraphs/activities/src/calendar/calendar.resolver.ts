import { Arg, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Activity } from '../activity';
import { ActivityCalendarFilter, activityCalendarUrl, assertCalendarFilter, listCalendarUrl, MAX_CALENDAR_ACTIVITIES } from './calendar-filter';

/** Where a parent's calendar gets activities from: iCalendar files this subgraph serves (calendar.routes.ts). */
@Resolver(() => Activity)
export class ActivityCalendarResolver {
  @FieldResolver(() => String, {
    description:
      'The activity as an iCalendar file (RFC 5545, `text/calendar`) for "Lägg till i kalendern": an absolute URL, public (no token), with the schedule, its exceptions and only what the public sees.',
  })
  calendarUrl(@Root() activity: Activity): string {
    return activityCalendarUrl(activity.id);
  }

  @Query(() => String, {
    description: `The address of a calendar subscription (iCalendar, RFC 5545) to the activities matching \`filter\` that have not ended, newest start first, at most ${MAX_CALENDAR_ACTIVITIES}: a phone's calendar fetches it again now and then. The same activities as the \`activities\` query with the same values and \`from\` today. Public. BAD_USER_INPUT for a malformed area code or ages outside 0–120.`,
  })
  async activityCalendarUrl(
    @Arg('filter', () => ActivityCalendarFilter, { nullable: true, description: 'Which activities; all that have not ended when left out.' }) filter: ActivityCalendarFilter | undefined,
  ): Promise<string> {
    await assertCalendarFilter(filter ?? {});
    return listCalendarUrl(filter ?? {});
  }
}
