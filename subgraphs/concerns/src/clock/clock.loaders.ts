import { DataSource } from 'typeorm';
import { groupLoader } from '@samverkan/platform';
import { ConcernDeadline } from './concern-deadline';
import { ConcernNotification } from './concern-notification';

/** Per-request loaders of the clock's rows, asked for only from concerns the viewer has read (and the read audited). */
export function clockLoaders(dataSource: DataSource) {
  return {
    /** The four points of each concern's clock, in order. */
    concernDeadlines: groupLoader<string, ConcernDeadline>(async (concernIds) =>
      (
        await dataSource
          .getRepository(ConcernDeadline)
          .createQueryBuilder('d')
          .where('d.concern_id = ANY(:concernIds)', { concernIds })
          .orderBy('d.due_at')
          .addOrderBy('d.id')
          .getMany()
      ).map((deadline) => [deadline.concernId, deadline]),
    ),
    /** The notifications of each concern, oldest first (at most one per line and point: bounded by the team's size). */
    concernNotifications: groupLoader<string, ConcernNotification>(async (concernIds) =>
      (
        await dataSource
          .getRepository(ConcernNotification)
          .createQueryBuilder('n')
          .where('n.concern_id = ANY(:concernIds)', { concernIds })
          .orderBy('n.queued_at')
          .addOrderBy(`array_position(ARRAY['LEAD', 'BACKUP', 'MEMBER', 'COORDINATOR'], n.role)`)
          .addOrderBy('n.contact_function_id')
          .getMany()
      ).map((notification) => [notification.concernId, notification]),
    ),
  };
}
