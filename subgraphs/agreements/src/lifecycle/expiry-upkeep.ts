import { DataSource } from 'typeorm';
import { ChangeAction, recordChange, todayInSweden } from '@samverkan/federation';
import { agreementExpiryNoticeDays, Clock, Viewer } from '@samverkan/platform';
import { expiringSql } from './expiry';

/** Who the change log names for a notice no person gave: the agreement's owning organisation, and this subject. */
export const EXPIRY_SUBJECT = 'samverkan:agreement-expiry';

/** How often the subgraph looks for agreements that came within the notice period: days matter, an hour is soon enough. */
export const EXPIRY_CHECK_MS = 60 * 60_000;

/**
 * Tells the change feed (and so the webhooks, and the parties' systems) when an ACTIVE agreement
 * comes within AGREEMENT_EXPIRY_NOTICE_DAYS of its end: an UPDATED change with field `expiresSoon`,
 * once per agreement and end date (an agreement extended to a later end is told again when that
 * one nears), in its owner's name. Nobody changed the record, so its version stays (a coordinator
 * editing it must not get VERSION_CONFLICT for this). Run as the subgraph's upkeep by every replica,
 * like the situation subgraph's overdue incidents: the notice row's key (agreement, end date) makes
 * a concurrent run wait and then find it told; one that came due while no process ran is told at
 * the next run.
 */
export async function recordExpiringAgreements(dataSource: DataSource, clock: Clock): Promise<void> {
  const now = clock.now();
  await dataSource.transaction(async (manager) => {
    const [sql, parameters] = dataSource.driver.escapeQueryWithParameters(
      `WITH noticed AS (
         INSERT INTO agreement_expiry_notices (agreement_id, ends_on, recorded_at)
         SELECT g.id, g.ends_on, :now FROM agreements g WHERE ${expiringSql('g')}
         ON CONFLICT DO NOTHING RETURNING agreement_id)
       SELECT n.agreement_id AS id, g.owner_id FROM noticed n JOIN agreements g ON g.id = n.agreement_id ORDER BY n.agreement_id`,
      { now, expiryToday: todayInSweden(now), expiryDays: agreementExpiryNoticeDays() },
      {},
    );
    const due: Array<{ id: string; owner_id: string }> = await manager.query(sql, parameters);
    // One batch per owner: the first run over many agreements stays a few statements.
    for (const ownerId of new Set(due.map((agreement) => agreement.owner_id))) {
      const owner: Viewer = { kind: 'member', subject: EXPIRY_SUBJECT, organisationId: ownerId, roles: [] };
      const owned = due.filter((agreement) => agreement.owner_id === ownerId);
      await recordChange(manager, owner, owned.map(({ id }) => ({ entityType: 'Agreement', entityId: id, action: ChangeAction.UPDATED, fields: ['expiresSoon'] })));
    }
  });
}
