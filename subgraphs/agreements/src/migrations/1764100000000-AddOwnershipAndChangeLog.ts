import { MigrationInterface, QueryRunner } from 'typeorm';
import { CHANGE_LOG_DDL } from '@samverkan/federation';

/**
 * Every agreement has an owning organisation, which chooses who may see it; changes are logged.
 * Agreements that exist already are owned by the party that answers for them (the first
 * ACCOUNTABLE party, else the first party by role) and stay private (OWNER) until it chooses otherwise.
 */
export class AddOwnershipAndChangeLog1764100000000 implements MigrationInterface {
  name = 'AddOwnershipAndChangeLog1764100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE agreements ADD COLUMN owner_id uuid');
    await db.query(`
      UPDATE agreements a SET owner_id = (
        SELECT p.actor_id FROM agreement_parties p WHERE p.agreement_id = a.id
        ORDER BY CASE p.role WHEN 'ACCOUNTABLE' THEN 0 WHEN 'FUNDING' THEN 1 WHEN 'EXTENDING' THEN 2 ELSE 3 END, p.actor_id
        LIMIT 1)`);
    await db.query('ALTER TABLE agreements ALTER COLUMN owner_id SET NOT NULL');
    await db.query(`
      ALTER TABLE agreements
        ADD COLUMN visibility text NOT NULL DEFAULT 'OWNER' CHECK (visibility IN ('PUBLIC', 'NETWORK', 'SHARED', 'OWNER')),
        ADD COLUMN shared_with uuid[] NOT NULL DEFAULT '{}'`);
    await db.query('CREATE INDEX agreements_owner_id ON agreements (owner_id)');
    for (const statement of CHANGE_LOG_DDL) await db.query(statement);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE change_log');
    await db.query('DROP FUNCTION change_log_append_only');
    await db.query('ALTER TABLE agreements DROP COLUMN shared_with, DROP COLUMN visibility, DROP COLUMN owner_id');
  }
}
