import { concernClockSettings } from '@samverkan/platform';
import { fireDueDeadlines } from './fire-deadlines';
import { deliverNotifications, NotificationSender } from './notification-sender';
import { PeriodicJob } from './periodic-job';

/** The clock's tick: fires the points that came due, then sends what is queued, every CONCERN_CLOCK_TICK_SECONDS. */
export function deadlineTick(sender: NotificationSender): PeriodicJob {
  return {
    queue: 'concern-deadline-tick',
    everySeconds: () => concernClockSettings().tickSeconds,
    run: async (dataSource, clock) => {
      await fireDueDeadlines(dataSource, clock);
      await deliverNotifications(dataSource, clock, sender);
    },
  };
}
