import { DataSource, EntityManager } from 'typeorm';
import { wallClockInSweden } from '@samverkan/federation';
import { Clock, concernRetention, logger } from '@samverkan/platform';
import { appendAudit } from '../audit/audit-log';
import { PeriodicJob } from '../clock/periodic-job';
import { minutesToFirstContactSql } from '../figures/minutes-to-first-contact';
import { ConcernTombstone } from './concern-tombstone';

/** Concerns deleted per transaction: locks, memory and the audit append stay bounded. */
const BATCH_SIZE = 500;

interface Expired {
  id: string;
  area_code: string;
  registered_at: Date;
  receiving_actor_kind: string;
  closed_at: Date;
  minutes_to_first_contact: number | null;
}

/**
 * Closed concerns past their retention, oldest first, locked (a concern being read for update by a
 * request waits for the next run). Retention counts whole 24-hour days from closing, by the receiving
 * organisation's kind; open concerns are never taken, however old. Minutes to first contact are
 * the figures' own, so a tombstone counts exactly as its concern did.
 */
async function lockExpired(manager: EntityManager, now: Date, batchSize: number): Promise<Expired[]> {
  const { days, byKind } = concernRetention();
  const kinds = Object.keys(byKind);
  const shortest = Math.min(days, ...Object.values(byKind));
  return manager.query(
    `SELECT c.id, c.area_code, c.registered_at, c.receiving_actor_kind, c.closed_at,
            ${minutesToFirstContactSql('c')} AS minutes_to_first_contact
       FROM concerns c
       LEFT JOIN unnest($2::text[], $3::int[]) AS retention (kind, days) ON retention.kind = c.receiving_actor_kind
      WHERE c.status = 'CLOSED'
        AND c.closed_at <= $1::timestamptz - make_interval(hours => 24 * $5::int)
        AND c.closed_at + make_interval(hours => 24 * COALESCE(retention.days, $4::int)) <= $1::timestamptz
      ORDER BY c.closed_at, c.id
      LIMIT $6
      FOR UPDATE OF c SKIP LOCKED`,
    [now, kinds, kinds.map((kind) => byKind[kind]), days, shortest, batchSize],
  );
}

/**
 * Deletes the closed concerns whose retention has run out (docs/dpia-concerns.md §5), in batches of
 * one transaction each: the concern goes with its activated team, actions, deadlines and
 * notifications (ON DELETE CASCADE), and leaves a tombstone without content and a DELETED entry in
 * the audit log, which keeps every earlier entry about it. Concurrent runs share the work (locked
 * concerns are skipped). Returns how many were deleted.
 */
export async function deleteExpiredConcerns(dataSource: DataSource, clock: Clock, { batchSize = BATCH_SIZE } = {}): Promise<number> {
  let deleted = 0;
  for (;;) {
    const now = clock.now();
    const batch = await dataSource.transaction(async (manager) => {
      const expired = await lockExpired(manager, now, batchSize);
      if (!expired.length) return 0;
      await manager.insert(
        ConcernTombstone,
        expired.map((concern) => ({
          id: concern.id,
          areaCode: concern.area_code,
          registeredMonth: wallClockInSweden(concern.registered_at).date.slice(0, 7),
          receivingActorKind: concern.receiving_actor_kind,
          minutesToFirstContact: concern.minutes_to_first_contact,
          closedAt: concern.closed_at,
          deletedAt: now,
        })),
      );
      const ids = expired.map((concern) => concern.id);
      await manager.query('DELETE FROM concerns WHERE id = ANY($1::uuid[])', [ids]);
      await appendAudit(manager, ids.map((concernId) => ({ concernId, action: 'DELETED' as const })), null, now);
      return expired.length;
    });
    deleted += batch;
    if (batch < batchSize) break;
  }
  if (deleted) logger.info({ deleted }, 'Deleted concerns past their retention, leaving tombstones');
  return deleted;
}

/** Retention as a job of the concerns' clock worker: hourly; a missed hour only delays a deletion. */
export const retentionJob: PeriodicJob = {
  queue: 'concern-retention',
  everySeconds: () => 3600,
  run: async (dataSource, clock) => {
    await deleteExpiredConcerns(dataSource, clock);
  },
};
