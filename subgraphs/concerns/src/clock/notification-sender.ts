import { DataSource } from 'typeorm';
import { Clock, logger } from '@samverkan/platform';
import { TeamRole } from '../teams/team-vocabulary';
import { NotificationKind } from './concern-notification';

/**
 * What a sender is told: that a concern awaits action by a team line, never what the concern says
 * (docs/dpia-concerns.md §7). The recipient opens the system, signed in, to read it.
 */
export interface Notice {
  kind: NotificationKind;
  concernId: string;
  /** The registry's contact function of the team line: where the sender looks up the address. */
  contactFunctionId: string;
  actorId: string;
  role: TeamRole;
  queuedAt: Date;
}

/**
 * Where notifications go. `logSender` is the default; an e-mail or SMS adapter implements the same
 * interface: it resolves the contact function's address in the registry (its phone or e-mail channel),
 * sends a fixed text ("Ett ärende väntar på er i Samverkan", and a link to the concern), and rejects
 * when the message was not accepted, so the notification is tried again later. It must not add content.
 */
export interface NotificationSender {
  name: string;
  send(notice: Notice): Promise<void>;
}

/** Writes each notification as a log line: the embedded default, and a trail for operators. */
export const logSender: NotificationSender = {
  name: 'log',
  send: async (notice) => logger.info({ notice }, `concern notification ${notice.kind} to contact function ${notice.contactFunctionId}`),
};

/** Notifications sent per transaction. */
const BATCH = 100;

/**
 * Sends every queued notification that is due: new ones at once; one whose sending failed `n` times
 * again 2^n − 1 minutes after it was queued (1, 3, 7, 15... minutes), by the clock. Rows are taken with
 * SKIP LOCKED, so workers in several processes never send one twice; a sent one gets `sent_at`, a
 * failed one one more attempt, and waits for a later tick.
 */
export async function deliverNotifications(dataSource: DataSource, clock: Clock, sender: NotificationSender): Promise<void> {
  for (;;) {
    const taken = await dataSource.transaction(async (manager) => {
      const now = clock.now();
      const rows: Array<Notice & { id: string }> = await manager.query(
        `SELECT id, kind, concern_id AS "concernId", contact_function_id AS "contactFunctionId", actor_id AS "actorId", role, queued_at AS "queuedAt"
           FROM concern_notifications
          WHERE sent_at IS NULL AND queued_at + (power(2, least(attempts, 20)) - 1) * interval '1 minute' <= $1
          ORDER BY queued_at, id
          LIMIT ${BATCH}
          FOR UPDATE SKIP LOCKED`,
        [now],
      );
      const results = await Promise.allSettled(rows.map(({ id: _id, ...notice }) => sender.send(notice)));
      const sent = rows.filter((_, index) => results[index].status === 'fulfilled').map((row) => row.id);
      const failed = rows.filter((_, index) => results[index].status === 'rejected').map((row) => row.id);
      results.forEach((result, index) => {
        if (result.status === 'rejected') logger.warn({ err: result.reason, notification: rows[index].id }, `concern notification not sent by ${sender.name}; tried again later`);
      });
      if (sent.length) await manager.query('UPDATE concern_notifications SET sent_at = $2 WHERE id = ANY($1)', [sent, now]);
      if (failed.length) await manager.query('UPDATE concern_notifications SET attempts = attempts + 1 WHERE id = ANY($1)', [failed]);
      return { count: rows.length, sent: sent.length };
    });
    // Stops at the end, and when a batch all failed (the sender is down: the next tick tries again).
    if (taken.count < BATCH || taken.sent === 0) return;
  }
}
