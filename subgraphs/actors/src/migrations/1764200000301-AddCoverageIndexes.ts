import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the coverage-gap queries (coverage.ts), which read what is offered where across the
 * whole registry: a service's category and ages, and an actor's kind, without visiting the wide
 * rows (descriptions, search vectors) themselves.
 */
export class AddCoverageIndexes1764200000301 implements MigrationInterface {
  name = 'AddCoverageIndexes1764200000301';

  async up(db: QueryRunner): Promise<void> {
    await db.query('CREATE INDEX services_coverage ON services (id) INCLUDE (category, age_min, age_max)');
    await db.query('CREATE INDEX actors_coverage ON actors (kind, id)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX actors_coverage');
    await db.query('DROP INDEX services_coverage');
  }
}
