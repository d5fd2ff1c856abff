import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An activity can be carried out under an agreement (not only be funded by one), and under one
 * commitment of a citizen promise. Both refer to records of the agreements subgraph, so no foreign
 * keys; the partial indexes serve `Agreement.activitiesUnder`, `Commitment.activities` and the filters.
 */
export class AddActivitiesUnderAgreements1765200000000 implements MigrationInterface {
  name = 'AddActivitiesUnderAgreements1765200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE activities ADD COLUMN agreement_id uuid, ADD COLUMN commitment_id uuid');
    // A commitment belongs to an agreement: an activity under a commitment is under that agreement too.
    await db.query('ALTER TABLE activities ADD CONSTRAINT activities_commitment_under_agreement CHECK (commitment_id IS NULL OR agreement_id IS NOT NULL)');
    await db.query('CREATE INDEX activities_agreement_id ON activities (agreement_id) WHERE agreement_id IS NOT NULL');
    await db.query('CREATE INDEX activities_commitment_id ON activities (commitment_id) WHERE commitment_id IS NOT NULL');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX activities_commitment_id');
    await db.query('DROP INDEX activities_agreement_id');
    await db.query('ALTER TABLE activities DROP CONSTRAINT activities_commitment_under_agreement, DROP COLUMN commitment_id, DROP COLUMN agreement_id');
  }
}
