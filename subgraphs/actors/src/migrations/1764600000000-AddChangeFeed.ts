import { MigrationInterface, QueryRunner } from 'typeorm';
import { backfillAudiences, CHANGE_FEED_DDL, CHANGE_FEED_DDL_DOWN } from '@samverkan/federation';

const PUBLIC = 'NULL::text AS visibility, NULL::uuid AS owner_id, NULL::uuid[] AS shared_with';

/** The change log becomes the change feed (README, "Keeping a local system in step"): each entry keeps its record's audience, in commit order. */
export class AddChangeFeed1764600000000 implements MigrationInterface {
  name = 'AddChangeFeed1764600000000';

  async up(db: QueryRunner): Promise<void> {
    for (const statement of CHANGE_FEED_DDL) await db.query(statement);
    // The audiences as of this migration (REGISTRY_FEED_TYPES may change later; a migration does not).
    await backfillAudiences(db, {
      Actor: `SELECT a.id, ${PUBLIC}, ARRAY(SELECT aa.area_code FROM actor_areas aa WHERE aa.actor_id = a.id) AS area_codes FROM actors a WHERE a.id = ANY(CAST($1 AS uuid[]))`,
      Service: `SELECT s.id, ${PUBLIC}, ARRAY(SELECT sa.area_code FROM service_areas sa WHERE sa.service_id = s.id) AS area_codes FROM services s WHERE s.id = ANY(CAST($1 AS uuid[]))`,
      Venue: `SELECT id, ${PUBLIC}, ARRAY[area_code] AS area_codes FROM venues WHERE id = ANY(CAST($1 AS uuid[]))`,
      ContactFunction: `SELECT id, ${PUBLIC}, ARRAY[area_code] AS area_codes FROM contact_functions WHERE id = ANY(CAST($1 AS uuid[]))`,
      Area: `SELECT id, ${PUBLIC}, ARRAY[code] AS area_codes FROM areas WHERE id = ANY(CAST($1 AS uuid[]))`,
    });
  }

  async down(db: QueryRunner): Promise<void> {
    for (const statement of CHANGE_FEED_DDL_DOWN) await db.query(statement);
  }
}
