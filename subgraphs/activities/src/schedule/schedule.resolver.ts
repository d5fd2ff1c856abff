import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { todayInSweden } from '@samverkan/federation';
import { SubgraphContext } from '@samverkan/platform';
import { Activity } from '../activity';
import { ActivitiesLoaders } from '../loaders';
import { addDays, nextOccurrence, occurrencesBetween } from './occurrences';
import { scheduleOf, scheduleView, assertOccurrenceWindow } from './schedule';
import { DEFAULT_OCCURRENCE_WINDOW_DAYS, OccurrencesArgs } from './schedule.inputs';
import { ActivityOccurrence, ActivitySchedule } from './schedule.types';

type Context = SubgraphContext<ActivitiesLoaders>;

/**
 * When an activity takes place. Computed from the activity's own row (no statement of its own), so a
 * list's occurrences cost nothing more however long the list; public, like the activity.
 */
@Resolver(() => Activity)
export class ActivityScheduleResolver {
  @FieldResolver(() => ActivitySchedule, { nullable: true, description: 'When the activity takes place within its period; null when it has dates only.' })
  schedule(@Root() activity: Activity): ActivitySchedule | null {
    return scheduleView(activity);
  }

  @FieldResolver(() => [ActivityOccurrence], {
    description:
      'The occurrences starting on the days `from` to `to` (in Sweden), earliest first, at most `first`: cancelled ones included (marked, with their note), excluded days left out. Empty when the activity has no schedule. BAD_USER_INPUT when `to` is before `from` or more than 366 days after it, or `first` is outside 1–100.',
  })
  occurrences(@Root() activity: Activity, @Args(() => OccurrencesArgs) args: OccurrencesArgs, @Ctx() { clock }: Context): ActivityOccurrence[] {
    const from = args.from ?? todayInSweden(clock.now());
    const to = args.to ?? addDays(from, DEFAULT_OCCURRENCE_WINDOW_DAYS);
    assertOccurrenceWindow(from, to, { from: 'from', to: 'to' });
    const schedule = scheduleOf(activity);
    return schedule ? occurrencesBetween(schedule, from, to, args.first) : [];
  }

  @FieldResolver(() => ActivityOccurrence, {
    nullable: true,
    description:
      'The next occurrence that takes place (cancelled ones skipped) and has not ended yet (one under way counts), within about two years; null when there is none or the activity has no schedule.',
  })
  nextOccurrence(@Root() activity: Activity, @Ctx() { clock }: Context): ActivityOccurrence | null {
    const schedule = scheduleOf(activity);
    return schedule && nextOccurrence(schedule, clock.now());
  }
}
