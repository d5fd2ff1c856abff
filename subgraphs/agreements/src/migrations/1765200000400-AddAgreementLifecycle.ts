import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Agreement lifecycle (issue 14): renewal links an agreement to the one it renews (at most one
 * renewal each); the status history records every status an agreement takes (the change log names
 * the fields changed, not their values), begun for the agreements of before with the status they
 * have now, as of their registration, by their owner; the expiry notices remember, per agreement
 * and end date, that the parties were told it expires soon.
 */
export class AddAgreementLifecycle1765200000400 implements MigrationInterface {
  name = 'AddAgreementLifecycle1765200000400';

  async up(db: QueryRunner): Promise<void> {
    // A deleted previous agreement leaves its renewal standing, unlinked.
    await db.query('ALTER TABLE agreements ADD COLUMN renews uuid REFERENCES agreements (id) ON DELETE SET NULL');
    await db.query('CREATE UNIQUE INDEX agreements_renews ON agreements (renews)');
    await db.query(`
      CREATE TABLE agreement_status_changes (
        id bigserial PRIMARY KEY,
        agreement_id uuid NOT NULL REFERENCES agreements (id) ON DELETE CASCADE,
        from_status text CHECK (from_status IN ('DRAFT', 'ACTIVE', 'ENDED', 'TERMINATED')),
        to_status text NOT NULL CHECK (to_status IN ('DRAFT', 'ACTIVE', 'ENDED', 'TERMINATED')),
        changed_at timestamptz NOT NULL,
        organisation_id uuid NOT NULL
      )`);
    await db.query('CREATE INDEX agreement_status_changes_agreement ON agreement_status_changes (agreement_id, id)');
    await db.query(`
      INSERT INTO agreement_status_changes (agreement_id, from_status, to_status, changed_at, organisation_id)
      SELECT id, NULL, status, created_at, owner_id FROM agreements ORDER BY created_at, id`);
    await db.query(`
      CREATE TABLE agreement_expiry_notices (
        agreement_id uuid NOT NULL REFERENCES agreements (id) ON DELETE CASCADE,
        ends_on date NOT NULL,
        recorded_at timestamptz NOT NULL,
        PRIMARY KEY (agreement_id, ends_on)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE agreement_expiry_notices');
    await db.query('DROP TABLE agreement_status_changes');
    await db.query('ALTER TABLE agreements DROP COLUMN renews');
  }
}
