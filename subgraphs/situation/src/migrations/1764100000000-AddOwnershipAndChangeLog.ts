import { MigrationInterface, QueryRunner } from 'typeorm';
import { CHANGE_LOG_DDL } from '@samverkan/federation';

/**
 * Every situation report is owned by the party that reported it, which chooses who sees it
 * (privacy by default: reports from before this change stay with their owner until it shares them);
 * changes are logged.
 */
export class AddOwnershipAndChangeLog1764100000000 implements MigrationInterface {
  name = 'AddOwnershipAndChangeLog1764100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE situation_reports ADD COLUMN owner_id uuid');
    await db.query('UPDATE situation_reports SET owner_id = reported_by_id');
    await db.query('ALTER TABLE situation_reports ALTER COLUMN owner_id SET NOT NULL');
    // A party reports only for itself: the reporting actor is the owner.
    await db.query('ALTER TABLE situation_reports ADD CONSTRAINT situation_reports_owner_reports CHECK (owner_id = reported_by_id)');
    await db.query(`ALTER TABLE situation_reports ADD COLUMN visibility text NOT NULL DEFAULT 'OWNER'
      CHECK (visibility IN ('PUBLIC', 'NETWORK', 'SHARED', 'OWNER'))`);
    await db.query(`ALTER TABLE situation_reports ADD COLUMN shared_with uuid[] NOT NULL DEFAULT '{}'`);
    await db.query('CREATE INDEX situation_reports_owner_id ON situation_reports (owner_id)');
    for (const statement of CHANGE_LOG_DDL) await db.query(statement);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE change_log');
    await db.query('DROP FUNCTION change_log_append_only');
    await db.query('DROP INDEX situation_reports_owner_id');
    await db.query('ALTER TABLE situation_reports DROP COLUMN shared_with');
    await db.query('ALTER TABLE situation_reports DROP COLUMN visibility');
    await db.query('ALTER TABLE situation_reports DROP CONSTRAINT situation_reports_owner_reports');
    await db.query('ALTER TABLE situation_reports DROP COLUMN owner_id');
  }
}
