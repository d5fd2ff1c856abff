import { DataSource } from 'typeorm';
import { ChangeAction, recordChange } from '@samverkan/federation';
import { Clock, Viewer } from '@samverkan/platform';
import { Incident } from './incident';
import { overdueSql } from './contact-list';

/** Who the change log names for a change no person made: the incident's owning organisation, and this subject. */
export const OVERDUE_SUBJECT = 'samverkan:incident-overdue';

/** How often the subgraph looks for incidents that became overdue: the feed learns of one within a minute. */
export const OVERDUE_CHECK_MS = 60_000;

/**
 * Tells the change feed (and so the webhooks) when an incident becomes overdue: an UPDATED change
 * with field `overdue`, once per incident, recorded in its owner's name. Overdue is computed, not
 * stored, so no write would otherwise reach the feed. Run as the subgraph's upkeep, by every
 * replica: the marker is set under a row lock (SKIP LOCKED), so each incident is told once, and one
 * that became overdue while no process ran is told at the next run.
 */
export async function recordOverdueIncidents(dataSource: DataSource, clock: Clock): Promise<void> {
  const now = clock.now();
  await dataSource.transaction(async (manager) => {
    const [condition, parameters] = overdueSql('i', now);
    const due = await manager
      .getRepository(Incident)
      .createQueryBuilder('i')
      .where(condition, parameters)
      .andWhere('i.overdue_recorded_at IS NULL')
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
    if (!due.length) return;
    // Not a new version: nothing anyone wrote changed, and a coordinator logging contacts must not get VERSION_CONFLICT for it.
    await manager.query('UPDATE incidents SET overdue_recorded_at = $1 WHERE id = ANY(CAST($2 AS uuid[]))', [now, due.map((i) => i.id)]);
    for (const incident of due) {
      const owner: Viewer = { kind: 'member', subject: OVERDUE_SUBJECT, organisationId: incident.ownerId, roles: [] };
      await recordChange(manager, owner, { entityType: 'Incident', entityId: incident.id, action: ChangeAction.UPDATED, fields: ['overdue'] });
    }
  });
}
