import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Vouching (issue 11): an organisation says it vouches for another organisation's activity ("vi går
 * i god för"). One row per activity and organisation; a vouch the activity's owner declined stays as
 * a DECLINED row, so that organisation cannot simply vouch again until the owner allows it.
 */
export class AddVouches1764400000400 implements MigrationInterface {
  name = 'AddVouches1764400000400';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE activity_vouches (
        activity_id uuid NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
        organisation_id uuid NOT NULL,
        status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'DECLINED')),
        note varchar(500),
        since date NOT NULL,
        declined_on date,
        decline_reason varchar(500),
        PRIMARY KEY (activity_id, organisation_id),
        CHECK ((status = 'DECLINED') = (declined_on IS NOT NULL)),
        CHECK (status = 'DECLINED' OR decline_reason IS NULL)
      )`);
    // Every actor's vouches, e.g. when an organisation is archived.
    await db.query('CREATE INDEX activity_vouches_organisation ON activity_vouches (organisation_id)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE activity_vouches');
  }
}
