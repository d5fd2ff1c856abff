import { MigrationInterface, QueryRunner } from 'typeorm';
import { backfillAudiences, CHANGE_FEED_DDL, CHANGE_FEED_DDL_DOWN } from '@samverkan/federation';

/** The change log becomes the change feed (README, "Keeping a local system in step"): each entry keeps its record's audience, in commit order. */
export class AddChangeFeed1765000000000 implements MigrationInterface {
  name = 'AddChangeFeed1765000000000';

  async up(db: QueryRunner): Promise<void> {
    for (const statement of CHANGE_FEED_DDL) await db.query(statement);
    // The audience as of this migration (SITUATION_FEED_TYPES may change later; a migration does not).
    await backfillAudiences(db, {
      SituationReport: `SELECT id, visibility, owner_id, shared_with, ARRAY[area_code] AS area_codes FROM situation_reports WHERE id = ANY(CAST($1 AS uuid[]))`,
    });
  }

  async down(db: QueryRunner): Promise<void> {
    for (const statement of CHANGE_FEED_DDL_DOWN) await db.query(statement);
  }
}
