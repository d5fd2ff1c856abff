import { MigrationInterface, QueryRunner } from 'typeorm';
import { backfillAudiences, CHANGE_FEED_DDL, CHANGE_FEED_DDL_DOWN } from '@samverkan/federation';

/** The change log becomes the change feed (README, "Keeping a local system in step"): each entry keeps its record's audience, in commit order. */
export class AddChangeFeed1764600000000 implements MigrationInterface {
  name = 'AddChangeFeed1764600000000';

  async up(db: QueryRunner): Promise<void> {
    for (const statement of CHANGE_FEED_DDL) await db.query(statement);
    // The audience as of this migration (AGREEMENT_FEED_TYPES may change later; a migration does not).
    await backfillAudiences(db, {
      Agreement: `SELECT g.id, g.visibility, g.owner_id, g.shared_with, ARRAY(SELECT ga.area_code FROM agreement_areas ga WHERE ga.agreement_id = g.id) AS area_codes FROM agreements g WHERE g.id = ANY(CAST($1 AS uuid[]))`,
    });
  }

  async down(db: QueryRunner): Promise<void> {
    for (const statement of CHANGE_FEED_DDL_DOWN) await db.query(statement);
  }
}
