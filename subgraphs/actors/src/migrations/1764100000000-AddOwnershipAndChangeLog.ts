import { MigrationInterface, QueryRunner } from 'typeorm';
import { CHANGE_LOG_DDL } from '@samverkan/federation';

/** Every actor entry has an owning organisation (at first itself); changes are logged. */
export class AddOwnershipAndChangeLog1764100000000 implements MigrationInterface {
  name = 'AddOwnershipAndChangeLog1764100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE actors ADD COLUMN owner_id uuid');
    await db.query('UPDATE actors SET owner_id = id');
    await db.query('ALTER TABLE actors ALTER COLUMN owner_id SET NOT NULL');
    await db.query('CREATE INDEX actors_owner_id ON actors (owner_id)');
    for (const statement of CHANGE_LOG_DDL) await db.query(statement);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE change_log');
    await db.query('DROP FUNCTION change_log_append_only');
    await db.query('ALTER TABLE actors DROP COLUMN owner_id');
  }
}
