import { EntityManager } from 'typeorm';
import { concernClockSettings } from '@samverkan/platform';
import { Concern } from '../concerns/concern';
import { ConcernRecipient } from '../concerns/concern-recipient';
import { ConcernDeadline, DeadlineStep } from './concern-deadline';
import { ConcernNotification, NotificationKind } from './concern-notification';

/** Hours after registration of each point of the clock, as configured now. */
export function deadlineHours(): Record<DeadlineStep, number> {
  const settings = concernClockSettings();
  return {
    [DeadlineStep.REMINDER]: settings.reminderHours,
    [DeadlineStep.ESCALATE_BACKUPS]: settings.escalateBackupsHours,
    [DeadlineStep.ESCALATE_COORDINATOR]: settings.escalateCoordinatorHours,
    [DeadlineStep.BREACH]: settings.answerHours,
  };
}

/** When the guardian is to have been answered: registration plus CONCERN_ANSWER_HOURS, as configured now. */
export const answerDueAt = (concern: Pick<Concern, 'registeredAt'>) => new Date(concern.registeredAt.getTime() + concernClockSettings().answerHours * 3_600_000);

/**
 * Starts a registered concern's clock, in the registration's transaction: its four points as rows
 * (what the pg-boss tick fires, so no restart loses one), and the ACTIVATED notification to every
 * line of the activated team.
 */
export async function startConcernClock(manager: EntityManager, concern: Concern, recipients: readonly ConcernRecipient[]): Promise<void> {
  const registered = concern.registeredAt.getTime();
  await manager.getRepository(ConcernDeadline).insert(
    Object.entries(deadlineHours()).map(([step, hours]) => ({
      concernId: concern.id,
      step: step as DeadlineStep,
      dueAt: new Date(registered + hours * 3_600_000),
    })),
  );
  if (!recipients.length) return;
  await manager.getRepository(ConcernNotification).insert(
    recipients.map((recipient) => ({
      concernId: concern.id,
      deadlineId: null,
      kind: NotificationKind.ACTIVATED,
      contactFunctionId: recipient.contactFunctionId,
      actorId: recipient.actorId,
      role: recipient.role,
      queuedAt: concern.registeredAt,
    })),
  );
}
