import { MigrationInterface, QueryRunner } from 'typeorm';
import { CHANGE_LOG_DDL } from '@samverkan/federation';

/**
 * Every activity has an owning organisation (its lead organiser), which chooses who sees the
 * activity's internal fields; changes are logged. Existing activities are owned by one of their
 * organisers (the lowest actor id: the table keeps no order of organisers) and show their internal
 * fields to that owner only, until it chooses otherwise (privacy by default).
 */
export class AddOwnershipAndChangeLog1764100000000 implements MigrationInterface {
  name = 'AddOwnershipAndChangeLog1764100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE activities ADD COLUMN owner_id uuid');
    await db.query(`
      UPDATE activities a SET owner_id = COALESCE(
        (SELECT min(o.actor_id::text)::uuid FROM activity_organisers o WHERE o.activity_id = a.id),
        -- No organiser (never written by the API): the nil UUID, an owner nobody acts for.
        '00000000-0000-0000-0000-000000000000'
      )`);
    await db.query('ALTER TABLE activities ALTER COLUMN owner_id SET NOT NULL');
    await db.query(
      `ALTER TABLE activities ADD COLUMN visibility text NOT NULL DEFAULT 'OWNER'
         CHECK (visibility IN ('PUBLIC', 'NETWORK', 'SHARED', 'OWNER'))`,
    );
    await db.query(`ALTER TABLE activities ADD COLUMN shared_with uuid[] NOT NULL DEFAULT '{}'`);
    await db.query('CREATE INDEX activities_owner_id ON activities (owner_id)');
    for (const statement of CHANGE_LOG_DDL) await db.query(statement);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE change_log');
    await db.query('DROP FUNCTION change_log_append_only');
    await db.query('ALTER TABLE activities DROP COLUMN shared_with');
    await db.query('ALTER TABLE activities DROP COLUMN visibility');
    await db.query('ALTER TABLE activities DROP COLUMN owner_id');
  }
}
