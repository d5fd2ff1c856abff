import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '@samverkan/platform';
import { appendAudit } from '../audit/audit-log';
import { ConcernRecipient } from '../concerns/concern-recipient';
import { ConcernStatus } from '../concerns/concern-vocabulary';
import { TeamRole } from '../teams/team-vocabulary';
import { DeadlineStep } from './concern-deadline';
import { ConcernNotification, NotificationKind } from './concern-notification';

/** Deadlines fired per transaction: a long backlog (after an outage) is worked off in bounded steps. */
const BATCH = 100;

/** Who a point of the clock tells, and why: each role of the activated team with the kind of its notification. */
const TOLD: Record<DeadlineStep, Partial<Record<TeamRole, NotificationKind>>> = {
  [DeadlineStep.REMINDER]: { [TeamRole.LEAD]: NotificationKind.REMINDER },
  [DeadlineStep.ESCALATE_BACKUPS]: { [TeamRole.BACKUP]: NotificationKind.ESCALATION },
  [DeadlineStep.ESCALATE_COORDINATOR]: { [TeamRole.COORDINATOR]: NotificationKind.ESCALATION, [TeamRole.LEAD]: NotificationKind.REMINDER },
  [DeadlineStep.BREACH]: { [TeamRole.COORDINATOR]: NotificationKind.BREACH, [TeamRole.LEAD]: NotificationKind.BREACH },
};

interface DueDeadline {
  id: string;
  concernId: string;
  step: DeadlineStep;
  dueAt: Date;
  answered: boolean;
}

/**
 * Fires every deadline due by the clock and not yet handled. A point whose concern has had its first
 * contact (or was closed) is only marked skipped; any other fires: its notifications are queued (the
 * outbox `deliverNotifications` empties), the breach is recorded on the concern (a new version), and
 * the audit log says so. Rows are taken with SKIP LOCKED, the concern with its deadline, so workers in
 * several processes never fire one twice, and a rerun finds nothing left to do.
 */
export async function fireDueDeadlines(dataSource: DataSource, clock: Clock): Promise<void> {
  while ((await dataSource.transaction((manager) => fireBatch(manager, clock.now()))) === BATCH);
}

/**
 * Fires one batch in the caller's transaction, of one concern's deadlines when `concernId` is given
 * (the demo seed replays a concern's history through it); returns how many deadlines it handled.
 */
export async function fireBatch(manager: EntityManager, now: Date, concernId: string | null = null): Promise<number> {
  const due: DueDeadline[] = await manager.query(
    `SELECT d.id, d.concern_id AS "concernId", d.step, d.due_at AS "dueAt",
            (c.first_contact_at IS NOT NULL OR c.status = $2) AS answered
       FROM concern_deadlines d JOIN concerns c ON c.id = d.concern_id
      WHERE d.due_at <= $1 AND d.fired_at IS NULL AND NOT d.skipped AND ($3::uuid IS NULL OR d.concern_id = $3)
      ORDER BY d.due_at, d.id
      LIMIT ${BATCH}
      FOR UPDATE OF d, c SKIP LOCKED`,
    [now, ConcernStatus.CLOSED, concernId],
  );
  if (!due.length) return 0;
  const skipped = due.filter((deadline) => deadline.answered);
  const fired = due.filter((deadline) => !deadline.answered);
  if (skipped.length) await manager.query('UPDATE concern_deadlines SET skipped = true WHERE id = ANY($1)', [skipped.map((d) => d.id)]);
  if (!fired.length) return due.length;

  await manager.query('UPDATE concern_deadlines SET fired_at = $2 WHERE id = ANY($1)', [fired.map((d) => d.id), now]);
  const breaches = fired.filter((deadline) => deadline.step === DeadlineStep.BREACH);
  if (breaches.length) {
    // A change of the concern like any other: a new version, so a writer holding the old one is refused.
    await manager.query(
      `UPDATE concerns c SET breached_at = b.due_at, version = c.version + 1, updated_at = CURRENT_TIMESTAMP
         FROM unnest($1::uuid[], $2::timestamptz[]) AS b(concern_id, due_at) WHERE c.id = b.concern_id`,
      [breaches.map((d) => d.concernId), breaches.map((d) => d.dueAt)],
    );
  }
  const recipients = await manager
    .getRepository(ConcernRecipient)
    .createQueryBuilder('r')
    .where('r.concern_id = ANY(:ids)', { ids: [...new Set(fired.map((d) => d.concernId))] })
    .orderBy('r.contact_function_id')
    .getMany();
  const notifications = fired.flatMap((deadline) =>
    recipients
      .filter((recipient) => recipient.concernId === deadline.concernId && TOLD[deadline.step][recipient.role])
      .map((recipient) => ({
        concernId: deadline.concernId,
        deadlineId: deadline.id,
        kind: TOLD[deadline.step][recipient.role]!,
        contactFunctionId: recipient.contactFunctionId,
        actorId: recipient.actorId,
        role: recipient.role,
        queuedAt: deadline.dueAt,
      })),
  );
  if (notifications.length) await manager.getRepository(ConcernNotification).insert(notifications);
  await appendAudit(manager, fired.map((deadline) => ({ concernId: deadline.concernId, action: 'DEADLINE_FIRED' as const })), null, now);
  return due.length;
}
