import { DataSource, EntityManager } from 'typeorm';
import { Clock, groupLoader, isUuid, recordLoader, Viewer } from '@samverkan/platform';
import { appendAudit } from '../audit/audit-log';
import { Concern } from './concern';
import { concernVisibleSql } from './concern-access';
import { ConcernAction } from './concern-action';
import { ConcernRecipient } from './concern-recipient';

/** Appends a READ entry for each concern a path returns, in the caller's transaction. */
const appendReads = (manager: EntityManager, concerns: readonly Concern[], viewer: Viewer, clock: Clock) =>
  appendAudit(manager, concerns.map((concern) => ({ concernId: concern.id, action: 'READ' as const })), viewer, clock.now());

/** Writes a READ entry for each concern a path returns, in one transaction: one batch per request level. */
export async function auditReads(dataSource: DataSource, concerns: readonly Concern[], viewer: Viewer, clock: Clock): Promise<void> {
  if (!concerns.length) return;
  await dataSource.transaction((manager) => appendReads(manager, concerns, viewer, clock));
}

/**
 * Per-request loaders of concerns: every one returns only the concerns the viewer may read, and
 * writes each concern it returns to the audit log (READ) in the same transaction, one batch at a time.
 */
export function concernLoaders(dataSource: DataSource, viewer: Viewer, clock: Clock) {
  return {
    concern: recordLoader<string, Concern>(async (ids) => {
      const wellFormed = ids.filter(isUuid);
      if (!wellFormed.length) return [];
      return dataSource.transaction(async (manager) => {
        const concerns = await manager
          .getRepository(Concern)
          .createQueryBuilder('c')
          .where('c.id IN (:...ids)', { ids: wellFormed })
          .andWhere(...concernVisibleSql('c', viewer))
          .getMany();
        await appendReads(manager, concerns, viewer, clock);
        return concerns;
      });
    }, (concern) => concern.id),
    /** The activated team of each concern: only asked for concerns already read. */
    concernRecipients: groupLoader<string, ConcernRecipient>(async (concernIds) =>
      (
        await dataSource
          .getRepository(ConcernRecipient)
          .createQueryBuilder('r')
          .where('r.concern_id = ANY(:concernIds)', { concernIds })
          .orderBy('r.concern_id')
          .addOrderBy(`array_position(ARRAY['LEAD', 'BACKUP', 'MEMBER', 'COORDINATOR'], r.role)`)
          .addOrderBy('r.contact_function_id')
          .getMany()
      ).map((recipient) => [recipient.concernId, recipient]),
    ),
    /** The follow-up log of each concern, oldest first: only asked for concerns already read. */
    concernActions: groupLoader<string, ConcernAction>(async (concernIds) =>
      (
        await dataSource
          .getRepository(ConcernAction)
          .createQueryBuilder('a')
          .where('a.concern_id = ANY(:concernIds)', { concernIds })
          .orderBy('a.concern_id')
          .addOrderBy('a.at')
          .addOrderBy('a.recorded_at')
          .addOrderBy('a.id')
          .getMany()
      ).map((action) => [action.concernId, action]),
    ),
  };
}
