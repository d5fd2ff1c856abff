import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The activities taking place in a span of months, found by an index on their period (an open end
 * is an open range): the activity figures read only those, not every activity that started before.
 */
export class IndexActivityPeriods1764300000000 implements MigrationInterface {
  name = 'IndexActivityPeriods1764300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX activities_period ON activities USING gist (daterange(starts_on, ends_on, '[]'))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX activities_period');
  }
}
