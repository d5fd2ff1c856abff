import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Actors can be archived instead of deleted (registry/archiving.ts): the row stays, so every record
 * that names the actor still shows it, and its history is kept. Lists leave archived actors out,
 * through the small partial index.
 */
export class ArchiveActors1764300000100 implements MigrationInterface {
  name = 'ArchiveActors1764300000100';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE actors
        ADD COLUMN archived_at timestamptz,
        ADD COLUMN archived_reason text CHECK (length(archived_reason) BETWEEN 1 AND 1000),
        ADD CONSTRAINT actors_archived_with_reason CHECK ((archived_at IS NULL) = (archived_reason IS NULL))`);
    await db.query('CREATE INDEX actors_archived ON actors (id) WHERE archived_at IS NOT NULL');
    // Coverage leaves archived actors' services out: it reads their actor from the index, as their category and ages.
    await db.query('DROP INDEX services_coverage');
    await db.query('CREATE INDEX services_coverage ON services (id) INCLUDE (category, age_min, age_max, actor_id)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX services_coverage');
    await db.query('CREATE INDEX services_coverage ON services (id) INCLUDE (category, age_min, age_max)');
    await db.query('DROP INDEX actors_archived');
    await db.query('ALTER TABLE actors DROP CONSTRAINT actors_archived_with_reason, DROP COLUMN archived_reason, DROP COLUMN archived_at');
  }
}
